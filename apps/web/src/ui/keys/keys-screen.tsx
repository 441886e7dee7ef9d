'use client';
/**
 * A tenant's signing keys: what its JWKS publishes and which key signs, rotation on request
 * (next → active → retired), new keys of another algorithm, retiring a key, and the schedule.
 */
import { type FormEvent, useState } from 'react';
import { Button } from '../components/button';
import { ConfirmDialog } from '../components/confirm-dialog';
import { SelectField } from '../components/field';
import { EmptyState, ErrorNotice, Skeleton } from '../components/notices';
import { PageHeader, Section } from '../components/page-header';
import { useToast } from '../components/toast';
import { ApiError, describeError } from '../graphql/api-error';
import { useMutation, useQuery } from '../graphql/hooks';
import { useTenant } from '../shell/tenant-context';
import { KeyTable } from './key-table';
import styles from './keys.module.css';
import {
  KEYS_GENERATE,
  KEYS_LIST,
  KEYS_RETIRE,
  KEYS_ROTATE,
  type SigningKey,
  type SigningKeyAlgorithm,
} from './operations';
import { ScheduleForm } from './schedule-form';

const ALGORITHMS = [
  { value: 'RS256', label: 'RS256 (RSA)' },
  { value: 'ES256', label: 'ES256 (P-256)' },
  { value: 'EdDSA', label: 'EdDSA (Ed25519)' },
] as const;

export function KeysScreen() {
  const { tenant, refetch: refetchTenant } = useTenant();
  const toast = useToast();
  const list = useQuery(KEYS_LIST, { tenantId: tenant.id });
  const [rotate, rotation] = useMutation(KEYS_ROTATE);
  const [generate, generation] = useMutation(KEYS_GENERATE);
  const [retire, retirement] = useMutation(KEYS_RETIRE);
  const [confirmRotate, setConfirmRotate] = useState(false);
  const [retiring, setRetiring] = useState<SigningKey | undefined>(undefined);
  const [alg, setAlg] = useState<SigningKeyAlgorithm>('ES256');

  const replaceKeys = (keys: SigningKey[]) =>
    list.setData((current) => current && { ...current, signingKeys: keys });

  const onRotate = async () => {
    const result = await rotate({ tenantId: tenant.id });
    if (!result) return;
    replaceKeys(result.rotateSigningKeys);
    setConfirmRotate(false);
    toast.success('Keys rotated');
    void refetchTenant();
  };

  const onGenerate = async (event: FormEvent) => {
    event.preventDefault();
    const result = await generate({ tenantId: tenant.id, alg });
    if (!result) return;
    const key = result.generateSigningKey;
    toast.success(`${key.alg} key generated (${key.state})`);
    await list.refetch();
  };

  const onRetire = async () => {
    if (!retiring) return;
    const result = await retire({ tenantId: tenant.id, kid: retiring.kid });
    if (!result) return;
    setRetiring(undefined);
    toast.success(`Key ${result.retireSigningKey.kid} retired`);
    await list.refetch();
  };

  const data = list.data;
  return (
    <>
      <PageHeader
        title="Signing keys"
        description="The keys this tenant signs ID tokens with; its JWKS publishes all of them."
        actions={
          <Button variant="primary" onClick={() => setConfirmRotate(true)}>
            Rotate now
          </Button>
        }
      />
      <Section title="Keys">
        {list.error && !data ? (
          <ErrorNotice error={list.error} retry={() => void list.refetch()} />
        ) : !data ? (
          <Skeleton rows={4} label="Loading signing keys…" />
        ) : data.signingKeys.length === 0 ? (
          <EmptyState title="No signing keys yet">Generate one to start signing.</EmptyState>
        ) : (
          <KeyTable
            keys={data.signingKeys}
            onRetire={(key) => {
              retirement.reset();
              setRetiring(key);
            }}
          />
        )}
      </Section>
      <Section
        title="Generate key"
        description="A new key is active when no key of its algorithm is, else it waits as next."
      >
        <form className={styles.generate} onSubmit={onGenerate}>
          <SelectField
            label="Algorithm"
            value={alg}
            onChange={(event) => setAlg(event.target.value as SigningKeyAlgorithm)}
            options={ALGORITHMS}
          />
          <Button type="submit" pending={generation.pending}>
            Generate key
          </Button>
        </form>
        <ErrorNotice error={generation.error} listFieldErrors />
      </Section>
      <Section
        title="Rotation schedule"
        description="Rotating often limits what a leaked key can sign."
      >
        {data ? (
          <ScheduleForm
            tenantId={tenant.id}
            schedule={data.keyRotationSchedule}
            onSaved={(schedule) =>
              list.setData((current) => current && { ...current, keyRotationSchedule: schedule })
            }
          />
        ) : (
          <Skeleton rows={2} label="Loading the schedule…" />
        )}
      </Section>
      <ConfirmDialog
        open={confirmRotate}
        title="Rotate signing keys now?"
        confirmLabel="Rotate now"
        pending={rotation.pending}
        error={<ErrorNotice error={rotation.error} listFieldErrors />}
        onConfirm={() => void onRotate()}
        onCancel={() => {
          rotation.reset();
          setConfirmRotate(false);
        }}
      >
        <p>
          For every algorithm in use, the <strong>next</strong> key becomes <strong>active</strong>{' '}
          and signs new tokens, the active key is <strong>retired</strong> and a new next key is
          staged. Retired keys stay published, so tokens already issued keep verifying.
        </p>
      </ConfirmDialog>
      <ConfirmDialog
        open={retiring !== undefined}
        title="Retire this key?"
        confirmLabel="Retire key"
        danger
        pending={retirement.pending}
        error={retirement.error ? <RetireError error={retirement.error} /> : null}
        onConfirm={() => void onRetire()}
        onCancel={() => setRetiring(undefined)}
      >
        <p>
          <code>{retiring?.kid}</code> ({retiring?.alg}, {retiring?.state}) stops signing. It stays
          published until it is pruned, so tokens it signed keep verifying.
        </p>
      </ConfirmDialog>
    </>
  );
}

/** The API's own reason (the only active RS256 key cannot be retired), not a generic one. */
function RetireError(props: { error: unknown }) {
  const message =
    props.error instanceof ApiError
      ? (props.error.fieldError('kid') ?? describeError(props.error))
      : describeError(props.error);
  return (
    <p className="notice notice-error" role="alert">
      {message}
    </p>
  );
}
