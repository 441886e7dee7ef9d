'use client';
/**
 * Creating a client: pick the kind of application (its defaults fill the form), name it, list
 * its redirect URIs, optionally adjust the advanced metadata. The API validates as dynamic
 * registration does; its messages show under the fields. A secret, if one was issued, is shown
 * once before moving on to the client's page.
 */
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { Button } from '../components/button';
import { TextField } from '../components/field';
import { ErrorNotice } from '../components/notices';
import { PageHeader, Section } from '../components/page-header';
import { SecretOnce } from '../components/secret-once';
import { useToast } from '../components/toast';
import { ApiError } from '../graphql/api-error';
import { useMutation } from '../graphql/hooks';
import { useTenant } from '../shell/tenant-context';
import { tenantPath } from '../shell/tenant-frame';
import { AppTypePicker } from './app-type-picker';
import { APP_TYPES, type AppTypeId, type AppTypePreset } from './app-types';
import { type MetadataDraft, metadataFromDraft } from './metadata-draft';
import { MetadataFields } from './metadata-fields';
import { CLIENT_CREATE, type ClientDetail } from './operations';

function draftFor(preset: AppTypePreset, current?: MetadataDraft): MetadataDraft {
  return {
    clientName: current?.clientName ?? '',
    applicationType: preset.applicationType,
    redirectUris: preset.redirects ? (current?.redirectUris ?? '') : '',
    postLogoutRedirectUris: preset.redirects ? (current?.postLogoutRedirectUris ?? '') : '',
    scope: current?.scope ?? '',
    grantTypes: [...preset.grantTypes],
    responseTypes: [...preset.responseTypes],
    tokenEndpointAuthMethod: preset.tokenEndpointAuthMethod,
    idTokenSignedResponseAlg: current?.idTokenSignedResponseAlg ?? 'RS256',
    subjectType: current?.subjectType ?? '',
  };
}

export function NewClientForm() {
  const { tenant } = useTenant();
  const router = useRouter();
  const toast = useToast();
  const [typeId, setTypeId] = useState<AppTypeId>('web');
  const preset = APP_TYPES.find((type) => type.id === typeId) ?? (APP_TYPES[0] as AppTypePreset);
  const [draft, setDraft] = useState<MetadataDraft>(() => draftFor(preset));
  const [clientId, setClientId] = useState('');
  const [created, setCreated] = useState<{ client: ClientDetail; secret: string } | undefined>();
  const [create, { pending, error }] = useMutation(CLIENT_CREATE);

  const choose = (id: AppTypeId) => {
    const next = APP_TYPES.find((type) => type.id === id);
    if (!next) return;
    setTypeId(id);
    setDraft((current) => draftFor(next, current));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await create({
      tenantId: tenant.id,
      metadata: metadataFromDraft({}, draft),
      ...(clientId.trim() && { clientId: clientId.trim() }),
    });
    if (!result) return;
    const { client, clientSecret } = result.createClient;
    toast.success(`Client ${client.clientName ?? client.clientId} created`);
    const clientHref = tenantPath(tenant.slug, 'clients', client.clientId);
    // Without a secret there is nothing to show once: go straight to the new client's page.
    if (clientSecret) setCreated({ client, secret: clientSecret });
    else router.push(clientHref);
  };

  if (created) {
    return (
      <>
        <PageHeader title="Client created" description={created.client.clientName ?? undefined} />
        <Section title="Credentials">
          <dl className="definition-list">
            <dt>Client id</dt>
            <dd>
              <code>{created.client.clientId}</code>
            </dd>
          </dl>
          <SecretOnce label="Client secret" value={created.secret} />
          <div className="form-actions">
            <Link
              className="button button-primary"
              href={tenantPath(tenant.slug, 'clients', created.client.clientId)}
            >
              Go to the client
            </Link>
            <Link className="button button-ghost" href={tenantPath(tenant.slug, 'clients')}>
              All clients
            </Link>
          </div>
        </Section>
      </>
    );
  }

  const apiError = error instanceof ApiError ? error : undefined;
  const conflict = apiError?.code === 'CONFLICT';
  return (
    <>
      <PageHeader
        title="New client"
        description="Register an application. The defaults follow the kind you pick; everything can be changed later."
      />
      <form className="form" onSubmit={submit} noValidate>
        <ErrorNotice error={conflict ? undefined : error} listFieldErrors />
        <AppTypePicker value={typeId} onChange={choose} />
        <MetadataFields
          draft={draft}
          onChange={setDraft}
          error={apiError}
          redirectPlaceholder={preset.redirectPlaceholder}
        />
        <TextField
          label="Client id"
          name="client_id"
          value={clientId}
          onChange={(event) => setClientId(event.target.value)}
          error={
            conflict ? 'A client with this id already exists' : apiError?.fieldError('clientId')
          }
          hint="Optional: random when empty."
          autoComplete="off"
          spellCheck={false}
        />
        <div className="form-actions">
          <Button type="submit" variant="primary" pending={pending}>
            Create client
          </Button>
          <Link className="button button-ghost" href={tenantPath(tenant.slug, 'clients')}>
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}
