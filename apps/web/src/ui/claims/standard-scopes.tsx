'use client';
import { Section } from '../components/page-header';
import styles from './claims.module.css';
import { STANDARD_SCOPES } from './standard';

/** The scopes OpenID Connect defines, read-only: what applications get without any setup. */
export function StandardScopes() {
  return (
    <Section
      title="Standard scopes"
      description="Defined by OpenID Connect; every tenant has them."
    >
      <div className="table-wrap">
        <table className="table" aria-label="Standard scopes">
          <thead>
            <tr>
              <th scope="col">Scope</th>
              <th scope="col">Claims</th>
              <th scope="col">About</th>
            </tr>
          </thead>
          <tbody>
            {STANDARD_SCOPES.map((scope) => (
              <tr key={scope.name}>
                <td>
                  <code>{scope.name}</code>
                </td>
                <td>
                  <div className={styles.chips}>
                    {scope.claims.map((claim) => (
                      <code key={claim}>{claim}</code>
                    ))}
                  </div>
                </td>
                <td className={styles.muted}>{scope.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Section>
  );
}
