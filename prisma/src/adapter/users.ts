/** Users, read-only: hosts and the admin plane own user writes. */
import type { UserStore } from '@tessera/core';
import type { TenantScope } from './scope.js';

export function userStore(scope: TenantScope): UserStore {
  return {
    async get(userId) {
      const row = await scope.db.user.findUnique({
        where: { tenantId_id: scope.where({ id: userId }) },
        select: { id: true, claims: true, disabled: true },
      });
      // `disabled` is a NOT NULL column: only a disabled user carries the flag, as the engine writes it.
      return row
        ? {
            id: row.id,
            claims: row.claims as Record<string, unknown>,
            ...(row.disabled && { disabled: true }),
          }
        : undefined;
    },
  };
}
