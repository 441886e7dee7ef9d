/** Refresh tokens, by hash only; rotation marks the old one consumed in one conditional UPDATE. */
import type { RefreshTokenRecord, RefreshTokenStore } from '@tessera/core';
import type { RefreshToken as RefreshRow } from '../../generated/sqlite/client/client.js';
import { consumeOnce } from './consume.js';
import { optionalDate, optionalSeconds, toDate, toSeconds } from './convert.js';
import type { TenantScope } from './scope.js';

function fromRow(row: RefreshRow): RefreshTokenRecord {
  return {
    hash: row.hash,
    grantId: row.grantId,
    clientId: row.clientId,
    scope: row.scope,
    issuedAt: toSeconds(row.issuedAt),
    expiresAt: optionalSeconds(row.expiresAt),
    consumedAt: optionalSeconds(row.consumedAt),
  };
}

export function refreshTokenStore(scope: TenantScope): RefreshTokenStore {
  const { db } = scope;
  const byHash = (hash: string) => ({ where: scope.where({ hash }) });
  return {
    async create(record) {
      await db.refreshToken.create({
        data: scope.data({
          hash: record.hash,
          grantId: record.grantId,
          clientId: record.clientId,
          scope: record.scope,
          issuedAt: toDate(record.issuedAt),
          expiresAt: optionalDate(record.expiresAt),
          consumedAt: optionalDate(record.consumedAt),
        }),
        select: { hash: true },
      });
    },
    async find(hash) {
      const row = await db.refreshToken.findUnique({
        where: { tenantId_hash: scope.where({ hash }) },
      });
      return row ? fromRow(row) : undefined;
    },
    consume(hash, now) {
      return consumeOnce(
        () =>
          db.refreshToken.updateManyAndReturn({
            where: scope.where({ hash, consumedAt: null }),
            data: { consumedAt: toDate(now) },
          }),
        () => db.refreshToken.findUnique({ where: { tenantId_hash: scope.where({ hash }) } }),
        fromRow,
      );
    },
    async revoke(hash) {
      return (await db.refreshToken.deleteMany(byHash(hash))).count === 1;
    },
  };
}
