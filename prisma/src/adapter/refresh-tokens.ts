/** Refresh tokens, by hash only; rotation marks the old one consumed in one conditional UPDATE. */
import type { RefreshTokenRecord, RefreshTokenStore } from '@tessera/core';
import { Prisma, type RefreshToken as RefreshRow } from '../../generated/sqlite/client/client.js';
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

// Everything but `revoke` runs on every token request: hand-written SQL (see scope.ts).
export function refreshTokenStore(scope: TenantScope): RefreshTokenStore {
  const { db } = scope;
  const byHash = (hash: string) => ({ where: scope.where({ hash }) });
  const find = (hash: string) =>
    scope.select<RefreshRow>('RefreshToken', Prisma.sql`"hash" = ${hash}`);
  return {
    async create(record) {
      await scope.insert('RefreshToken', {
        hash: record.hash,
        grantId: record.grantId,
        clientId: record.clientId,
        scope: record.scope,
        issuedAt: toDate(record.issuedAt),
        expiresAt: optionalDate(record.expiresAt),
        consumedAt: optionalDate(record.consumedAt),
      });
    },
    async find(hash) {
      const [row] = await find(hash);
      return row ? fromRow(row) : undefined;
    },
    consume(hash, now) {
      return consumeOnce(
        () =>
          scope.update<RefreshRow>(
            'RefreshToken',
            Prisma.sql`"consumedAt" = ${toDate(now)}`,
            Prisma.sql`"hash" = ${hash} AND "consumedAt" IS NULL`,
          ),
        () => find(hash),
        fromRow,
      );
    },
    async revoke(hash) {
      return (await db.refreshToken.deleteMany(byHash(hash))).count === 1;
    },
  };
}
