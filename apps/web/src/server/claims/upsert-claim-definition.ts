import { z } from 'zod';
import type { ServiceDeps } from '../../graphql/context';
import { fieldErrorsOf, validationFailed } from '../errors';
import { assertTenantAccess, type Principal } from '../principal';
import { recordChange } from '../record-change';
import {
  CLAIM_TYPES,
  type ClaimType,
  claimNameSchema,
  descriptionSchema,
  MAX_CLAIM_DEFINITIONS,
} from './definition-rules';
import { type ClaimDefinitionView, claimDefinitionView } from './definition-views';
import { requireTenant } from './require-tenant';

export interface UpsertClaimDefinitionOptions {
  deps: ServiceDeps;
  principal: Principal;
  tenantId: string;
  name: string;
  description?: string | null;
  type: ClaimType;
}

const inputSchema = z.object({
  name: claimNameSchema,
  description: descriptionSchema,
  type: z.enum(CLAIM_TYPES, { error: `must be one of ${CLAIM_TYPES.join(', ')}` }),
});

/**
 * Defines a custom claim of the tenant, or changes the description or type of one.
 *
 * @example await upsertClaimDefinition({ deps, principal, tenantId, name: 'department', type: 'string' });
 */
export async function upsertClaimDefinition(
  options: UpsertClaimDefinitionOptions,
): Promise<ClaimDefinitionView> {
  const { deps, principal, tenantId } = options;
  assertTenantAccess(principal, tenantId);
  const parsed = inputSchema.safeParse({
    name: options.name,
    description: options.description,
    type: options.type,
  });
  if (!parsed.success) throw validationFailed(fieldErrorsOf(parsed.error.issues));
  const { name, description, type } = parsed.data;
  await requireTenant(deps.db, tenantId);
  const key = { tenantId_name: { tenantId, name } };
  const row = await recordChange(
    {
      db: deps.db,
      principal,
      tenantId,
      action: 'claim_definition.upsert',
      objectType: 'claim_definition',
      objectId: name,
      details: { name, type, description },
      now: deps.now,
    },
    async (tx) => {
      const exists = await tx.claimDefinition.findUnique({ where: key, select: { name: true } });
      if (
        !exists &&
        (await tx.claimDefinition.count({ where: { tenantId } })) >= MAX_CLAIM_DEFINITIONS
      ) {
        throw validationFailed([
          { path: 'name', message: `A tenant may define at most ${MAX_CLAIM_DEFINITIONS} claims` },
        ]);
      }
      return tx.claimDefinition.upsert({
        where: key,
        create: { tenantId, name, description, type },
        update: { description, type },
      });
    },
  );
  return claimDefinitionView(row);
}
