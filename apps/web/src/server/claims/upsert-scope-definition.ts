import { z } from 'zod';
import type { ServiceDeps } from '../../graphql/context';
import { type FieldError, fieldErrorsOf, validationFailed } from '../errors';
import { assertTenantAccess, type Principal } from '../principal';
import { recordChange, type Tx } from '../record-change';
import {
  descriptionSchema,
  MAX_SCOPE_CLAIMS,
  MAX_SCOPE_DEFINITIONS,
  STANDARD_CLAIMS,
  scopeNameSchema,
} from './definition-rules';
import { type ScopeDefinitionView, scopeDefinitionView } from './definition-views';
import { requireTenant } from './require-tenant';

export interface UpsertScopeDefinitionOptions {
  deps: ServiceDeps;
  principal: Principal;
  tenantId: string;
  name: string;
  /** Claim names the scope releases: the tenant's defined claims or standard ones. */
  claims: string[];
  description?: string | null;
}

const inputSchema = z.object({
  name: scopeNameSchema,
  description: descriptionSchema,
  claims: z
    .array(z.string())
    .max(MAX_SCOPE_CLAIMS, { error: `must list at most ${MAX_SCOPE_CLAIMS} claims` })
    .refine((claims) => new Set(claims).size === claims.length, {
      error: 'must not repeat a claim',
    }),
});

/**
 * Defines a scope of the tenant and the claims it releases, or changes one. Redefining a
 * standard scope (`profile`, `email`, ...) replaces its claims for this tenant.
 *
 * @example
 * await upsertScopeDefinition({ deps, principal, tenantId, name: 'org', claims: ['department'] });
 */
export async function upsertScopeDefinition(
  options: UpsertScopeDefinitionOptions,
): Promise<ScopeDefinitionView> {
  const { deps, principal, tenantId } = options;
  assertTenantAccess(principal, tenantId);
  const parsed = inputSchema.safeParse({
    name: options.name,
    description: options.description,
    claims: options.claims,
  });
  if (!parsed.success) throw validationFailed(fieldErrorsOf(parsed.error.issues));
  const { name, description, claims } = parsed.data;
  await requireTenant(deps.db, tenantId);
  const key = { tenantId_name: { tenantId, name } };
  const row = await recordChange(
    {
      db: deps.db,
      principal,
      tenantId,
      action: 'scope_definition.upsert',
      objectType: 'scope_definition',
      objectId: name,
      details: { name, claims, description },
      now: deps.now,
    },
    async (tx) => {
      const problems = await undefinedClaims(tx, tenantId, claims);
      const exists = await tx.scopeDefinition.findUnique({ where: key, select: { name: true } });
      if (
        !exists &&
        (await tx.scopeDefinition.count({ where: { tenantId } })) >= MAX_SCOPE_DEFINITIONS
      ) {
        problems.push({
          path: 'name',
          message: `A tenant may define at most ${MAX_SCOPE_DEFINITIONS} scopes`,
        });
      }
      if (problems.length > 0) throw validationFailed(problems);
      return tx.scopeDefinition.upsert({
        where: key,
        create: { tenantId, name, description, claims },
        update: { description, claims },
      });
    },
  );
  return scopeDefinitionView(row);
}

/** Field errors for listed claims that are neither standard nor defined by the tenant. */
async function undefinedClaims(tx: Tx, tenantId: string, claims: string[]): Promise<FieldError[]> {
  const custom = claims.filter((claim) => !STANDARD_CLAIMS.has(claim));
  if (custom.length === 0) return [];
  const defined = new Set(
    (
      await tx.claimDefinition.findMany({
        where: { tenantId, name: { in: custom } },
        select: { name: true },
      })
    ).map((row) => row.name),
  );
  return claims.flatMap((claim, index) =>
    STANDARD_CLAIMS.has(claim) || defined.has(claim)
      ? []
      : [
          {
            path: `claims.${index}`,
            message: `'${claim}' is neither a standard nor a defined claim`,
          },
        ],
  );
}
