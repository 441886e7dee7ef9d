/** Access and refresh tokens, by hash only. */
import type {
  AccessTokenRecord,
  AccessTokenStore,
  RefreshTokenRecord,
  RefreshTokenStore,
} from '@tessera/core';
import type {
  AccessToken as AccessRow,
  RefreshToken as RefreshRow,
} from '../../generated/sqlite/client/client.js';
import {
  fromJson,
  json,
  optional,
  optionalDate,
  optionalSeconds,
  toDate,
  toSeconds,
} from './convert.js';
import { consumeOnce } from './grants.js';
import type { TenantScope } from './scope.js';

function accessFromRow(row: AccessRow): AccessTokenRecord {
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

function refreshFromRow(row: RefreshRow): RefreshTokenRecord {
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

export function accessTokenStore(scope: TenantScope): AccessTokenStore {
  const { db } = scope;
  return {
    async create(record) {
      await db.accessToken.create({
        data: scope.data({
          hash: record.hash,
          grantId: record.grantId ?? null,
          clientId: record.clientId,
          userId: record.userId ?? null,
          sub: record.sub ?? null,
          scope: record.scope,
          claims: json(record.claims),
          issuedAt: toDate(record.issuedAt),
          expiresAt: toDate(record.expiresAt),
        }),
      });
    },
    async find(hash) {
      const row = await db.accessToken.findFirst({ where: scope.where({ hash }) });
      return row ? accessFromRow(row) : undefined;
    },
    async revoke(hash) {
      return (await db.accessToken.deleteMany({ where: scope.where({ hash }) })).count === 1;
    },
  };
}

export function refreshTokenStore(scope: TenantScope): RefreshTokenStore {
  const { db } = scope;
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
      });
    },
    async find(hash) {
      const row = await db.refreshToken.findFirst({ where: scope.where({ hash }) });
      return row ? refreshFromRow(row) : undefined;
    },
    async consume(hash, now) {
      const result = await consumeOnce(
        () =>
          db.refreshToken.updateMany({
            where: scope.where({ hash, consumedAt: null }),
            data: { consumedAt: toDate(now) },
          }),
        () => db.refreshToken.findFirst({ where: scope.where({ hash }) }),
      );
      return result.outcome === 'not_found'
        ? result
        : { outcome: result.outcome, record: refreshFromRow(result.row) };
    },
    async revoke(hash) {
      return (await db.refreshToken.deleteMany({ where: scope.where({ hash }) })).count === 1;
    },
  };
}
