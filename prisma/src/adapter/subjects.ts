/** Subject identifiers (public and pairwise) and the user each denotes. */
import type { SubjectStore } from '@tessera/core';
import type { TenantScope } from './scope.js';

export function subjectStore(scope: TenantScope): SubjectStore {
  const { db } = scope;
  return {
    async remember(userId, sub) {
      await db.subject.upsert({
        where: { tenantId_sub: scope.where({ sub }) },
        create: scope.data({ sub, userId }),
        update: { userId },
      });
    },
    async findUserId(sub) {
      const row = await db.subject.findUnique({
        where: { tenantId_sub: scope.where({ sub }) },
        select: { userId: true },
      });
      return row?.userId;
    },
  };
}
