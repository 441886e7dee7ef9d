/** Remembered consent of a user for a client. */
import type { ConsentStore } from '@tessera/core';
import { toDate, toSeconds } from './convert.js';
import type { TenantScope } from './scope.js';

export function consentStore(scope: TenantScope): ConsentStore {
  const { db } = scope;
  return {
    async get(userId, clientId) {
      const row = await db.consent.findUnique({
        where: { tenantId_userId_clientId: scope.where({ userId, clientId }) },
      });
      if (!row) return undefined;
      return {
        userId: row.userId,
        clientId: row.clientId,
        scopes: row.scopes as string[],
        claims: row.claims as string[],
        grantedAt: toSeconds(row.grantedAt),
      };
    },
    async save(record) {
      const { userId, clientId } = record;
      const values = {
        scopes: record.scopes,
        claims: record.claims,
        grantedAt: toDate(record.grantedAt),
      };
      await db.consent.upsert({
        where: { tenantId_userId_clientId: scope.where({ userId, clientId }) },
        create: scope.data({ userId, clientId, ...values }),
        update: values,
      });
    },
    async revoke(userId, clientId) {
      return (
        (await db.consent.deleteMany({ where: scope.where({ userId, clientId }) })).count === 1
      );
    },
  };
}
