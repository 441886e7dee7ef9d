/** Clients, their secrets encrypted when kept in clear (client_secret_jwt), and users (read-only). */
import type { ClientMetadata, ClientRecord, ClientStore, UserStore } from '@tessera/core';
import type { Client as ClientRow } from '../../generated/sqlite/client/client.js';
import {
  isUniqueViolation,
  optional,
  optionalDate,
  optionalSeconds,
  toDate,
  toSeconds,
} from './convert.js';
import type { TenantScope } from './scope.js';

const secretContext = (scope: TenantScope, clientId: string) =>
  `client-secret:${scope.tenantId}:${clientId}`;

function toRow(scope: TenantScope, record: ClientRecord) {
  return scope.data({
    clientId: record.clientId,
    metadata: record.metadata as object,
    clientSecretHash: record.clientSecretHash ?? null,
    clientSecretEncrypted:
      record.clientSecret === undefined
        ? null
        : scope.secrets.encrypt(record.clientSecret, secretContext(scope, record.clientId)),
    registrationAccessTokenHash: record.registrationAccessTokenHash ?? null,
    issuedAt: toDate(record.issuedAt),
    // 0 means "never expires" (RFC 7591 3.2.1), stored as NULL.
    secretExpiresAt: optionalDate(record.secretExpiresAt || undefined),
  });
}

function fromRow(scope: TenantScope, row: ClientRow): ClientRecord {
  return {
    clientId: row.clientId,
    metadata: row.metadata as unknown as ClientMetadata,
    clientSecretHash: optional(row.clientSecretHash),
    clientSecret:
      row.clientSecretEncrypted === null
        ? undefined
        : scope.secrets.decrypt(row.clientSecretEncrypted, secretContext(scope, row.clientId)),
    registrationAccessTokenHash: optional(row.registrationAccessTokenHash),
    issuedAt: toSeconds(row.issuedAt),
    secretExpiresAt: optionalSeconds(row.secretExpiresAt) ?? 0,
  };
}

export function clientStore(scope: TenantScope): ClientStore {
  const { db } = scope;
  return {
    async get(clientId) {
      const row = await db.client.findFirst({ where: scope.where({ clientId }) });
      return row ? fromRow(scope, row) : undefined;
    },
    async create(record) {
      try {
        await db.client.create({ data: toRow(scope, record) });
        return true;
      } catch (error) {
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    },
    async update(record) {
      const { count } = await db.client.updateMany({
        where: scope.where({ clientId: record.clientId }),
        data: toRow(scope, record),
      });
      return count === 1;
    },
    async delete(clientId) {
      // Everything issued to the client goes with it, atomically.
      const byClient = scope.where({ clientId });
      const results = await db.$transaction([
        db.client.deleteMany({ where: byClient }),
        db.authorizationCode.deleteMany({ where: byClient }),
        db.accessToken.deleteMany({ where: byClient }),
        db.refreshToken.deleteMany({ where: byClient }),
        db.grant.deleteMany({ where: byClient }),
        db.consent.deleteMany({ where: byClient }),
      ]);
      return results[0].count === 1;
    },
  };
}

export function userStore(scope: TenantScope): UserStore {
  return {
    async get(userId) {
      const row = await scope.db.user.findFirst({ where: scope.where({ id: userId }) });
      if (!row) return undefined;
      return {
        id: row.id,
        claims: row.claims as Record<string, unknown>,
        disabled: row.disabled,
      };
    },
  };
}
