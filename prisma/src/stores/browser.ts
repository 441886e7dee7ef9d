/** What the browser side needs: subjects, sessions, paused interactions and remembered consent. */
import type {
  ConsentStore,
  InteractionRecord,
  InteractionStore,
  SessionRecord,
  SessionStore,
  SubjectStore,
} from '@tessera/core';
import type {
  Interaction as InteractionRow,
  Session as SessionRow,
} from '../../generated/sqlite/client/client.js';
import { fromJson, json, optional, toDate, toSeconds } from './convert.js';
import type { TenantScope } from './scope.js';

export function subjectStore(scope: TenantScope): SubjectStore {
  const { db } = scope;
  return {
    async remember(userId, sub) {
      await db.subject.upsert({
        where: { tenantId_sub: { tenantId: scope.tenantId, sub } },
        create: scope.data({ sub, userId }),
        update: { userId },
      });
    },
    async findUserId(sub) {
      const row = await db.subject.findFirst({ where: scope.where({ sub }) });
      return row?.userId;
    },
  };
}

export function sessionStore(scope: TenantScope): SessionStore {
  const { db } = scope;
  const withClients = async (row: SessionRow | null): Promise<SessionRecord | undefined> => {
    if (!row) return undefined;
    const clients = await db.sessionClient.findMany({
      where: scope.where({ sessionId: row.id }),
      orderBy: { clientId: 'asc' },
    });
    return {
      id: row.id,
      tokenHash: row.tokenHash,
      userId: row.userId,
      authTime: toSeconds(row.authTime),
      acr: optional(row.acr),
      amr: fromJson<string[]>(row.amr),
      clientIds: clients.map((c) => c.clientId),
      createdAt: toSeconds(row.createdAt),
      expiresAt: toSeconds(row.expiresAt),
    };
  };
  return {
    async create(record) {
      await db.$transaction([
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
        ...record.clientIds.map((clientId) =>
          db.sessionClient.create({ data: scope.data({ sessionId: record.id, clientId }) }),
        ),
      ]);
    },
    async get(id) {
      return withClients(await db.session.findFirst({ where: scope.where({ id }) }));
    },
    async findByTokenHash(tokenHash) {
      return withClients(await db.session.findFirst({ where: scope.where({ tokenHash }) }));
    },
    async addClient(id, clientId) {
      // Only for a live session; a repeated client is a no-op (idempotent).
      const session = await db.session.findFirst({
        where: scope.where({ id }),
        select: { id: true },
      });
      if (!session) return;
      await db.sessionClient.upsert({
        where: {
          tenantId_sessionId_clientId: { tenantId: scope.tenantId, sessionId: id, clientId },
        },
        create: scope.data({ sessionId: id, clientId }),
        update: {},
      });
    },
    async delete(id) {
      const session = await withClients(await db.session.findFirst({ where: scope.where({ id }) }));
      if (!session) return undefined;
      const [deleted] = await db.$transaction([
        db.session.deleteMany({ where: scope.where({ id }) }),
        db.sessionClient.deleteMany({ where: scope.where({ sessionId: id }) }),
      ]);
      return deleted.count === 1 ? session : undefined;
    },
  };
}

function interactionFromRow(row: InteractionRow): InteractionRecord {
  return {
    id: row.id,
    bindingHash: row.bindingHash,
    clientId: optional(row.clientId),
    params: row.params as Record<string, string>,
    prompt: row.prompt as InteractionRecord['prompt'],
    login: fromJson<InteractionRecord['login']>(row.login),
    createdAt: toSeconds(row.createdAt),
    expiresAt: toSeconds(row.expiresAt),
  };
}

function interactionRow(record: InteractionRecord) {
  return {
    bindingHash: record.bindingHash,
    clientId: record.clientId ?? null,
    params: record.params,
    prompt: record.prompt,
    login: json(record.login),
    createdAt: toDate(record.createdAt),
    expiresAt: toDate(record.expiresAt),
  };
}

export function interactionStore(scope: TenantScope): InteractionStore {
  const { db } = scope;
  return {
    async create(record) {
      await db.interaction.create({
        data: scope.data({ id: record.id, ...interactionRow(record) }),
      });
    },
    async get(id) {
      const row = await db.interaction.findFirst({ where: scope.where({ id }) });
      return row ? interactionFromRow(row) : undefined;
    },
    async update(record) {
      // updateMany never creates: a consumed interaction is not revived by a late update.
      await db.interaction.updateMany({
        where: scope.where({ id: record.id }),
        data: interactionRow(record),
      });
    },
    async consume(id) {
      const row = await db.interaction.findFirst({ where: scope.where({ id }) });
      if (!row) return undefined;
      // Of concurrent consumers only the one whose DELETE removed the row gets it.
      const { count } = await db.interaction.deleteMany({ where: scope.where({ id }) });
      return count === 1 ? interactionFromRow(row) : undefined;
    },
  };
}

export function consentStore(scope: TenantScope): ConsentStore {
  const { db } = scope;
  return {
    async get(userId, clientId) {
      const row = await db.consent.findFirst({ where: scope.where({ userId, clientId }) });
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
      const values = {
        scopes: record.scopes,
        claims: record.claims,
        grantedAt: toDate(record.grantedAt),
      };
      await db.consent.upsert({
        where: {
          tenantId_userId_clientId: {
            tenantId: scope.tenantId,
            userId: record.userId,
            clientId: record.clientId,
          },
        },
        create: scope.data({ userId: record.userId, clientId: record.clientId, ...values }),
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
