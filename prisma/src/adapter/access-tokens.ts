/** Opaque access tokens, by hash only. */
import type { AccessTokenRecord, AccessTokenStore } from '@tessera/core';
import { type AccessToken as AccessRow, Prisma } from '../../generated/sqlite/client/client.js';
import { fromJson, optional, sqlJson, toDate, toSeconds } from './convert.js';
import type { TenantScope } from './scope.js';

function fromRow(row: AccessRow): AccessTokenRecord {
  return {
    hash: row.hash,
    grantId: optional(row.grantId),
    clientId: row.clientId,
    userId: optional(row.userId),
    sub: optional(row.sub),
    scope: row.scope,
    claims: fromJson<AccessTokenRecord['claims']>(row.claims),
    issuedAt: toSeconds(row.issuedAt),
    expiresAt: toSeconds(row.expiresAt),
  };
}

// `create` and `find` run on every token and userinfo request: hand-written SQL (see scope.ts).
export function accessTokenStore(scope: TenantScope): AccessTokenStore {
  const { db } = scope;
  return {
    async create(record) {
      await scope.insert('AccessToken', {
        hash: record.hash,
        grantId: record.grantId ?? null,
        clientId: record.clientId,
        userId: record.userId ?? null,
        sub: record.sub ?? null,
        scope: record.scope,
        claims: sqlJson(record.claims),
        issuedAt: toDate(record.issuedAt),
        expiresAt: toDate(record.expiresAt),
      });
    },
    async find(hash) {
      const [row] = await scope.select<AccessRow>('AccessToken', Prisma.sql`"hash" = ${hash}`);
      return row ? fromRow(row) : undefined;
    },
    async revoke(hash) {
      const { count } = await db.accessToken.deleteMany({ where: scope.where({ hash }) });
      return count === 1;
    },
  };
}
