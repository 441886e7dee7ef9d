import { randomUUID } from 'node:crypto';
import { type ClientRecord, hashToken } from '@tessera/core';
import { createTransactionStores } from '@tessera/db';
import { z } from 'zod';
import { apiClientRolesSchema } from '../../auth/roles';
import type { ServiceDeps } from '../../graphql/context';
import { fieldErrorsOf, validationFailed } from '../errors';
import { findAdminTenant } from '../operators/admin-tenant';
import { assertTenantsExist } from '../operators/assert-tenants-exist';
import { randomSecret } from '../operators/one-time-secret';
import { assertPlatformOperator, type Principal } from '../principal';
import { recordChange } from '../record-change';
import { type ApiClientView, apiClientViews } from './api-client-view';

/** 256 bits, the shape of the secrets the core issues at registration. */
const CLIENT_SECRET_BYTES = 32;
const CLIENT_ID_BYTES = 16;
/** API client ids start with this, so the admin tenant's client list tells them apart. */
export const API_CLIENT_ID_PREFIX = 'api-';

const inputSchema = z.object({
  name: z.string().trim().min(1).max(200),
  roles: apiClientRolesSchema
    .min(1, { error: 'Give at least one role' })
    .max(100)
    .refine((roles) => new Set(roles.map((r) => JSON.stringify(r))).size === roles.length, {
      error: 'must not repeat a role',
    }),
});

export interface CreateApiClientOptions {
  deps: ServiceDeps;
  principal: Principal;
  name: string;
  /** `[{ role: 'platform_operator' } | { role: 'tenant_admin', tenantId }]` */
  roles: unknown;
}

export interface CreatedApiClient {
  apiClient: ApiClientView;
  /** Shown this once; the admin tenant keeps only its SHA-256. */
  clientSecret: string;
}

/**
 * An automation principal: a confidential client of the `admin` tenant that may only use the
 * client credentials grant, and the `ApiClient` row giving its access tokens roles at the admin
 * API. Both are written in one transaction. Platform operators only.
 *
 * @example
 * const { apiClient, clientSecret } = await createApiClient({
 *   deps, principal, name: 'deploy bot', roles: [{ role: 'tenant_admin', tenantId: acme.id }],
 * });
 */
export async function createApiClient(options: CreateApiClientOptions): Promise<CreatedApiClient> {
  const { deps, principal } = options;
  assertPlatformOperator(principal);
  const parsed = inputSchema.safeParse({ name: options.name, roles: options.roles });
  if (!parsed.success) throw validationFailed(fieldErrorsOf(parsed.error.issues));
  const { name, roles } = parsed.data;
  await assertTenantsExist(
    deps.db,
    roles.flatMap((r, index) =>
      r.role === 'tenant_admin' ? [{ tenantId: r.tenantId, path: `roles.${index}.tenantId` }] : [],
    ),
  );
  const admin = await findAdminTenant(deps.db);
  const clientId = `${API_CLIENT_ID_PREFIX}${randomSecret(CLIENT_ID_BYTES)}`;
  const clientSecret = randomSecret(CLIENT_SECRET_BYTES);
  const record: ClientRecord = {
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
    issuedAt: Math.floor(deps.now().getTime() / 1000),
    secretExpiresAt: 0,
  };
  const id = randomUUID();
  const row = await recordChange(
    {
      db: deps.db,
      principal,
      tenantId: null,
      action: 'api_client.create',
      objectType: 'api_client',
      objectId: id,
      details: { clientId, name, roles },
      now: deps.now,
    },
    async (tx) => {
      // The admin-tenant client and its roles exist together or not at all.
      const clients = createTransactionStores(tx, admin.id, { secretBox: deps.secretBox }).clients;
      await clients.create(record);
      return tx.apiClient.create({
        data: { id, clientId, name, roles, createdAt: deps.now() },
      });
    },
  );
  const [apiClient] = await apiClientViews(deps.db, [row]);
  return { apiClient: apiClient as ApiClientView, clientSecret };
}
