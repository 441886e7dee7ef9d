/**
 * The public keys a `private_key_jwt` client signs with: its registered `jwks`, or the document
 * at its `jwks_uri` (OIDC Registration 2). The fetch is bounded in time and size so a slow or
 * huge key document cannot tie up the token endpoint.
 */
import { createLocalJWKSet, type JSONWebKeySet } from 'jose';
import type { ProviderContext } from '../context.js';
import type { ClientRecord } from '../types.js';
import { clientAuthenticationFailed } from './failure.js';

/** A client's key document above this size is refused; real ones are a few kilobytes. */
export const MAX_CLIENT_JWKS_BYTES = 64 * 1024;
/** How long fetching a client's `jwks_uri` may take before authentication fails. */
export const CLIENT_JWKS_TIMEOUT_MS = 5_000;

export type ClientKeyResolver = ReturnType<typeof createLocalJWKSet>;

function isKeySet(value: unknown): value is JSONWebKeySet {
  return (
    typeof value === 'object' && value !== null && Array.isArray((value as { keys?: unknown }).keys)
  );
}

async function fetchKeySet(ctx: ProviderContext, uri: string): Promise<unknown> {
  const response = await ctx.fetch(uri, {
    headers: { accept: 'application/json, application/jwk-set+json' },
    redirect: 'error',
    signal: AbortSignal.timeout(CLIENT_JWKS_TIMEOUT_MS),
  });
  if (!response.ok) throw new Error(`jwks_uri answered ${response.status}`);
  const text = await response.text();
  if (text.length > MAX_CLIENT_JWKS_BYTES) throw new Error('jwks_uri document too large');
  return JSON.parse(text);
}

/** Resolves the client's verification keys; any failure is an `invalid_client`. */
export async function clientKeyResolver(
  ctx: ProviderContext,
  client: ClientRecord,
): Promise<ClientKeyResolver> {
  const { jwks, jwks_uri: uri } = client.metadata;
  let keySet: unknown = jwks;
  if (keySet === undefined && typeof uri === 'string') {
    try {
      keySet = await fetchKeySet(ctx, uri);
    } catch (error) {
      throw clientAuthenticationFailed(ctx, 'client jwks_uri could not be fetched', {
        clientId: client.clientId,
        cause: String(error),
      });
    }
  }
  if (!isKeySet(keySet)) {
    throw clientAuthenticationFailed(ctx, 'client has no usable keys', {
      clientId: client.clientId,
    });
  }
  try {
    return createLocalJWKSet(keySet);
  } catch {
    throw clientAuthenticationFailed(ctx, 'client keys are malformed', {
      clientId: client.clientId,
    });
  }
}
