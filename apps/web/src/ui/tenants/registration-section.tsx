'use client';
/**
 * Who may register clients dynamically (RFC 7591) and, for the initial-access-token policy, the
 * tokens that let them: listed, issued (shown once) and revoked here.
 */
import { type FormEvent, useState } from 'react';
import { Button } from '../components/button';
import { ConfirmDialog } from '../components/confirm-dialog';
import { SelectField, TextField } from '../components/field';
import { formatDateTime, formatDuration } from '../components/format';
import { EmptyState, ErrorNotice, Skeleton } from '../components/notices';
import { Section } from '../components/page-header';
import { SecretOnce } from '../components/secret-once';
import { useToast } from '../components/toast';
import { ApiError } from '../graphql/api-error';
import { useMutation, useQuery } from '../graphql/hooks';
import {
  type InitialAccessToken,
  type RegistrationPolicy,
  TENANTS_CREATE_INITIAL_ACCESS_TOKEN,
  TENANTS_INITIAL_ACCESS_TOKENS,
  TENANTS_REVOKE_INITIAL_ACCESS_TOKEN,
  type TenantSettings,
} from './operations';
import styles from './settings.module.css';
import { parseSeconds, useSettingsSave } from './use-settings-save';

const POLICIES = [
  { value: 'off', label: 'Off: clients are created in the console or API only' },
  { value: 'initial_access_token', label: 'With an initial access token' },
  { value: 'open', label: 'Open: anyone may register' },
] as const;

export function RegistrationSection(props: {
  tenantId: string;
  registration: RegistrationPolicy;
  onSaved: (settings: TenantSettings) => void;
}) {
  const [policy, setPolicy] = useState<RegistrationPolicy>(props.registration);
  const { save, pending, fieldError, noticeError } = useSettingsSave(
    props.tenantId,
    props.onSaved,
    'Registration policy saved',
  );
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await save({ protocol: { registration: policy } });
  };
  return (
    <Section title="Registration policy" description="Who may use the registration endpoint.">
      <form className="form" onSubmit={submit} noValidate>
        <SelectField
          label="Dynamic client registration"
          options={POLICIES}
          value={policy}
          onChange={(event) => setPolicy(event.target.value as RegistrationPolicy)}
          error={fieldError('settings.protocol.registration')}
        />
        <ErrorNotice error={noticeError('settings.protocol.registration')} listFieldErrors />
        <div className="form-actions">
          <Button type="submit" variant="primary" pending={pending}>
            Save registration policy
          </Button>
        </div>
      </form>
      <InitialAccessTokens tenantId={props.tenantId} />
    </Section>
  );
}

function InitialAccessTokens(props: { tenantId: string }) {
  const toast = useToast();
  const { data, error, loading, refetch, setData } = useQuery(TENANTS_INITIAL_ACCESS_TOKENS, {
    tenantId: props.tenantId,
  });
  const [description, setDescription] = useState('');
  const [expiresIn, setExpiresIn] = useState('');
  const [secret, setSecret] = useState<string | undefined>(undefined);
  const [revoking, setRevoking] = useState<InitialAccessToken | undefined>(undefined);
  const [create, creation] = useMutation(TENANTS_CREATE_INITIAL_ACCESS_TOKEN);
  const [revoke, revocation] = useMutation(TENANTS_REVOKE_INITIAL_ACCESS_TOKEN);
  const expiry = parseSeconds(expiresIn);
  const creationError = creation.error instanceof ApiError ? creation.error : undefined;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (Number.isNaN(expiry)) return;
    const result = await create({
      tenantId: props.tenantId,
      ...(description.trim() && { description: description.trim() }),
      ...(expiry !== null && { expiresInSeconds: expiry }),
    });
    if (!result) return;
    const issued = result.createInitialAccessToken;
    setSecret(issued.token);
    setDescription('');
    setExpiresIn('');
    setData(
      (current) =>
        current && {
          initialAccessTokens: [issued.initialAccessToken, ...current.initialAccessTokens],
        },
    );
  };
  const confirmRevoke = async () => {
    if (!revoking) return;
    const result = await revoke({ tenantId: props.tenantId, id: revoking.id });
    if (!result) return;
    setData(
      (current) =>
        current && {
          initialAccessTokens: current.initialAccessTokens.filter((t) => t.id !== revoking.id),
        },
    );
    setRevoking(undefined);
    toast.success('Initial access token revoked');
  };
  const tokens = data?.initialAccessTokens;
  return (
    <div className={styles.tokens}>
      <h3>Initial access tokens</h3>
      {secret && (
        <SecretOnce
          label="Initial access token"
          value={secret}
          onDone={() => setSecret(undefined)}
        />
      )}
      <form
        className="form"
        onSubmit={submit}
        noValidate
        aria-label="Issue an initial access token"
      >
        <div className="form-row">
          <TextField
            label="Description"
            value={description}
            onChange={(event) => setDescription(event.target.value)}
            error={creationError?.fieldError('description')}
          />
          <TextField
            label="Expires in (seconds)"
            inputMode="numeric"
            value={expiresIn}
            placeholder="Empty: until revoked"
            onChange={(event) => setExpiresIn(event.target.value)}
            hint={
              expiry === null
                ? 'Works until revoked.'
                : Number.isNaN(expiry)
                  ? undefined
                  : formatDuration(expiry)
            }
            error={
              Number.isNaN(expiry)
                ? 'Enter a whole number of seconds.'
                : creationError?.fieldError('expiresInSeconds')
            }
          />
        </div>
        <ErrorNotice
          error={
            creationError?.fieldError('description') ||
            creationError?.fieldError('expiresInSeconds')
              ? undefined
              : creation.error
          }
          listFieldErrors
        />
        <div className="form-actions">
          <Button type="submit" pending={creation.pending}>
            Issue token
          </Button>
        </div>
      </form>
      {error !== undefined && <ErrorNotice error={error} retry={() => void refetch()} />}
      {tokens === undefined ? (
        loading && <Skeleton rows={2} label="Loading initial access tokens…" />
      ) : tokens.length === 0 ? (
        <EmptyState title="No initial access tokens" />
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Description</th>
                <th scope="col">Created</th>
                <th scope="col">Expires</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => (
                <tr key={token.id}>
                  <td>{token.description ?? <em>No description</em>}</td>
                  <td>{formatDateTime(token.createdAt)}</td>
                  <td>{token.expiresAt ? formatDateTime(token.expiresAt) : 'Never'}</td>
                  <td>
                    <Button
                      variant="ghost"
                      className="button-small"
                      onClick={() => setRevoking(token)}
                      aria-label={`Revoke ${token.description ?? 'token'}`}
                    >
                      Revoke
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ConfirmDialog
        open={revoking !== undefined}
        title="Revoke initial access token?"
        confirmLabel="Revoke"
        danger
        pending={revocation.pending}
        error={<ErrorNotice error={revocation.error} />}
        onConfirm={() => void confirmRevoke()}
        onCancel={() => {
          revocation.reset();
          setRevoking(undefined);
        }}
      >
        <p>It stops working at once. Clients it registered stay.</p>
      </ConfirmDialog>
    </div>
  );
}
