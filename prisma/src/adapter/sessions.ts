/**
 * End-user sessions and the clients that received tokens in them (SessionClient rows, the
 * back-channel logout targets).
 */
import type { SessionRecord, SessionStore } from '@tessera/core';
import type { Session as SessionRow } from '../../generated/sqlite/client/client.js';
import { fromJson, json, optional, toDate, toSeconds } from './convert.js';
import type { TenantScope } from './scope.js';

function fromRow(row: SessionRow, clientIds: string[]): SessionRecord {
  return {
    id: row.id,
    tokenHash: row.tokenHash,
    userId: row.userId,
    authTime: toSeconds(row.authTime),
    acr: optional(row.acr),
    amr: fromJson<string[]>(row.amr),
    clientIds,
    createdAt: toSeconds(row.createdAt),
    expiresAt: toSeconds(row.expiresAt),
  };
}

export function sessionStore(scope: TenantScope): SessionStore {
  const { db } = scope;
  const clientsOf = async (sessionId: string) => {
    const rows = await db.sessionClient.findMany({
      where: scope.where({ sessionId }),
      select: { clientId: true },
      orderBy: { position: 'asc' },
    });
    return rows.map((row) => row.clientId);
  };
  const withClients = async (row: SessionRow | null) =>
    row ? fromRow(row, await clientsOf(row.id)) : undefined;
  return {
    async create(record) {
      await scope.batch([
        db.session.create({
          data: scope.data({
            id: record.id,
            tokenHash: record.tokenHash,
            userId: record.userId,
            authTime: toDate(record.authTime),
            acr: record.acr ?? null,
            amr: json(record.amr),
            createdAt: toDate(record.createdAt),
            expiresAt: toDate(record.expiresAt),
          }),
        }),
        db.sessionClient.createMany({
          data: record.clientIds.map((clientId, position) =>
            scope.data({ sessionId: record.id, clientId, position }),
          ),
        }),
      ]);
    },
    async get(id) {
      return withClients(
        await db.session.findUnique({ where: { tenantId_id: scope.where({ id }) } }),
      );
    },
    async findByTokenHash(tokenHash) {
      return withClients(
        await db.session.findUnique({ where: { tenantId_tokenHash: scope.where({ tokenHash }) } }),
      );
    },
    async addClient(id, clientId) {
      // Only for a live session; a repeated client keeps its first place (idempotent). The
      // position is the count so far: concurrent additions may tie, which only orders them by id.
      const [session, position] = await scope.batch([
        db.session.findUnique({
          where: { tenantId_id: scope.where({ id }) },
          select: { id: true },
        }),
        db.sessionClient.count({ where: scope.where({ sessionId: id }) }),
      ]);
      if (!session) return;
      await db.sessionClient.upsert({
        where: { tenantId_sessionId_clientId: scope.where({ sessionId: id, clientId }) },
        create: scope.data({ sessionId: id, clientId, position }),
        update: {},
      });
    },
    async delete(id) {
      const session = await withClients(
        await db.session.findUnique({ where: { tenantId_id: scope.where({ id }) } }),
      );
      if (!session) return undefined;
      const [deleted] = await scope.batch([
        db.session.deleteMany({ where: scope.where({ id }) }),
        db.sessionClient.deleteMany({ where: scope.where({ sessionId: id }) }),
      ]);
      // A concurrent delete that won the row reports the session; this caller does not.
      return deleted.count === 1 ? session : undefined;
    },
  };
}
