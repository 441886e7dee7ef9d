/** Signing keys, the private JWK encrypted under the master key; and the JWT replay cache. */
import type { KeyRecord, KeyStore, ReplayStore, SigningAlgorithm } from '@tessera/core';

type JWK = KeyRecord['privateJwk'];

import type { SigningKey as KeyRow } from '../../generated/sqlite/client/client.js';
import { isUniqueViolation, optionalDate, optionalSeconds, toDate, toSeconds } from './convert.js';
import type { TenantScope } from './scope.js';

const keyContext = (scope: TenantScope, kid: string) => `signing-key:${scope.tenantId}:${kid}`;

function keyRow(scope: TenantScope, record: KeyRecord) {
  return {
    alg: record.alg,
    state: record.state,
    privateJwkEncrypted: scope.secrets.encrypt(
      JSON.stringify(record.privateJwk),
      keyContext(scope, record.kid),
    ),
    publicJwk: record.publicJwk as object,
    createdAt: toDate(record.createdAt),
    activatedAt: optionalDate(record.activatedAt),
    retiredAt: optionalDate(record.retiredAt),
  };
}

function keyFromRow(scope: TenantScope, row: KeyRow): KeyRecord {
  return {
    kid: row.kid,
    alg: row.alg as SigningAlgorithm,
    state: row.state as KeyRecord['state'],
    privateJwk: JSON.parse(
      scope.secrets.decrypt(row.privateJwkEncrypted, keyContext(scope, row.kid)),
    ) as JWK,
    publicJwk: row.publicJwk as JWK,
    createdAt: toSeconds(row.createdAt),
    activatedAt: optionalSeconds(row.activatedAt),
    retiredAt: optionalSeconds(row.retiredAt),
  };
}

export function keyStore(scope: TenantScope): KeyStore {
  const { db } = scope;
  return {
    async list() {
      const rows = await db.signingKey.findMany({
        where: scope.where({}),
        orderBy: { createdAt: 'asc' },
      });
      return rows.map((row) => keyFromRow(scope, row));
    },
    async create(record) {
      await db.signingKey.create({
        data: scope.data({ kid: record.kid, ...keyRow(scope, record) }),
      });
    },
    async update(record) {
      const { count } = await db.signingKey.updateMany({
        where: scope.where({ kid: record.kid }),
        data: keyRow(scope, record),
      });
      return count === 1;
    },
    async delete(kid) {
      return (await db.signingKey.deleteMany({ where: scope.where({ kid }) })).count === 1;
    },
  };
}

export function replayStore(scope: TenantScope): ReplayStore {
  return {
    async add(key, expiresAt) {
      // The primary key decides atomically; a seen key stays refused until the sweeper
      // (which uses the engine's clock) removes it after expiry.
      try {
        await scope.db.replayEntry.create({
          data: scope.data({ key, expiresAt: toDate(expiresAt) }),
        });
        return true;
      } catch (error) {
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    },
  };
}
