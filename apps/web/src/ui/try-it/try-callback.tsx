'use client';
/**
 * Where the tenant sends the browser back after a "try it" sign-in: checks `state`, shows the
 * OP's error if it answered with one, else exchanges the code (asking first for the secret of a
 * confidential client) and shows the verified ID token, userinfo and token response.
 */
import Link from 'next/link';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Button } from '../components/button';
import { TextField } from '../components/field';
import { Skeleton } from '../components/notices';
import { PageHeader } from '../components/page-header';
import { tenantPath } from '../shell/tenant-frame';
import { completeSignIn, OAuthFailure, type SignInResult } from './complete-sign-in';
import { type PendingFlow, takeFlow } from './flow';
import { SignInResultView } from './sign-in-result';

type Stage =
  | { kind: 'reading' }
  | { kind: 'no-flow' }
  | { kind: 'failed'; flow: PendingFlow | undefined; failure: OAuthFailure }
  | { kind: 'secret'; flow: PendingFlow; code: string }
  | { kind: 'exchanging'; flow: PendingFlow }
  | { kind: 'done'; flow: PendingFlow; result: SignInResult };

/** What the callback URL says, checked against the flow this tab started. */
function readCallback(flow: PendingFlow, params: URLSearchParams): Stage {
  if (params.get('state') !== flow.state) {
    const failure = new OAuthFailure(
      'state_mismatch',
      'The state in the callback is not the one this browser sent; the response was ignored.',
    );
    return { kind: 'failed', flow, failure };
  }
  const error = params.get('error');
  if (error) {
    const failure = new OAuthFailure(error, params.get('error_description') ?? undefined);
    return { kind: 'failed', flow, failure };
  }
  const code = params.get('code');
  if (!code) {
    return {
      kind: 'failed',
      flow,
      failure: new OAuthFailure('invalid_request', 'No code came back'),
    };
  }
  return { kind: 'secret', flow, code };
}

async function runExchange(
  setStage: (stage: Stage) => void,
  flow: PendingFlow,
  code: string,
  secret: string | undefined,
): Promise<void> {
  setStage({ kind: 'exchanging', flow });
  try {
    setStage({ kind: 'done', flow, result: await completeSignIn(flow, code, secret) });
  } catch (error) {
    const failure =
      error instanceof OAuthFailure
        ? error
        : new OAuthFailure('network_error', error instanceof Error ? error.message : String(error));
    setStage({ kind: 'failed', flow, failure });
  }
}

export function TryCallback() {
  const [stage, setStage] = useState<Stage>({ kind: 'reading' });
  const started = useRef(false);

  const exchange = (flow: PendingFlow, code: string, secret: string | undefined) =>
    void runExchange(setStage, flow, code, secret);

  useEffect(() => {
    // The flow is taken from storage once: a code must not be exchanged twice.
    if (started.current) return;
    started.current = true;
    const flow = takeFlow();
    if (!flow) {
      setStage({ kind: 'no-flow' });
      return;
    }
    const next = readCallback(flow, new URLSearchParams(window.location.search));
    // Clean the address bar of the code and state.
    window.history.replaceState(null, '', window.location.pathname);
    if (next.kind === 'secret' && next.flow.authMethod === 'none') {
      void runExchange(setStage, next.flow, next.code, undefined);
    } else setStage(next);
  }, []);

  const flow = 'flow' in stage ? stage.flow : undefined;
  const again = flow && (
    <Link className="button button-secondary" href={tenantPath(flow.tenantSlug, 'try')}>
      Start again
    </Link>
  );
  return (
    <>
      <PageHeader
        title="Try it: result"
        description={flow ? `${flow.tenantName} · client ${flow.clientId}` : undefined}
        actions={again}
      />
      {(stage.kind === 'reading' || stage.kind === 'exchanging') && (
        <Skeleton rows={8} label="Completing the sign-in…" />
      )}
      {stage.kind === 'no-flow' && (
        <div className="notice notice-info">
          <p>
            No sign-in is in progress in this tab (it was completed, or started elsewhere). Start
            one from a tenant's “Try it” tab.
          </p>
          <Link href="/">Tenants</Link>
        </div>
      )}
      {stage.kind === 'failed' && <FailureNotice failure={stage.failure} />}
      {stage.kind === 'secret' && (
        <SecretForm onSubmit={(secret) => exchange(stage.flow, stage.code, secret)} />
      )}
      {stage.kind === 'done' && <SignInResultView flow={stage.flow} result={stage.result} />}
    </>
  );
}

function FailureNotice(props: { failure: OAuthFailure }) {
  const { failure } = props;
  return (
    <div className="notice notice-error" role="alert" data-testid="oauth-error">
      <p>
        The sign-in failed with <code data-testid="oauth-error-code">{failure.code}</code>
        {failure.status !== undefined && ` (HTTP ${failure.status})`}.
      </p>
      {failure.description && <p>{failure.description}</p>}
    </div>
  );
}

function SecretForm(props: { onSubmit: (secret: string) => void }) {
  const [secret, setSecret] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onSubmit(secret);
  };
  return (
    <form className="form" onSubmit={submit}>
      <TextField
        label="Client secret"
        type="password"
        value={secret}
        onChange={(event) => setSecret(event.target.value)}
        hint="Sent only from this page to the tenant's token endpoint; not stored, not sent to the console."
        autoComplete="off"
        required
      />
      <div className="form-actions">
        <Button type="submit" variant="primary">
          Exchange the code
        </Button>
      </div>
    </form>
  );
}
