/**
 * Who may call what: every operation of the schema, aimed at tenant A, called by each kind of
 * caller. Platform operators may do everything; the admin of tenant A may do what concerns
 * tenant A; the admin of tenant B may touch nothing of tenant A; callers without valid
 * credentials get nothing at all.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createTenant, type TenantFixture } from '../../../op/test/support/fixtures';
import { buildSchema } from '../../src/graphql/schema';
import { graphql, outcomeOf } from '../support/graphql-client';
import { type Access, OPERATIONS, type OperationContext } from '../support/operations';
import { databases, usePlatform } from '../support/platform';
import {
  type ApiClientFixture,
  accessTokenFor,
  createApiClient,
  expiredTokenFor,
  revokedTokenFor,
} from '../support/principals';

const PRINCIPALS = [
  'platform operator',
  'admin of A',
  'admin of B',
  'anonymous',
  'expired token',
  'revoked token',
] as const;
type PrincipalName = (typeof PRINCIPALS)[number];
type Outcome = 'OK' | 'FORBIDDEN' | 'UNAUTHENTICATED';

function expectedOutcome(access: Access, principal: PrincipalName): Outcome {
  switch (principal) {
    case 'platform operator':
      return 'OK';
    case 'admin of A':
      return access === 'platform' ? 'FORBIDDEN' : 'OK';
    case 'admin of B':
      return access === 'any' ? 'OK' : 'FORBIDDEN';
    default:
      return 'UNAUTHENTICATED';
  }
}

/** Query and Mutation fields of the schema as the server builds it. */
function schemaOperations(): Set<string> {
  const schema = buildSchema();
  // No instanceof: vitest may load graphql's ESM build beside the CommonJS one Pothos uses.
  const fields = [schema.getQueryType(), schema.getMutationType()].flatMap((type) =>
    Object.keys(type?.getFields() ?? {}),
  );
  if (fields.length === 0) throw new Error('the schema has no operations');
  return new Set(fields);
}

const inSchema = schemaOperations();

describe.each(databases())('Role matrix on $name', (kind) => {
  const platform = usePlatform(kind);
  const tokens = new Map<PrincipalName, string | undefined>();
  let tenantA: TenantFixture;
  let tenantB: TenantFixture;
  let context: OperationContext;
  let adminOfA: ApiClientFixture;
  let adminOfB: ApiClientFixture;

  beforeAll(async () => {
    tenantA = await createTenant(platform.db, { slug: `a-${Date.now().toString(36)}` });
    tenantB = await createTenant(platform.db, { slug: `b-${Date.now().toString(36)}` });
    // apps/op makes a tenant's first signing keys when it first serves the tenant.
    for (const tenant of [tenantA, tenantB]) {
      const jwks = await fetch(`${platform.op.issuer(tenant.slug)}/jwks`);
      expect(jwks.status).toBe(200);
    }
    const operator = await createApiClient(platform, [{ role: 'platform_operator' }], 'Operator');
    const setupClient = await createApiClient(platform, [{ role: 'platform_operator' }], 'Setup');
    adminOfA = await createApiClient(platform, [{ role: 'tenant_admin', tenantId: tenantA.id }]);
    adminOfB = await createApiClient(platform, [{ role: 'tenant_admin', tenantId: tenantB.id }]);
    tokens.set('platform operator', await accessTokenFor(platform, operator));
    tokens.set('admin of A', await accessTokenFor(platform, adminOfA));
    tokens.set('admin of B', await accessTokenFor(platform, adminOfB));
    tokens.set('anonymous', undefined);
    tokens.set('expired token', await expiredTokenFor(platform, adminOfA));
    tokens.set('revoked token', await revokedTokenFor(platform, operator));
    context = {
      platform,
      tenantA,
      tenantB,
      setupToken: await accessTokenFor(platform, setupClient),
      async grantAdminOfA(tenantId) {
        const row = await platform.db.apiClient.findUniqueOrThrow({
          where: { clientId: adminOfA.clientId },
        });
        const roles = [...(row.roles as object[]), { role: 'tenant_admin', tenantId }];
        await platform.db.apiClient.update({ where: { id: row.id }, data: { roles } });
      },
    };
  });

  it('has a row for every operation of the schema', () => {
    const covered = new Set(OPERATIONS.map((operation) => operation.field));
    expect([...inSchema].filter((field) => !covered.has(field))).toEqual([]);
  });

  for (const operation of OPERATIONS) {
    describe.skipIf(!inSchema.has(operation.field))(
      `${operation.field} (${operation.access})`,
      () => {
        for (const principal of PRINCIPALS) {
          const expected = expectedOutcome(operation.access, principal);
          it(`${principal}: ${expected}`, async () => {
            const variables = await operation.prepare(context);
            const token = tokens.get(principal);
            const result = await graphql(
              platform.web,
              operation.document,
              variables,
              token ? { token } : {},
            );
            const detail = `${operation.field} as ${principal}: ${JSON.stringify(result.errors)}`;
            expect(outcomeOf(result), detail).toBe(expected);
            if (expected === 'OK') {
              expect(result.data?.[operation.field], detail).not.toBeUndefined();
            } else {
              // Refused calls leak nothing (a nullable result is null at most).
              expect(result.data?.[operation.field] ?? null, detail).toBeNull();
            }
            if (principal === 'expired token' || principal === 'revoked token') {
              expect(result.status).toBe(401);
              expect(result.headers.get('www-authenticate')).toMatch(
                /^Bearer error="invalid_token"/,
              );
            }
          });
        }
      },
    );
  }

  it('records no change by the admin of B, and changes by the admin of A', async () => {
    const actors = await platform.db.auditEvent.groupBy({
      by: ['actorId'],
      where: { tenantId: tenantA.id },
      _count: true,
    });
    const ids = actors.map((row) => row.actorId);
    expect(ids).toContain(adminOfA.clientId);
    expect(ids).not.toContain(adminOfB.clientId);
    expect(await platform.db.auditEvent.count({ where: { actorId: adminOfB.clientId } })).toBe(0);
  });
});
