'use client';
/** The client at a glance, and its secret: rotating issues a new one (shown once) at once. */
import { useState } from 'react';
import { Button } from '../components/button';
import { ConfirmDialog } from '../components/confirm-dialog';
import { CopyableValue } from '../components/copy-button';
import { formatDateTime } from '../components/format';
import { ErrorNotice } from '../components/notices';
import { Section } from '../components/page-header';
import { useToast } from '../components/toast';
import { useMutation } from '../graphql/hooks';
import { useTenant } from '../shell/tenant-context';
import { describeClientKind } from './app-types';
import { CLIENT_ROTATE_SECRET, type ClientDetail } from './operations';

export function ClientOverview(props: {
  client: ClientDetail;
  onRotated: (client: ClientDetail, secret: string) => void;
}) {
  const { client } = props;
  const { tenant } = useTenant();
  const toast = useToast();
  const [confirming, setConfirming] = useState(false);
  const [rotate, { pending, error, reset }] = useMutation(CLIENT_ROTATE_SECRET);
  const usesSecret = client.tokenEndpointAuthMethod.startsWith('client_secret');

  const confirm = async () => {
    const result = await rotate({ tenantId: tenant.id, clientId: client.clientId });
    if (!result) return;
    setConfirming(false);
    props.onRotated(result.rotateClientSecret.client, result.rotateClientSecret.clientSecret);
    toast.success('Client secret rotated');
  };

  return (
    <Section
      title="Overview"
      actions={
        usesSecret && (
          <Button
            onClick={() => {
              reset();
              setConfirming(true);
            }}
          >
            Rotate secret
          </Button>
        )
      }
    >
      <dl className="definition-list">
        <dt>Client id</dt>
        <dd>
          <CopyableValue value={client.clientId} label="Client id" />
        </dd>
        <dt>Kind</dt>
        <dd>
          {describeClientKind(client)} (<code>{client.applicationType}</code>)
        </dd>
        <dt>Auth method</dt>
        <dd>
          <code>{client.tokenEndpointAuthMethod}</code>
        </dd>
        <dt>Secret</dt>
        <dd>{client.hasSecret ? 'Yes (stored as a hash, never shown again)' : 'None'}</dd>
        <dt>Issued</dt>
        <dd>{formatDateTime(client.issuedAt)}</dd>
        <dt>Updated</dt>
        <dd>{formatDateTime(client.updatedAt)}</dd>
      </dl>
      <ConfirmDialog
        open={confirming}
        title="Rotate the client secret?"
        confirmLabel="Rotate secret"
        danger
        pending={pending}
        error={<ErrorNotice error={error} />}
        onConfirm={() => void confirm()}
        onCancel={() => setConfirming(false)}
      >
        <p>
          A new secret is issued and shown once. The current secret stops working immediately:
          update the application right after.
        </p>
      </ConfirmDialog>
    </Section>
  );
}
