/** Paused requests waiting for the login, consent or logout page; completed at most once. */
import type { InteractionRecord, InteractionStore } from '@tessera/core';
import type { Interaction as InteractionRow } from '../../generated/sqlite/client/client.js';
import { fromJson, json, optional, toDate, toSeconds } from './convert.js';
import type { TenantScope } from './scope.js';

function fromRow(row: InteractionRow): InteractionRecord {
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

function toRow(record: InteractionRecord) {
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
  const byId = (id: string) => ({ where: scope.where({ id }) });
  return {
    async create(record) {
      await db.interaction.create({ data: scope.data({ id: record.id, ...toRow(record) }) });
    },
    async get(id) {
      const row = await db.interaction.findUnique({ where: { tenantId_id: scope.where({ id }) } });
      return row ? fromRow(row) : undefined;
    },
    async update(record) {
      // updateMany never inserts: a late update cannot revive a consumed interaction.
      await db.interaction.updateMany({ ...byId(record.id), data: toRow(record) });
    },
    async consume(id) {
      // Read, then delete: only the caller whose DELETE removed the row gets it, so of
      // concurrent consumers at most one completes the interaction.
      const row = await db.interaction.findUnique({ where: { tenantId_id: scope.where({ id }) } });
      if (!row) return undefined;
      const { count } = await db.interaction.deleteMany(byId(id));
      return count === 1 ? fromRow(row) : undefined;
    },
  };
}
