/** Roles of API clients (`ApiClient.roles`, JSON) and of operators (`Membership` rows). */
import { z } from 'zod';
import type { Principal } from '../server/principal';

export const apiClientRolesSchema = z.array(
  z.discriminatedUnion('role', [
    z.object({ role: z.literal('platform_operator') }),
    z.object({ role: z.literal('tenant_admin'), tenantId: z.string().min(1) }),
  ]),
);

export type ApiClientRoles = z.infer<typeof apiClientRolesSchema>;

/** A principal from role grants; an unreadable roles document grants nothing. */
export function principalFromRoles(
  base: Pick<Principal, 'kind' | 'id' | 'name'>,
  grants: readonly { role: string; tenantId?: string | null }[],
): Principal {
  return {
    ...base,
    platformOperator: grants.some((g) => g.role === 'platform_operator'),
    tenantIds: new Set(
      grants.flatMap((g) => (g.role === 'tenant_admin' && g.tenantId ? [g.tenantId] : [])),
    ),
  };
}
