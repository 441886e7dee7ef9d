/**
 * Clients. A secret kept in clear for client_secret_jwt is stored encrypted, bound to this tenant
 * and client; deleting a client takes everything issued to it along in one transaction.
 */
import type { ClientMetadata, ClientRecord, ClientStore } from '@tessera/core';
import { type Client as ClientRow, Prisma } from '../../generated/sqlite/client/client.js';
import {
  isUniqueViolation,
  optional,
  optionalDate,
  optionalSeconds,
  toDate,
  toSeconds,
} from './convert.js';
import type { TenantScope } from './scope.js';

/** The AES-GCM context of a client's secret: a ciphertext moved to another row fails to open. */
export const clientSecretContext = (tenantId: string, clientId: string) =>
  `client-secret:${tenantId}:${clientId}`;

function toRow(scope: TenantScope, record: ClientRecord) {
  const { clientSecret } = record;
  return scope.data({
    clientId: record.clientId,
    metadata: record.metadata as object,
    clientSecretHash: record.clientSecretHash ?? null,
    clientSecretEncrypted:
      clientSecret === undefined
        ? null
        : scope.secretBox.encrypt(
            clientSecret,
            clientSecretContext(scope.tenantId, record.clientId),
          ),
    registrationAccessTokenHash: record.registrationAccessTokenHash ?? null,
    issuedAt: toDate(record.issuedAt),
    // 0 means "never expires" (RFC 7591 3.2.1): stored as NULL.
    secretExpiresAt: optionalDate(record.secretExpiresAt || undefined),
  });
}

function fromRow(scope: TenantScope, row: ClientRow): ClientRecord {
  const encrypted = row.clientSecretEncrypted;
  return {
    clientId: row.clientId,
    metadata: row.metadata as unknown as ClientMetadata,
    clientSecretHash: optional(row.clientSecretHash),
    clientSecret:
      encrypted === null
        ? undefined
        : scope.secretBox.decrypt(encrypted, clientSecretContext(scope.tenantId, row.clientId)),
    registrationAccessTokenHash: optional(row.registrationAccessTokenHash),
    issuedAt: toSeconds(row.issuedAt),
    secretExpiresAt: optionalSeconds(row.secretExpiresAt) ?? 0,
  };
}

export function clientStore(scope: TenantScope): ClientStore {
  const { db } = scope;
  return {
    async get(clientId) {
      // On every token request: hand-written SQL (see scope.ts).
      const [row] = await scope.select<ClientRow>('Client', Prisma.sql`"clientId" = ${clientId}`);
      return row ? fromRow(scope, row) : undefined;
    },
    async create(record) {
      try {
        await db.client.create({ data: toRow(scope, record), select: { clientId: true } });
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
      // Codes and tokens carry their client id, so no grant lookup is needed first.
      const byClient = scope.where({ clientId });
      const [deleted] = await scope.batch([
        db.client.deleteMany({ where: byClient }),
        db.authorizationCode.deleteMany({ where: byClient }),
        db.accessToken.deleteMany({ where: byClient }),
        db.refreshToken.deleteMany({ where: byClient }),
        db.grant.deleteMany({ where: byClient }),
        db.consent.deleteMany({ where: byClient }),
      ]);
      return deleted.count === 1;
    },
  };
}
