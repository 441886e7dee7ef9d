/** Users, read-only: hosts and the admin plane own user writes. */
import type { UserStore } from '@tessera/core';
import { Prisma, type User as UserRow } from '../../generated/sqlite/client/client.js';
import type { TenantScope } from './scope.js';

const COLUMNS = ['id', 'claims', 'disabled'] as const;

export function userStore(scope: TenantScope): UserStore {
  return {
    async get(userId) {
      // On every token and userinfo request: hand-written SQL (see scope.ts).
      const [row] = await scope.select<Pick<UserRow, (typeof COLUMNS)[number]>>(
        'User',
        Prisma.sql`"id" = ${userId}`,
        COLUMNS,
      );
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
