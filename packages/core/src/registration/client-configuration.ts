/**
 * The RFC 7592 client configuration endpoint's operations, after the registration access token
 * was checked. The token does not rotate on update: RFC 7592 3 allows rotation, but a client
 * whose update response is lost would then be locked out of its own registration for good.
 */
import type { ProviderContext } from '../context.js';
import { InvalidAccessToken, OAuthError } from '../errors.js';
import { hashToken, safeEqual } from '../tokens/hash.js';
import type { ClientRecord } from '../types.js';
import { clientInformation } from './client-information.js';
import { replaceClientMetadata } from './client-records.js';
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
  const { record: updated, clientSecret } = replaceClientMetadata(record, metadata, ctx.random);
  if (!(await ctx.stores.clients.update(updated))) {
    // Deleted between authentication and update: the token belonged to a client now gone.
    throw new InvalidAccessToken('The registration access token is invalid');
  }
  return clientInformation(ctx, updated, { clientSecret });
}

function secretMatches(record: ClientRecord, secret: unknown): boolean {
  if (typeof secret !== 'string' || record.clientSecretHash === undefined) return false;
  return safeEqual(hashToken(secret), record.clientSecretHash);
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
