/**
 * Client authentication for the token, introspection and revocation endpoints. It runs before
 * anything else, so its errors take precedence (as in pyOP). The method used must be the one
 * the client registered (`token_endpoint_auth_method`), and the tenant must allow it.
 */
import type { EndpointUrls, ProviderContext } from '../context.js';
import type { Params } from '../http/request.js';
import type { ClientAuthMethod, ClientRecord } from '../types.js';
import type { ClientAuthenticator } from './authenticator.js';
import { clientSecretBasic } from './client-secret-basic.js';
import { clientSecretJwt } from './client-secret-jwt.js';
import { clientSecretPost } from './client-secret-post.js';
import { clientAuthenticationFailed } from './failure.js';
import { noClientAuthentication } from './none.js';
import { readPresentedCredentials } from './presented-credentials.js';
import { privateKeyJwt } from './private-key-jwt.js';

const AUTHENTICATORS: Record<ClientAuthMethod, ClientAuthenticator> = {
  client_secret_basic: clientSecretBasic,
  client_secret_post: clientSecretPost,
  client_secret_jwt: clientSecretJwt,
  private_key_jwt: privateKeyJwt,
  none: noClientAuthentication,
};

/** The client's registered method; pyOP and OIDC Registration 2 default to Basic. */
export function registeredAuthMethod(client: ClientRecord): ClientAuthMethod {
  return client.metadata.token_endpoint_auth_method ?? 'client_secret_basic';
}

export interface AuthenticateClientOptions {
  /** The endpoint being called; its URL is an acceptable assertion audience. */
  endpoint: keyof Pick<EndpointUrls, 'token' | 'introspection' | 'revocation'>;
}

/** Authenticates the calling client or throws (`invalid_client`, `invalid_request`). */
export async function authenticateClient(
  ctx: ProviderContext,
  request: Request,
  params: Params,
  options: AuthenticateClientOptions,
): Promise<ClientRecord> {
  const presented = readPresentedCredentials(ctx, request, params);
  const client = await ctx.stores.clients.get(presented.clientId);
  if (!client) throw clientAuthenticationFailed(ctx, 'unknown client');
  const method = registeredAuthMethod(client);
  const authenticator = AUTHENTICATORS[method];
  if (
    !authenticator ||
    authenticator.presents !== presented.kind ||
    !ctx.settings.tokenEndpointAuthMethods.includes(method)
  ) {
    throw clientAuthenticationFailed(ctx, 'not the registered authentication method', {
      clientId: client.clientId,
      registered: method,
      presented: presented.kind,
    });
  }
  const audience = [ctx.issuer, ctx.endpoints.token, ctx.endpoints[options.endpoint]];
  await authenticator.verify(ctx, client, presented, audience);
  return client;
}
