'use client';
/**
 * Editing a client's metadata. `updateClient` replaces all of it, so the save starts from the
 * stored metadata and overwrites only the fields of the form. A method change that needs a
 * secret the client lacked returns one, which the client page shows once.
 */
import { type FormEvent, useState } from 'react';
import { Button } from '../components/button';
import { ErrorNotice } from '../components/notices';
import { Section } from '../components/page-header';
import { useToast } from '../components/toast';
import { ApiError } from '../graphql/api-error';
import { useMutation } from '../graphql/hooks';
import { useTenant } from '../shell/tenant-context';
import styles from './clients.module.css';
import { draftFromMetadata, metadataFromDraft } from './metadata-draft';
import { MetadataFields } from './metadata-fields';
import { CLIENT_UPDATE, type ClientDetail } from './operations';

export function ClientEditForm(props: {
  client: ClientDetail;
  onSaved: (client: ClientDetail, secret: string | null) => void;
}) {
  const { client } = props;
  const { tenant } = useTenant();
  const toast = useToast();
  const [draft, setDraft] = useState(() => draftFromMetadata(client.metadata));
  const [update, { pending, error }] = useMutation(CLIENT_UPDATE);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await update({
      tenantId: tenant.id,
      clientId: client.clientId,
      metadata: metadataFromDraft(client.metadata, draft),
    });
    if (!result) return;
    toast.success('Client saved');
    props.onSaved(result.updateClient.client, result.updateClient.clientSecret);
  };

  const apiError = error instanceof ApiError ? error : undefined;
  return (
    <Section title="Settings" description="Registration metadata (RFC 7591, OIDC Registration).">
      <form className="form" onSubmit={submit} noValidate aria-label="Client settings">
        <ErrorNotice error={error} listFieldErrors />
        <MetadataFields draft={draft} onChange={setDraft} error={apiError} />
        <div className="form-actions">
          <Button type="submit" variant="primary" pending={pending}>
            Save changes
          </Button>
          <Button variant="ghost" onClick={() => setDraft(draftFromMetadata(client.metadata))}>
            Reset
          </Button>
        </div>
      </form>
      <details className={styles.metadata}>
        <summary>All metadata (JSON, read-only)</summary>
        <pre className={styles.json} data-testid="client-metadata-json">
          {JSON.stringify(client.metadata, null, 2)}
        </pre>
      </details>
    </Section>
  );
}
