'use client';
/**
 * One client: what it is (id, kind, auth method, whether it has a secret), its metadata to edit,
 * the full stored metadata read-only, the secret to rotate and the client to delete.
 */
import { useState } from 'react';
import { ErrorNotice, Skeleton } from '../components/notices';
import { PageHeader } from '../components/page-header';
import { SecretOnce } from '../components/secret-once';
import { useQuery } from '../graphql/hooks';
import { useTenant } from '../shell/tenant-context';
import { ClientDangerZone } from './client-danger-zone';
import { ClientEditForm } from './client-edit-form';
import { ClientOverview } from './client-overview';
import styles from './clients.module.css';
import { CLIENT_DETAIL, type ClientDetail } from './operations';

export function ClientScreen(props: { clientId: string }) {
  const { tenant } = useTenant();
  const { data, error, loading, refetch, setData } = useQuery(CLIENT_DETAIL, {
    tenantId: tenant.id,
    clientId: props.clientId,
  });
  const client = data?.client;
  // A secret issued by a rotation or a save, shown here once; it outlives the form's remount.
  const [secret, setSecret] = useState<string | undefined>();
  const replace = (next: ClientDetail, issuedSecret?: string | null) => {
    setData(() => ({ client: next }));
    if (issuedSecret) setSecret(issuedSecret);
  };
  if (!client) {
    return (
      <>
        <PageHeader title="Client" />
        <ErrorNotice error={error} retry={() => void refetch()} />
        {loading && <Skeleton rows={8} label="Loading client…" />}
      </>
    );
  }
  return (
    <>
      <PageHeader title={client.clientName || 'Unnamed client'} />
      <div className={styles.sections}>
        {secret && (
          <SecretOnce label="Client secret" value={secret} onDone={() => setSecret(undefined)} />
        )}
        <ClientOverview client={client} onRotated={replace} />
        {/* Keyed by updatedAt so the form restarts from what was saved. */}
        <ClientEditForm key={client.updatedAt} client={client} onSaved={replace} />
        <ClientDangerZone client={client} />
      </div>
    </>
  );
}
