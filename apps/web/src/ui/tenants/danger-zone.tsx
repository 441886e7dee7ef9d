'use client';
/**
 * Disabling (apps/op refuses the tenant's requests, data stays) and deleting a tenant; platform
 * operators only. The API refuses both for the admin tenant and says why; that is shown as is.
 */
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '../components/button';
import { ConfirmDialog } from '../components/confirm-dialog';
import { ErrorNotice } from '../components/notices';
import { Section } from '../components/page-header';
import { useToast } from '../components/toast';
import { useMutation } from '../graphql/hooks';
import { useTenant } from '../shell/tenant-context';
import { TENANTS_DELETE, TENANTS_SET_STATUS } from './operations';
import styles from './settings.module.css';

export function DangerZone() {
  const { tenant, refetch } = useTenant();
  const router = useRouter();
  const toast = useToast();
  const [asking, setAsking] = useState<'status' | 'delete' | undefined>(undefined);
  const [setStatus, statusState] = useMutation(TENANTS_SET_STATUS);
  const [remove, removal] = useMutation(TENANTS_DELETE);
  const disabling = tenant.status === 'active';
  const changeStatus = async () => {
    const result = await setStatus({
      tenantId: tenant.id,
      status: disabling ? 'disabled' : 'active',
    });
    if (!result) return;
    setAsking(undefined);
    toast.success(disabling ? 'Tenant disabled' : 'Tenant enabled');
    await refetch();
  };
  const deleteTenant = async () => {
    const result = await remove({ tenantId: tenant.id, confirmSlug: tenant.slug });
    if (!result) return;
    toast.success(`Tenant ${tenant.slug} deleted`);
    router.push('/');
  };
  const cancel = () => {
    statusState.reset();
    removal.reset();
    setAsking(undefined);
  };
  return (
    <div className={styles.danger}>
      <Section title="Danger zone">
        <div className={styles.dangerRow}>
          <p>
            {disabling
              ? 'Disable the tenant: its sign-ins and tokens stop working; its data stays.'
              : 'The tenant is disabled. Enable it to serve its users again.'}
          </p>
          <Button variant={disabling ? 'danger' : 'secondary'} onClick={() => setAsking('status')}>
            {disabling ? 'Disable tenant' : 'Enable tenant'}
          </Button>
        </div>
        <div className={styles.dangerRow}>
          <p>
            Delete the tenant with all its users, clients, keys and tokens. This cannot be undone.
          </p>
          <Button variant="danger" onClick={() => setAsking('delete')}>
            Delete tenant
          </Button>
        </div>
      </Section>
      <ConfirmDialog
        open={asking === 'status'}
        title={disabling ? `Disable ${tenant.name}?` : `Enable ${tenant.name}?`}
        confirmLabel={disabling ? 'Disable' : 'Enable'}
        danger={disabling}
        pending={statusState.pending}
        error={<ErrorNotice error={statusState.error} listFieldErrors />}
        onConfirm={() => void changeStatus()}
        onCancel={cancel}
      >
        <p>
          {disabling
            ? 'apps/op will refuse every request of this tenant until it is enabled again.'
            : 'apps/op will serve this tenant again within a second.'}
        </p>
      </ConfirmDialog>
      <ConfirmDialog
        open={asking === 'delete'}
        title={`Delete ${tenant.name}?`}
        confirmLabel="Delete tenant"
        confirmText={tenant.slug}
        danger
        pending={removal.pending}
        error={<ErrorNotice error={removal.error} listFieldErrors />}
        onConfirm={() => void deleteTenant()}
        onCancel={cancel}
      >
        <p>Everything of the tenant is deleted for good, and its issuer stops answering.</p>
      </ConfirmDialog>
    </div>
  );
}
