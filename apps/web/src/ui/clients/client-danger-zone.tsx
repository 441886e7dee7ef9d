'use client';
/** Deleting a client (and everything issued to it), confirmed by typing its id. */
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '../components/button';
import { ConfirmDialog } from '../components/confirm-dialog';
import { ErrorNotice } from '../components/notices';
import { Section } from '../components/page-header';
import { useToast } from '../components/toast';
import { useMutation } from '../graphql/hooks';
import { useTenant } from '../shell/tenant-context';
import { tenantPath } from '../shell/tenant-frame';
import { CLIENT_DELETE, type ClientDetail } from './operations';

export function ClientDangerZone(props: { client: ClientDetail }) {
  const { client } = props;
  const { tenant } = useTenant();
  const router = useRouter();
  const toast = useToast();
  const [confirming, setConfirming] = useState(false);
  const [remove, { pending, error, reset }] = useMutation(CLIENT_DELETE);

  const confirm = async () => {
    const result = await remove({ tenantId: tenant.id, clientId: client.clientId });
    if (!result) return;
    setConfirming(false);
    toast.success(`Client ${client.clientName || client.clientId} deleted`);
    router.push(tenantPath(tenant.slug, 'clients'));
  };

  return (
    <Section
      title="Danger zone"
      description="Deleting the client revokes its tokens and grants; the application can no longer sign users in."
    >
      <div>
        <Button
          variant="danger"
          onClick={() => {
            reset();
            setConfirming(true);
          }}
        >
          Delete client
        </Button>
      </div>
      <ConfirmDialog
        open={confirming}
        title="Delete this client?"
        confirmLabel="Delete client"
        confirmText={client.clientId}
        danger
        pending={pending}
        error={<ErrorNotice error={error} />}
        onConfirm={() => void confirm()}
        onCancel={() => setConfirming(false)}
      >
        <p>Its tokens, grants and sessions' access end now. This cannot be undone.</p>
      </ConfirmDialog>
    </Section>
  );
}
