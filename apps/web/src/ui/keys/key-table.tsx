'use client';
/** The tenant's signing keys, newest first, with their public JWK and a Retire action. */
import { CopyButton } from '../components/copy-button';
import { formatDateTime } from '../components/format';
import styles from './keys.module.css';
import type { SigningKey, SigningKeyState } from './operations';

const BADGES: Record<SigningKeyState, string> = {
  active: 'badge-success',
  next: 'badge-info',
  retired: 'badge',
};

export function KeyTable(props: { keys: SigningKey[]; onRetire: (key: SigningKey) => void }) {
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">Signing keys, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Key ID</th>
            <th scope="col">Algorithm</th>
            <th scope="col">State</th>
            <th scope="col">Created</th>
            <th scope="col">Activated</th>
            <th scope="col">Retired</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {props.keys.map((key) => (
            <tr key={key.kid} data-kid={key.kid} data-state={key.state}>
              <td>
                <div className={styles.kid}>
                  <code>{key.kid}</code>
                  <CopyButton value={key.kid} label="Copy key ID" />
                </div>
                <details className={styles.jwk}>
                  <summary>Public JWK</summary>
                  <pre>{JSON.stringify(key.publicJwk, null, 2)}</pre>
                </details>
              </td>
              <td>{key.alg}</td>
              <td>
                <span className={`badge ${BADGES[key.state]}`}>{key.state}</span>
              </td>
              <td>{formatDateTime(key.createdAt)}</td>
              <td>{formatDateTime(key.activatedAt) || '—'}</td>
              <td>{formatDateTime(key.retiredAt) || '—'}</td>
              <td>
                {key.state !== 'retired' && (
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    onClick={() => props.onRetire(key)}
                    aria-label={`Retire ${key.kid}`}
                  >
                    Retire
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
