/**
 * Client records as the server writes them, for dynamic registration (RFC 7591, RFC 7592) and
 * the admin API alike: a new client, its metadata replaced, and a fresh secret. One place
 * decides which methods get a secret and how it is kept (client-credentials.ts), so a client is
 * stored the same way however it was created.
 */
import type { ClientMetadata, ClientRecord, RandomSource } from '../types.js';
import {
  issueClientSecret,
  issueRegistrationAccessToken,
  secretFields,
  usesClientSecret,
} from './client-credentials.js';

/** A record to store and the credentials issued with it, in clear for this one response only. */
export interface IssuedClient {
  record: ClientRecord;
  clientSecret?: string;
  registrationAccessToken?: string;
}

export interface NewClientRecordOptions {
  clientId: string;
  /** Epoch seconds. */
  issuedAt: number;
  random: RandomSource;
  /** Issue an RFC 7592 registration access token (dynamic registration does; the admin API does not). */
  registrationAccess: boolean;
}

/**
 * A new client for validated `metadata`: a secret only for the methods that use one.
 *
 * @example
 * const metadata = await validateClientMetadata(input, options);
 * const { record, clientSecret } = newClientRecord(metadata, { clientId, issuedAt, random, registrationAccess: false });
 */
export function newClientRecord(
  metadata: ClientMetadata,
  options: NewClientRecordOptions,
): IssuedClient {
  const method = metadata.token_endpoint_auth_method;
  const clientSecret = issueClientSecret(method, options.random);
  const access = options.registrationAccess
    ? issueRegistrationAccessToken(options.random)
    : undefined;
  return {
    record: {
      clientId: options.clientId,
      metadata,
      ...(clientSecret !== undefined && secretFields(method, clientSecret)),
      ...(access && { registrationAccessTokenHash: access.hash }),
      issuedAt: options.issuedAt,
      secretExpiresAt: 0,
    },
    clientSecret,
    registrationAccessToken: access?.token,
  };
}

/**
 * `record` with all its metadata replaced by validated `metadata` (RFC 7592 2.2: omitted fields
 * take their defaults). The secret is kept when it can still serve the new method, dropped when
 * the method needs none, and issued anew when there is none usable (a hash cannot key an HMAC).
 */
export function replaceClientMetadata(
  record: ClientRecord,
  metadata: ClientMetadata,
  random: RandomSource,
): IssuedClient {
  const method = metadata.token_endpoint_auth_method;
  const base = {
    clientId: record.clientId,
    metadata,
    ...(record.registrationAccessTokenHash !== undefined && {
      registrationAccessTokenHash: record.registrationAccessTokenHash,
    }),
    issuedAt: record.issuedAt,
  };
  if (!usesClientSecret(method)) {
    return { record: { ...base, secretExpiresAt: record.secretExpiresAt } };
  }
  if (method === 'client_secret_jwt' && record.clientSecret !== undefined) {
    const fields = secretFields(method, record.clientSecret);
    return { record: { ...base, ...fields, secretExpiresAt: record.secretExpiresAt } };
  }
  if (method !== 'client_secret_jwt' && record.clientSecretHash !== undefined) {
    const fields = { clientSecretHash: record.clientSecretHash };
    return { record: { ...base, ...fields, secretExpiresAt: record.secretExpiresAt } };
  }
  return renewClientSecret({ ...base, secretExpiresAt: 0 }, random)!;
}

/**
 * `record` with a new secret replacing the old one, which stops working once stored; undefined
 * when the client's method authenticates without a secret.
 *
 * @example
 * const renewed = renewClientSecret(record, random);
 * if (renewed) await stores.clients.update(renewed.record); // show renewed.clientSecret once
 */
export function renewClientSecret(
  record: ClientRecord,
  random: RandomSource,
): (IssuedClient & { clientSecret: string }) | undefined {
  const method = record.metadata.token_endpoint_auth_method;
  const clientSecret = issueClientSecret(method, random);
  if (clientSecret === undefined) return undefined;
  const { clientSecret: _old, clientSecretHash: _oldHash, ...rest } = record;
  return {
    record: { ...rest, ...secretFields(method, clientSecret), secretExpiresAt: 0 },
    clientSecret,
  };
}
