/**
 * The end-to-end OP: a Provider on the memory adapter behind node:http (through the node
 * adapter), issuer `http://127.0.0.1:<port>/acme`, plus a minimal host login page.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isOAuthError } from '../../src/errors.js';
import { createMemoryAdapter } from '../../src/memory/memory-adapter.js';
import { createRequestListener } from '../../src/node/index.js';
import { Provider } from '../../src/provider.js';
import type { SettingsInput } from '../../src/settings.js';
import type { TenantStores } from '../../src/storage/ports.js';
import { hashToken } from '../../src/tokens/hash.js';
import type { ClientMetadata } from '../../src/types.js';

export const TENANT = 'acme';
/** Redirect URIs the user agent captures without loading (nothing listens there). */
export const RP_ORIGIN = 'https://rp.example.com';
export const CALLBACK = `${RP_ORIGIN}/cb`;
export const POST_LOGOUT = `${RP_ORIGIN}/logged-out`;

export interface RunningOp {
  issuer: string;
  provider: Provider;
  stores: TenantStores;
  /** Errors the node adapter reported (a handler that threw). */
  errors: unknown[];
  close(): Promise<void>;
}

export async function startOp(settings: SettingsInput = {}): Promise<RunningOp> {
  const adapter = createMemoryAdapter();
  const stores = adapter.forTenant(TENANT);
  for (const id of ['alice', 'bob']) {
    adapter.putUser(TENANT, {
      id,
      claims: { name: `${id} Example`, email: `${id}@example.com`, email_verified: true },
    });
  }
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}/acme`;
  const provider = await Provider.create({
    issuer,
    stores,
    subjectSalt: 'e2e-salt',
    interactionUrl: (id, prompt) => `${issuer}/interaction/${id}?prompt=${prompt}`,
    settings: {
      signingAlgorithms: ['RS256', 'ES256', 'EdDSA'],
      ...settings,
      lifetimes: { refreshToken: 86_400, ...settings.lifetimes },
    },
  });
  const errors: unknown[] = [];
  const interactionPath = '/acme/interaction/';
  server.on(
    'request',
    createRequestListener(
      (request) => {
        const url = new URL(request.url);
        if (url.pathname.startsWith(interactionPath)) {
          return hostPage(provider, request, url, url.pathname.slice(interactionPath.length));
        }
        return provider.handle(request);
      },
      { onError: (error) => errors.push(error) },
    ),
  );
  return { issuer, provider, stores, errors, close: () => closeServer(server) };
}

/** The host's page: GET shows a form, POST reports the decision to the provider. */
async function hostPage(
  provider: Provider,
  request: Request,
  url: URL,
  id: string,
): Promise<Response> {
  const prompt = url.searchParams.get('prompt');
  if (request.method === 'GET') {
    const field =
      prompt === 'logout'
        ? '<input name="confirm" value="yes">'
        : '<input name="user" autocomplete="username">';
    return new Response(
      `<!doctype html><title>${prompt}</title><form method="post">${field}<button>Continue</button></form>`,
      { headers: { 'content-type': 'text/html; charset=utf-8' } },
    );
  }
  const form = new URLSearchParams(await request.text());
  try {
    if (prompt === 'logout') {
      return await provider.completeLogout(request, id, form.get('confirm') === 'yes');
    }
    if (prompt === 'consent')
      return await provider.completeInteraction(request, id, { consent: {} });
    const userId = form.get('user') ?? '';
    return await provider.completeInteraction(request, id, { login: { userId }, consent: {} });
  } catch (error) {
    // The contract: unknown, expired or foreign interactions throw an OAuthError; the host
    // shows its own error page.
    if (!isOAuthError(error)) throw error;
    return new Response(`<!doctype html><title>Error</title><p>${error.error}</p>`, {
      status: error.status,
      headers: { 'content-type': 'text/html; charset=utf-8', 'x-oauth-error': error.error },
    });
  }
}

/** Registers a client straight in storage (the secret only as its hash), like registration does. */
export async function putClient(
  op: RunningOp,
  clientId: string,
  metadata: Partial<ClientMetadata> = {},
  secret?: string,
): Promise<void> {
  const created = await op.stores.clients.create({
    clientId,
    metadata: {
      redirect_uris: [CALLBACK],
      response_types: ['code', 'id_token', 'id_token token', 'code id_token'],
      grant_types: ['authorization_code', 'implicit', 'refresh_token', 'client_credentials'],
      application_type: 'web',
      token_endpoint_auth_method: secret === undefined ? 'none' : 'client_secret_basic',
      id_token_signed_response_alg: 'RS256',
      subject_type: 'public',
      post_logout_redirect_uris: [POST_LOGOUT],
      ...metadata,
    },
    ...(secret !== undefined && { clientSecretHash: hashToken(secret) }),
    issuedAt: Math.floor(Date.now() / 1000),
    secretExpiresAt: 0,
  });
  if (!created) throw new Error(`client ${clientId} exists`);
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.closeAllConnections();
    server.close((error) => (error ? reject(error) : resolve()));
  });
}
