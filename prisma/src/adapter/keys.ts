/** Signing keys; the private JWK is encrypted at rest, bound to this tenant and key id. */
import type { KeyRecord, KeyStore, SigningAlgorithm } from '@tessera/core';
import type { SigningKey as KeyRow } from '../../generated/sqlite/client/client.js';
import { optionalDate, optionalSeconds, toDate, toSeconds } from './convert.js';
import type { TenantScope } from './scope.js';

type Jwk = KeyRecord['privateJwk'];

/** The AES-GCM context of a private key: a ciphertext moved to another row fails to open. */
export const signingKeyContext = (tenantId: string, kid: string) =>
  `signing-key:${tenantId}:${kid}`;

function toRow(scope: TenantScope, record: KeyRecord) {
  const context = signingKeyContext(scope.tenantId, record.kid);
  return {
    alg: record.alg,
    state: record.state,
    privateJwkEncrypted: scope.secretBox.encrypt(JSON.stringify(record.privateJwk), context),
    publicJwk: record.publicJwk as object,
    createdAt: toDate(record.createdAt),
    activatedAt: optionalDate(record.activatedAt),
    retiredAt: optionalDate(record.retiredAt),
  };
}

function fromRow(scope: TenantScope, row: KeyRow): KeyRecord {
  const context = signingKeyContext(scope.tenantId, row.kid);
  return {
    kid: row.kid,
    alg: row.alg as SigningAlgorithm,
    state: row.state as KeyRecord['state'],
    privateJwk: JSON.parse(scope.secretBox.decrypt(row.privateJwkEncrypted, context)) as Jwk,
    publicJwk: row.publicJwk as Jwk,
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
        orderBy: [{ createdAt: 'asc' }, { kid: 'asc' }],
      });
      return rows.map((row) => fromRow(scope, row));
    },
    async create(record) {
      await db.signingKey.create({
        data: scope.data({ kid: record.kid, ...toRow(scope, record) }),
      });
    },
    async update(record) {
      const { count } = await db.signingKey.updateMany({
        where: scope.where({ kid: record.kid }),
        data: toRow(scope, record),
      });
      return count === 1;
    },
    async delete(kid) {
      return (await db.signingKey.deleteMany({ where: scope.where({ kid }) })).count === 1;
    },
  };
}
