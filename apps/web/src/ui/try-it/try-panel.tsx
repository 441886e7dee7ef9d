'use client';
/**
 * "Try it": a real sign-in at the tenant with one of its clients, run in this browser the way a
 * single-page app runs it (authorization code + PKCE S256, state and nonce), ending on
 * /try-it/callback. The chosen client must list that callback as a redirect URI; the panel
 * offers to add it.
 */
import Link from 'next/link';
import { type FormEvent, useEffect, useState } from 'react';
import { Button } from '../components/button';
import { SelectField, TextField } from '../components/field';
import { EmptyState, ErrorNotice, Skeleton } from '../components/notices';
import { PageHeader, Section } from '../components/page-header';
import { useToast } from '../components/toast';
import { useMutation, useQuery } from '../graphql/hooks';
import { useTenant } from '../shell/tenant-context';
import { tenantPath } from '../shell/tenant-frame';
import { CALLBACK_PATH, fetchDiscovery, saveFlow } from './flow';
import { TRY_ADD_REDIRECT, TRY_CLIENTS, type TryClient } from './operations';
import { randomToken, s256Challenge } from './pkce';

const SUPPORTED_METHODS = new Set(['none', 'client_secret_basic', 'client_secret_post']);
const DEFAULT_SCOPE = 'openid profile email';

export function TryPanel() {
  const { tenant } = useTenant();
  const { data, error, loading, refetch, setData } = useQuery(TRY_CLIENTS, {
    tenantId: tenant.id,
    first: 100,
  });
  const clients = (data?.clients.nodes ?? []).filter((client) =>
    client.grantTypes.includes('authorization_code'),
  );
  const [clientId, setClientId] = useState('');
  const [redirectUri, setRedirectUri] = useState<string | undefined>();
  // The callback address depends on where the console is served: known only in the browser.
  useEffect(() => setRedirectUri(`${window.location.origin}${CALLBACK_PATH}`), []);
  const client = clients.find((candidate) => candidate.clientId === clientId) ?? clients[0];

  const replaceClient = (next: TryClient) =>
    setData(
      (current) =>
        current && {
          clients: {
            nodes: current.clients.nodes.map((node) =>
              node.clientId === next.clientId ? next : node,
            ),
          },
        },
    );

  return (
    <>
      <PageHeader
        title="Try it"
        description="Sign in at this tenant with one of its clients and see the tokens it issues, verified in your browser."
      />
      <ErrorNotice error={error} retry={() => void refetch()} />
      {!data && loading && <Skeleton rows={4} label="Loading clients…" />}
      {data && clients.length === 0 && (
        <EmptyState
          title="No client can sign users in"
          action={
            <Link className="button button-primary" href={tenantPath(tenant.slug, 'new-client')}>
              Create client
            </Link>
          }
        >
          Create a single-page or native app client (authorization code flow) to try a sign-in.
        </EmptyState>
      )}
      {client && redirectUri && (
        <Section title="Sign in" description={`Issuer ${tenant.issuer}`}>
          <SelectField
            label="Client"
            value={client.clientId}
            onChange={(event) => setClientId(event.target.value)}
            options={clients.map((candidate) => ({
              value: candidate.clientId,
              label: `${candidate.clientName || 'Unnamed client'} (${candidate.clientId})`,
            }))}
          />
          <RedirectCheck client={client} redirectUri={redirectUri} onUpdated={replaceClient} />
          {client.redirectUris.includes(redirectUri) && (
            <StartForm key={client.clientId} client={client} redirectUri={redirectUri} />
          )}
        </Section>
      )}
    </>
  );
}

function RedirectCheck(props: {
  client: TryClient;
  redirectUri: string;
  onUpdated: (client: TryClient) => void;
}) {
  const { client, redirectUri } = props;
  const { tenant } = useTenant();
  const toast = useToast();
  const [add, { pending, error }] = useMutation(TRY_ADD_REDIRECT);
  if (client.redirectUris.includes(redirectUri)) {
    return (
      <p className="field-hint">
        Returns to <code>{redirectUri}</code> (registered).
      </p>
    );
  }
  const insecureWeb = client.applicationType === 'web' && !redirectUri.startsWith('https:');
  const addUri = async () => {
    const result = await add({
      tenantId: tenant.id,
      clientId: client.clientId,
      metadata: { ...client.metadata, redirect_uris: [...client.redirectUris, redirectUri] },
    });
    if (!result) return;
    toast.success('Callback URI added');
    props.onUpdated(result.updateClient.client);
  };
  return (
    <div className="notice notice-info" data-testid="missing-callback">
      <p>
        This client does not list <code>{redirectUri}</code> as a redirect URI, so the tenant would
        refuse to send you back here.
      </p>
      {insecureWeb && (
        <p>
          Web clients accept only https redirect URIs: over http, use a native app client (it
          accepts loopback addresses) or serve the console over https.
        </p>
      )}
      <ErrorNotice error={error} listFieldErrors />
      <Button variant="primary" pending={pending} onClick={() => void addUri()}>
        Add the callback URI to this client
      </Button>
    </div>
  );
}

function StartForm(props: { client: TryClient; redirectUri: string }) {
  const { client } = props;
  const { tenant } = useTenant();
  const [scope, setScope] = useState(
    client.scope?.includes('openid') ? client.scope : DEFAULT_SCOPE,
  );
  const [starting, setStarting] = useState(false);
  const [failure, setFailure] = useState<string | undefined>();
  const method = client.tokenEndpointAuthMethod;
  if (!SUPPORTED_METHODS.has(method)) {
    return (
      <p className="notice notice-info">
        This client authenticates with <code>{method}</code>, which needs a key the browser does not
        hold. Pick a client using none, client_secret_basic or client_secret_post.
      </p>
    );
  }

  const start = async (event: FormEvent) => {
    event.preventDefault();
    setStarting(true);
    setFailure(undefined);
    try {
      const discovery = await fetchDiscovery(tenant.discoveryUrl);
      const flow = {
        state: randomToken(),
        nonce: randomToken(),
        codeVerifier: randomToken(),
        clientId: client.clientId,
        authMethod: method,
        idTokenAlg:
          typeof client.metadata.id_token_signed_response_alg === 'string'
            ? client.metadata.id_token_signed_response_alg
            : 'RS256',
        redirectUri: props.redirectUri,
        scope: scope.trim() || DEFAULT_SCOPE,
        tenantSlug: tenant.slug,
        tenantName: tenant.name,
        issuer: discovery.issuer,
        tokenEndpoint: discovery.token_endpoint,
        jwksUri: discovery.jwks_uri,
        userinfoEndpoint: discovery.userinfo_endpoint,
      };
      const url = new URL(discovery.authorization_endpoint);
      url.search = new URLSearchParams({
        response_type: 'code',
        client_id: flow.clientId,
        redirect_uri: flow.redirectUri,
        scope: flow.scope,
        state: flow.state,
        nonce: flow.nonce,
        code_challenge: await s256Challenge(flow.codeVerifier),
        code_challenge_method: 'S256',
      }).toString();
      saveFlow(flow);
      window.location.assign(url.href);
    } catch (caught) {
      setStarting(false);
      setFailure(caught instanceof Error ? caught.message : String(caught));
    }
  };

  return (
    <form className="form" onSubmit={start}>
      <TextField
        label="Scope"
        value={scope}
        onChange={(event) => setScope(event.target.value)}
        hint="Space-separated; openid asks for an ID token."
        autoComplete="off"
        spellCheck={false}
      />
      {method !== 'none' && (
        <p className="field-hint">
          A confidential client: you will enter its secret on the way back. It stays in this page
          and goes only to the tenant's token endpoint.
        </p>
      )}
      {failure && (
        <div className="notice notice-error" role="alert">
          <p>Could not start the sign-in: {failure}</p>
        </div>
      )}
      <div className="form-actions">
        <Button type="submit" variant="primary" pending={starting}>
          Sign in with {tenant.name}
        </Button>
      </div>
    </form>
  );
}
