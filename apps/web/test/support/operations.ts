/**
 * Every operation of the admin API with a call that targets tenant A, and who may make it:
 * - `any`: every authenticated caller (answers are filtered to the caller's tenants);
 * - `tenant`: platform operators and the admins of the tenant the call names;
 * - `platform`: platform operators only.
 * `prepare` runs before each call (as the setup principal) and returns the call's variables, so
 * a destructive call always has its own object to act on.
 */
import { randomUUID } from 'node:crypto';
import { hashToken } from '@tessera/core';
import { createTenantStores } from '@tessera/db';
import type { TenantFixture } from '../../../op/test/support/fixtures';
import { dataOf, graphql } from './graphql-client';
import type { Platform } from './platform';

export type Access = 'any' | 'tenant' | 'platform';

export interface OperationContext {
  platform: Platform;
  tenantA: TenantFixture;
  /** Another tenant, for objects that must not start out with a grant on tenant A. */
  tenantB: TenantFixture;
  /** A platform operator's token for preparing objects (its own rate-limit bucket). */
  setupToken: string;
  /** Makes the tenant-A admin an admin of `tenantId` too (ApiClient roles are read per call). */
  grantAdminOfA(tenantId: string): Promise<void>;
}

export interface OperationCase {
  /** The Query or Mutation field. */
  field: string;
  access: Access;
  document: string;
  prepare(context: OperationContext): Promise<Record<string, unknown>>;
}

/** A short unique name part (slugs, domains, claim names). */
export const unique = (): string => randomUUID().replaceAll('-', '').slice(0, 10);

/** Runs a setup call as the setup principal; its failure fails the cell with a clear message. */
// biome-ignore lint/suspicious/noExplicitAny: setup answers are read by the fields their own document selects
export async function setup<T = Record<string, any>>(
  context: OperationContext,
  document: string,
  variables: Record<string, unknown>,
): Promise<T> {
  return dataOf(
    await graphql<T>(context.platform.web, document, variables, { token: context.setupToken }),
  );
}

const tenantOnly =
  (extra: Record<string, unknown> = {}) =>
  async (c: OperationContext) => ({
    tenantId: c.tenantA.id,
    ...extra,
  });

/** Registration metadata of a confidential web client. */
export function webClientMetadata(): Record<string, unknown> {
  return {
    client_name: 'Matrix RP',
    redirect_uris: ['https://rp.example.test/cb'],
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
  };
}

/** A fresh client of tenant A. */
async function withClient(c: OperationContext): Promise<Record<string, unknown>> {
  const { createClient } = await setup(
    c,
    `mutation($tenantId: ID!, $metadata: JSON!) {
      createClient(tenantId: $tenantId, metadata: $metadata) { client { clientId } }
    }`,
    { tenantId: c.tenantA.id, metadata: webClientMetadata() },
  );
  return { tenantId: c.tenantA.id, clientId: createClient.client.clientId };
}

/** A fresh user of tenant A. */
async function withUser(c: OperationContext): Promise<{ tenantId: string; userId: string }> {
  const { createUser } = await setup(
    c,
    `mutation($tenantId: ID!, $loginName: String!) {
      createUser(tenantId: $tenantId, loginName: $loginName) { id }
    }`,
    { tenantId: c.tenantA.id, loginName: `user-${unique()}` },
  );
  return { tenantId: c.tenantA.id, userId: createUser.id };
}

/** A fresh user of tenant A with a live session at apps/op (stored as apps/op stores one). */
async function withSession(
  c: OperationContext,
): Promise<{ tenantId: string; userId: string; sessionId: string }> {
  const user = await withUser(c);
  const now = Math.floor(Date.now() / 1000);
  const sessionId = `sid-${unique()}`;
  await createTenantStores(c.platform.db, c.tenantA.id, {
    secretBox: c.platform.secretBox,
  }).sessions.create({
    id: sessionId,
    tokenHash: hashToken(randomUUID()),
    userId: user.userId,
    authTime: now,
    clientIds: [],
    createdAt: now,
    expiresAt: now + 3600,
  });
  return { ...user, sessionId };
}

export const OPERATIONS: OperationCase[] = [
  // me, tenants
  {
    field: 'me',
    access: 'any',
    document: 'query { me { kind platformOperator tenantSlugs } }',
    prepare: async () => ({}),
  },
  {
    field: 'tenants',
    access: 'any',
    document: 'query { tenants(first: 10) { nodes { id slug } totalCount } }',
    prepare: async () => ({}),
  },
  {
    field: 'tenant',
    access: 'tenant',
    document: 'query($tenantId: ID!) { tenant(id: $tenantId) { id slug status } }',
    prepare: tenantOnly(),
  },
  {
    field: 'createTenant',
    access: 'platform',
    document:
      'mutation($slug: String!) { createTenant(slug: $slug, name: "Matrix tenant") { id slug } }',
    prepare: async () => ({ slug: `m-${unique()}` }),
  },
  {
    field: 'renameTenant',
    access: 'tenant',
    document:
      'mutation($tenantId: ID!) { renameTenant(tenantId: $tenantId, name: "Tenant A") { id name } }',
    prepare: tenantOnly(),
  },
  {
    field: 'updateTenantSettings',
    access: 'tenant',
    document: `mutation($tenantId: ID!) {
      updateTenantSettings(tenantId: $tenantId, settings: { branding: { primaryColor: "#123456" } }) {
        id settings { branding { primaryColor } }
      }
    }`,
    prepare: tenantOnly(),
  },
  {
    field: 'setTenantStatus',
    access: 'platform',
    document:
      'mutation($tenantId: ID!) { setTenantStatus(tenantId: $tenantId, status: active) { id status } }',
    prepare: tenantOnly(),
  },
  {
    field: 'deleteTenant',
    access: 'platform',
    document:
      'mutation($tenantId: ID!, $slug: String!) { deleteTenant(tenantId: $tenantId, confirmSlug: $slug) }',
    // A fresh tenant per call, administered by the tenant-A admin: even its own admin may not.
    async prepare(c) {
      const slug = `del-${unique()}`;
      const { createTenant } = await setup(
        c,
        'mutation($slug: String!) { createTenant(slug: $slug, name: "Doomed") { id } }',
        { slug },
      );
      await c.grantAdminOfA(createTenant.id);
      return { tenantId: createTenant.id, slug };
    },
  },
  {
    field: 'addTenantDomain',
    access: 'tenant',
    document:
      'mutation($tenantId: ID!, $domain: String!) { addTenantDomain(tenantId: $tenantId, domain: $domain) { id domains } }',
    prepare: async (c) => ({ tenantId: c.tenantA.id, domain: `id-${unique()}.example.com` }),
  },
  {
    field: 'removeTenantDomain',
    access: 'tenant',
    document:
      'mutation($tenantId: ID!, $domain: String!) { removeTenantDomain(tenantId: $tenantId, domain: $domain) { id domains } }',
    async prepare(c) {
      const variables = { tenantId: c.tenantA.id, domain: `rm-${unique()}.example.com` };
      await setup(
        c,
        'mutation($tenantId: ID!, $domain: String!) { addTenantDomain(tenantId: $tenantId, domain: $domain) { id } }',
        variables,
      );
      return variables;
    },
  },
  {
    field: 'auditEvents',
    access: 'tenant',
    document: `query($tenantId: ID!) {
      auditEvents(first: 5, filter: { tenantId: $tenantId }) { nodes { id action tenantId } }
    }`,
    prepare: tenantOnly(),
  },

  // claims and scopes
  {
    field: 'claimDefinitions',
    access: 'tenant',
    document: 'query($tenantId: ID!) { claimDefinitions(tenantId: $tenantId) { name type } }',
    prepare: tenantOnly(),
  },
  {
    field: 'scopeDefinitions',
    access: 'tenant',
    document: 'query($tenantId: ID!) { scopeDefinitions(tenantId: $tenantId) { name claims } }',
    prepare: tenantOnly(),
  },
  {
    field: 'upsertClaimDefinition',
    access: 'tenant',
    document: `mutation($tenantId: ID!, $name: String!) {
      upsertClaimDefinition(tenantId: $tenantId, name: $name, type: string) { name type }
    }`,
    prepare: async (c) => ({ tenantId: c.tenantA.id, name: `claim_${unique()}` }),
  },
  {
    field: 'deleteClaimDefinition',
    access: 'tenant',
    document:
      'mutation($tenantId: ID!, $name: String!) { deleteClaimDefinition(tenantId: $tenantId, name: $name) { name } }',
    async prepare(c) {
      const variables = { tenantId: c.tenantA.id, name: `claim_${unique()}` };
      await setup(
        c,
        'mutation($tenantId: ID!, $name: String!) { upsertClaimDefinition(tenantId: $tenantId, name: $name) { name } }',
        variables,
      );
      return variables;
    },
  },
  {
    field: 'upsertScopeDefinition',
    access: 'tenant',
    document: `mutation($tenantId: ID!, $name: String!) {
      upsertScopeDefinition(tenantId: $tenantId, name: $name, claims: ["email"]) { name claims }
    }`,
    prepare: async (c) => ({ tenantId: c.tenantA.id, name: `scope_${unique()}` }),
  },
  {
    field: 'deleteScopeDefinition',
    access: 'tenant',
    document:
      'mutation($tenantId: ID!, $name: String!) { deleteScopeDefinition(tenantId: $tenantId, name: $name) { name } }',
    async prepare(c) {
      const variables = { tenantId: c.tenantA.id, name: `scope_${unique()}` };
      await setup(
        c,
        'mutation($tenantId: ID!, $name: String!) { upsertScopeDefinition(tenantId: $tenantId, name: $name, claims: ["email"]) { name } }',
        variables,
      );
      return variables;
    },
  },

  // signing keys
  {
    field: 'signingKeys',
    access: 'tenant',
    document: 'query($tenantId: ID!) { signingKeys(tenantId: $tenantId) { kid alg state } }',
    prepare: tenantOnly(),
  },
  {
    field: 'keyRotationSchedule',
    access: 'tenant',
    document:
      'query($tenantId: ID!) { keyRotationSchedule(tenantId: $tenantId) { intervalDays overlapDays } }',
    prepare: tenantOnly(),
  },
  {
    field: 'generateSigningKey',
    access: 'tenant',
    document:
      'mutation($tenantId: ID!) { generateSigningKey(tenantId: $tenantId, alg: RS256) { kid state } }',
    prepare: tenantOnly(),
  },
  {
    field: 'rotateSigningKeys',
    access: 'tenant',
    document: 'mutation($tenantId: ID!) { rotateSigningKeys(tenantId: $tenantId) { kid state } }',
    prepare: tenantOnly(),
  },
  {
    field: 'retireSigningKey',
    access: 'tenant',
    document:
      'mutation($tenantId: ID!, $kid: String!) { retireSigningKey(tenantId: $tenantId, kid: $kid) { kid state } }',
    // A staged (next) key of its own: retiring it never leaves the tenant without a signer.
    async prepare(c) {
      const { generateSigningKey } = await setup(
        c,
        'mutation($tenantId: ID!) { generateSigningKey(tenantId: $tenantId, alg: RS256) { kid } }',
        { tenantId: c.tenantA.id },
      );
      return { tenantId: c.tenantA.id, kid: generateSigningKey.kid };
    },
  },
  {
    field: 'setKeyRotationSchedule',
    access: 'tenant',
    document: `mutation($tenantId: ID!) {
      setKeyRotationSchedule(tenantId: $tenantId, schedule: { intervalDays: 90, overlapDays: 7 }) { intervalDays }
    }`,
    prepare: tenantOnly(),
  },

  // activity
  {
    field: 'tenantActivity',
    access: 'tenant',
    document:
      'query($tenantId: ID!) { tenantActivity(tenantId: $tenantId, days: 2) { bucketSeconds totals { signIns } activeSessions } }',
    prepare: tenantOnly(),
  },

  // initial access tokens
  {
    field: 'initialAccessTokens',
    access: 'tenant',
    document: 'query($tenantId: ID!) { initialAccessTokens(tenantId: $tenantId) { id expiresAt } }',
    prepare: tenantOnly(),
  },
  {
    field: 'createInitialAccessToken',
    access: 'tenant',
    document: `mutation($tenantId: ID!) {
      createInitialAccessToken(tenantId: $tenantId, expiresInSeconds: 600) { token initialAccessToken { id } }
    }`,
    prepare: tenantOnly(),
  },
  {
    field: 'revokeInitialAccessToken',
    access: 'tenant',
    document:
      'mutation($tenantId: ID!, $id: ID!) { revokeInitialAccessToken(tenantId: $tenantId, id: $id) { id } }',
    // A token of its own, so every cell revokes something that exists.
    async prepare(c) {
      const { createInitialAccessToken } = await setup(
        c,
        `mutation($tenantId: ID!) {
          createInitialAccessToken(tenantId: $tenantId, expiresInSeconds: 600) { initialAccessToken { id } }
        }`,
        { tenantId: c.tenantA.id },
      );
      return { tenantId: c.tenantA.id, id: createInitialAccessToken.initialAccessToken.id };
    },
  },

  // clients
  {
    field: 'clients',
    access: 'tenant',
    document:
      'query($tenantId: ID!) { clients(tenantId: $tenantId, first: 10) { nodes { clientId } totalCount } }',
    prepare: tenantOnly(),
  },
  {
    field: 'client',
    access: 'tenant',
    document:
      'query($tenantId: ID!, $clientId: String!) { client(tenantId: $tenantId, clientId: $clientId) { clientId redirectUris } }',
    prepare: withClient,
  },
  {
    field: 'createClient',
    access: 'tenant',
    document: `mutation($tenantId: ID!, $metadata: JSON!) {
      createClient(tenantId: $tenantId, metadata: $metadata) { client { clientId } clientSecret }
    }`,
    prepare: async (c) => ({ tenantId: c.tenantA.id, metadata: webClientMetadata() }),
  },
  {
    field: 'updateClient',
    access: 'tenant',
    document: `mutation($tenantId: ID!, $clientId: String!, $metadata: JSON!) {
      updateClient(tenantId: $tenantId, clientId: $clientId, metadata: $metadata) { client { clientName } }
    }`,
    prepare: async (c) => ({
      ...(await withClient(c)),
      metadata: { ...webClientMetadata(), client_name: 'Renamed' },
    }),
  },
  {
    field: 'deleteClient',
    access: 'tenant',
    document:
      'mutation($tenantId: ID!, $clientId: String!) { deleteClient(tenantId: $tenantId, clientId: $clientId) { clientId } }',
    prepare: withClient,
  },
  {
    field: 'rotateClientSecret',
    access: 'tenant',
    document: `mutation($tenantId: ID!, $clientId: String!) {
      rotateClientSecret(tenantId: $tenantId, clientId: $clientId) { clientSecret }
    }`,
    prepare: withClient,
  },

  // users
  {
    field: 'users',
    access: 'tenant',
    document:
      'query($tenantId: ID!) { users(tenantId: $tenantId, first: 10) { nodes { id loginName } totalCount } }',
    prepare: tenantOnly(),
  },
  {
    field: 'user',
    access: 'tenant',
    document:
      'query($tenantId: ID!, $userId: ID!) { user(tenantId: $tenantId, userId: $userId) { id loginName } }',
    prepare: withUser,
  },
  {
    field: 'createUser',
    access: 'tenant',
    document: `mutation($tenantId: ID!, $loginName: String!) {
      createUser(tenantId: $tenantId, loginName: $loginName, password: "correct-horse-battery") { id }
    }`,
    prepare: async (c) => ({ tenantId: c.tenantA.id, loginName: `user-${unique()}` }),
  },
  {
    field: 'updateUser',
    access: 'tenant',
    document: `mutation($tenantId: ID!, $userId: ID!) {
      updateUser(tenantId: $tenantId, userId: $userId, claims: { name: "Renamed" }) { claims }
    }`,
    prepare: withUser,
  },
  {
    field: 'setUserPassword',
    access: 'tenant',
    document: `mutation($tenantId: ID!, $userId: ID!) {
      setUserPassword(tenantId: $tenantId, userId: $userId, password: "another-correct-horse") { hasPassword }
    }`,
    prepare: withUser,
  },
  {
    field: 'setUserDisabled',
    access: 'tenant',
    document: `mutation($tenantId: ID!, $userId: ID!) {
      setUserDisabled(tenantId: $tenantId, userId: $userId, disabled: true) { disabled }
    }`,
    prepare: withUser,
  },
  {
    field: 'deleteUser',
    access: 'tenant',
    document:
      'mutation($tenantId: ID!, $userId: ID!) { deleteUser(tenantId: $tenantId, userId: $userId) { id } }',
    prepare: withUser,
  },
  {
    field: 'userSessions',
    access: 'tenant',
    document:
      'query($tenantId: ID!, $userId: ID!) { userSessions(tenantId: $tenantId, userId: $userId) { id } }',
    prepare: async (c) => {
      const { sessionId: _sessionId, ...variables } = await withSession(c);
      return variables;
    },
  },
  {
    field: 'revokeUserSession',
    access: 'tenant',
    document: `mutation($tenantId: ID!, $userId: ID!, $sessionId: ID!) {
      revokeUserSession(tenantId: $tenantId, userId: $userId, sessionId: $sessionId) { id }
    }`,
    prepare: withSession,
  },
  {
    field: 'revokeUserSessions',
    access: 'tenant',
    document:
      'mutation($tenantId: ID!, $userId: ID!) { revokeUserSessions(tenantId: $tenantId, userId: $userId) }',
    prepare: async (c) => {
      const { sessionId: _sessionId, ...variables } = await withSession(c);
      return variables;
    },
  },

  // the platform: API clients and operators
  {
    field: 'apiClients',
    access: 'platform',
    document: 'query { apiClients(first: 10) { nodes { clientId name } } }',
    prepare: async () => ({}),
  },
  {
    field: 'createApiClient',
    access: 'platform',
    document: `mutation($tenantId: ID!) {
      createApiClient(name: "Matrix automation", roles: [{ role: tenant_admin, tenantId: $tenantId }]) {
        apiClient { clientId } clientSecret
      }
    }`,
    prepare: tenantOnly(),
  },
  {
    field: 'deleteApiClient',
    access: 'platform',
    document: 'mutation($clientId: String!) { deleteApiClient(clientId: $clientId) { clientId } }',
    async prepare(c) {
      const { createApiClient } = await setup(
        c,
        `mutation($tenantId: ID!) {
          createApiClient(name: "Doomed automation", roles: [{ role: tenant_admin, tenantId: $tenantId }]) {
            apiClient { clientId }
          }
        }`,
        { tenantId: c.tenantB.id },
      );
      return { clientId: createApiClient.apiClient.clientId };
    },
  },
  {
    field: 'operators',
    access: 'platform',
    document: 'query { operators(first: 10) { nodes { id email platformOperator } } }',
    prepare: async () => ({}),
  },
  {
    field: 'createOperator',
    access: 'platform',
    document: `mutation($email: String!, $tenantId: ID!) {
      createOperator(input: { email: $email, tenantIds: [$tenantId] }) { operator { id } login }
    }`,
    prepare: async (c) => ({ email: `op-${unique()}@example.com`, tenantId: c.tenantA.id }),
  },
  {
    field: 'grantTenantAdmin',
    access: 'platform',
    document: `mutation($operatorId: ID!, $tenantId: ID!) {
      grantTenantAdmin(operatorId: $operatorId, tenantId: $tenantId) { id memberships { role tenantId } }
    }`,
    async prepare(c) {
      const { createOperator } = await setup(
        c,
        `mutation($email: String!, $tenantId: ID!) {
          createOperator(input: { email: $email, tenantIds: [$tenantId] }) { operator { id } }
        }`,
        { email: `grant-${unique()}@example.com`, tenantId: c.tenantB.id },
      );
      return { operatorId: createOperator.operator.id, tenantId: c.tenantA.id };
    },
  },
  {
    field: 'revokeMembership',
    access: 'platform',
    document:
      'mutation($membershipId: ID!) { revokeMembership(membershipId: $membershipId) { id memberships { id } } }',
    async prepare(c) {
      const { createOperator } = await setup(
        c,
        `mutation($email: String!, $tenantId: ID!) {
          createOperator(input: { email: $email, tenantIds: [$tenantId] }) { operator { memberships { id } } }
        }`,
        { email: `revoke-${unique()}@example.com`, tenantId: c.tenantA.id },
      );
      return { membershipId: createOperator.operator.memberships[0].id };
    },
  },
];
