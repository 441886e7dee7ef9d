/**
 * API callers for the suite: client-credentials clients of the admin tenant registered as API
 * clients (`ApiClient.roles`), as the admin plane would register them, and their access tokens
 * from apps/op's token endpoint. Also the broken kinds: an expired token and a revoked one.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { hashToken } from '@tessera/core';
import { createTenantStores } from '@tessera/db';
import type { Platform } from './platform';

export type RoleGrant = { role: 'platform_operator' } | { role: 'tenant_admin'; tenantId: string };

export interface ApiClientFixture {
  clientId: string;
  clientSecret: string;
}

/** @example const ops = await createApiClient(platform, [{ role: 'platform_operator' }]); */
export async function createApiClient(
  platform: Platform,
  roles: RoleGrant[],
  name = 'E2E API client',
): Promise<ApiClientFixture> {
  const clientId = `api-${randomUUID()}`;
  const clientSecret = randomBytes(32).toString('base64url');
  const stores = createTenantStores(platform.db, platform.adminTenantId, {
    secretBox: platform.secretBox,
  });
  await stores.clients.create({
    clientId,
    metadata: {
      client_name: name,
      application_type: 'web',
      redirect_uris: [],
      response_types: [],
      grant_types: ['client_credentials'],
      token_endpoint_auth_method: 'client_secret_basic',
      id_token_signed_response_alg: 'RS256',
    },
    clientSecretHash: hashToken(clientSecret),
    issuedAt: Math.floor(Date.now() / 1000),
    secretExpiresAt: 0,
  });
  await platform.db.apiClient.create({ data: { id: randomUUID(), clientId, name, roles } });
  return { clientId, clientSecret };
}

/** A fresh access token from the admin tenant's token endpoint (client_credentials). */
export async function accessTokenFor(
  platform: Platform,
  client: ApiClientFixture,
): Promise<string> {
  const response = await fetch(`${platform.op.issuer('admin')}/token`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: basicAuth(client),
    },
    body: new URLSearchParams({ grant_type: 'client_credentials' }),
  });
  const body = (await response.json()) as { access_token?: string; error?: string };
  if (response.status !== 200 || !body.access_token) {
    throw new Error(`admin token endpoint: ${response.status} ${JSON.stringify(body)}`);
  }
  return body.access_token;
}

/** A token that was valid and has expired since (its row's expiry moved into the past). */
export async function expiredTokenFor(
  platform: Platform,
  client: ApiClientFixture,
): Promise<string> {
  const token = await accessTokenFor(platform, client);
  const { count } = await platform.db.accessToken.updateMany({
    where: { tenantId: platform.adminTenantId, hash: hashToken(token) },
    data: { expiresAt: new Date(Date.now() - 60_000) },
  });
  if (count !== 1) throw new Error('the access token row was not found');
  return token;
}

/** A token revoked at apps/op's revocation endpoint (RFC 7009) right after it was issued. */
export async function revokedTokenFor(
  platform: Platform,
  client: ApiClientFixture,
): Promise<string> {
  const token = await accessTokenFor(platform, client);
  const discovery = (await (
    await fetch(`${platform.op.issuer('admin')}/.well-known/openid-configuration`)
  ).json()) as { revocation_endpoint: string };
  const response = await fetch(discovery.revocation_endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: basicAuth(client),
    },
    body: new URLSearchParams({ token, token_type_hint: 'access_token' }),
  });
  if (response.status !== 200) throw new Error(`revocation endpoint: ${response.status}`);
  return token;
}

function basicAuth(client: ApiClientFixture): string {
  const encode = (value: string) => encodeURIComponent(value);
  return `Basic ${Buffer.from(`${encode(client.clientId)}:${encode(client.clientSecret)}`).toString('base64')}`;
}
