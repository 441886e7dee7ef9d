/**
 * The RFC 7592 client configuration endpoint's operations, after the registration access token
 * was checked. The token does not rotate on update: RFC 7592 3 allows rotation, but a client
 * whose update response is lost would then be locked out of its own registration for good.
 */
import type { ProviderContext } from '../context.js';
import { InvalidAccessToken, OAuthError } from '../errors.js';
import { hashToken, safeEqual } from '../tokens/hash.js';
import type { ClientAuthMethod, ClientRecord } from '../types.js';
import { issueClientSecret, secretFields, usesClientSecret } from './client-credentials.js';
import { clientInformation } from './client-information.js';
import { invalidMetadata } from './invalid-metadata.js';
import { validationOptions } from './register-client.js';
import { validateClientMetadata } from './validate-client-metadata.js';

/**
 * RFC 7592 2.2: replaces all metadata (omitted fields take their defaults). The request must
 * name this client, and a `client_secret` in it must be the current one; neither can change.
 */
export async function updateClientConfiguration(
  ctx: ProviderContext,
  record: ClientRecord,
  input: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  if (input.client_id !== record.clientId) {
    throw new OAuthError('invalid_request', 'client_id must be the identifier of this client');
  }
  if (input.client_secret !== undefined && !secretMatches(record, input.client_secret)) {
    throw invalidMetadata('client_secret', 'does not match the issued secret');
  }
  const metadata = await validateClientMetadata(input, validationOptions(ctx));
  const secret = secretAfterUpdate(ctx, record, metadata.token_endpoint_auth_method);
  const updated: ClientRecord = {
    clientId: record.clientId,
    metadata,
    ...secret.fields,
    registrationAccessTokenHash: record.registrationAccessTokenHash,
    issuedAt: record.issuedAt,
    secretExpiresAt: secret.issued === undefined ? record.secretExpiresAt : 0,
  };
  if (!(await ctx.stores.clients.update(updated))) {
    // Deleted between authentication and update: the token belonged to a client now gone.
    throw new InvalidAccessToken('The registration access token is invalid');
  }
  return clientInformation(ctx, updated, { clientSecret: secret.issued });
}

function secretMatches(record: ClientRecord, secret: unknown): boolean {
  if (typeof secret !== 'string' || record.clientSecretHash === undefined) return false;
  return safeEqual(hashToken(secret), record.clientSecretHash);
}

/**
 * The secret under the new authentication method: kept when it can still serve, dropped when the
 * method needs none, and issued anew when there is none usable (a hash cannot key an HMAC).
 */
function secretAfterUpdate(
  ctx: ProviderContext,
  record: ClientRecord,
  method: ClientAuthMethod,
): { fields: Pick<ClientRecord, 'clientSecretHash' | 'clientSecret'>; issued?: string } {
  if (!usesClientSecret(method)) return { fields: {} };
  if (method === 'client_secret_jwt' && record.clientSecret !== undefined) {
    return { fields: secretFields(method, record.clientSecret) };
  }
  if (method !== 'client_secret_jwt' && record.clientSecretHash !== undefined) {
    return { fields: { clientSecretHash: record.clientSecretHash } };
  }
  const issued = issueClientSecret(method, ctx.random)!;
  return { fields: secretFields(method, issued), issued };
}

/** RFC 7592 2.3: the client and everything issued to it are gone. */
export async function deleteClientConfiguration(
  ctx: ProviderContext,
  record: ClientRecord,
): Promise<void> {
  if (!(await ctx.stores.clients.delete(record.clientId))) {
    throw new InvalidAccessToken('The registration access token is invalid');
  }
}
