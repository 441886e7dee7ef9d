'use client';
/** The outcome of a "try it" sign-in: verification, ID token, userinfo, token response. */
import { Section } from '../components/page-header';
import { type SignInResult, truncateToken } from './complete-sign-in';
import type { PendingFlow } from './flow';
import styles from './try-it.module.css';

function Json(props: { value: unknown; testId: string }) {
  return (
    <pre className={styles.json} data-testid={props.testId}>
      {JSON.stringify(props.value, null, 2)}
    </pre>
  );
}

export function SignInResultView(props: { flow: PendingFlow; result: SignInResult }) {
  const { flow, result } = props;
  const { verification, tokens, userinfo } = result;
  return (
    <div className={styles.sections}>
      <div
        className={`notice ${verification.ok ? 'notice-info' : 'notice-error'}`}
        role="status"
        data-testid="verification"
        data-verified={verification.ok}
      >
        <p>
          <span className={`badge ${verification.ok ? 'badge-success' : 'badge-danger'}`}>
            {verification.ok ? 'Verified' : 'Not verified'}
          </span>{' '}
          <strong>{verification.ok ? 'ID token verified' : 'ID token NOT verified'}</strong>
          {verification.code && (
            <>
              {' '}
              (<code>{verification.code}</code>)
            </>
          )}
          : {verification.message}
        </p>
        <p>
          Issuer <code>{flow.issuer}</code>, audience <code>{flow.clientId}</code>
        </p>
      </div>
      <Section title="ID token claims">
        {result.idTokenClaims ? (
          <Json value={result.idTokenClaims} testId="id-token-claims" />
        ) : (
          <p>No ID token.</p>
        )}
      </Section>
      <Section title="ID token header">
        <Json value={result.idTokenHeader ?? null} testId="id-token-header" />
      </Section>
      <Section title="Userinfo">
        {userinfo.ok ? (
          <Json value={userinfo.claims} testId="userinfo" />
        ) : (
          <p className="field-error">Userinfo failed: {userinfo.error}</p>
        )}
      </Section>
      <Section
        title="Token response"
        description="Tokens are shortened: this page never shows them whole."
      >
        <dl className="definition-list" data-testid="token-response">
          <dt>token_type</dt>
          <dd>{tokens.token_type ?? '—'}</dd>
          <dt>expires_in</dt>
          <dd>{tokens.expires_in ?? '—'}</dd>
          <dt>scope</dt>
          <dd>{tokens.scope ?? '—'}</dd>
          <dt>access_token</dt>
          <dd>
            <code>{truncateToken(tokens.access_token)}</code>
          </dd>
          <dt>refresh_token</dt>
          <dd>
            <code>{truncateToken(tokens.refresh_token)}</code>
          </dd>
          <dt>id_token</dt>
          <dd>
            <code>{truncateToken(tokens.id_token)}</code>
          </dd>
        </dl>
      </Section>
    </div>
  );
}
