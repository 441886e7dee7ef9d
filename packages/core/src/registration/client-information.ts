/**
 * The client information response (RFC 7591 3.2.1, RFC 7592 3): the registered metadata plus
 * the server-issued values. A secret appears only when it was just issued: stored secrets are
 * hashes and cannot be returned later.
 */
import type { ProviderContext } from '../context.js';
import type { ClientRecord } from '../types.js';

export interface IssuedNow {
  clientSecret?: string;
  registrationAccessToken?: string;
}

export function clientInformation(
  ctx: ProviderContext,
  record: ClientRecord,
  issued: IssuedNow = {},
): Record<string, unknown> {
  const hasSecret = record.clientSecretHash !== undefined;
  return {
    ...record.metadata,
    client_id: record.clientId,
    ...(issued.clientSecret !== undefined && { client_secret: issued.clientSecret }),
    client_id_issued_at: record.issuedAt,
    ...(hasSecret && { client_secret_expires_at: record.secretExpiresAt }),
    ...(issued.registrationAccessToken !== undefined && {
      registration_access_token: issued.registrationAccessToken,
    }),
    registration_client_uri: registrationClientUri(ctx, record.clientId),
  };
}

/** The RFC 7592 client configuration endpoint of one client. */
export function registrationClientUri(ctx: ProviderContext, clientId: string): string {
  return `${ctx.endpoints.registration}/${encodeURIComponent(clientId)}`;
}
