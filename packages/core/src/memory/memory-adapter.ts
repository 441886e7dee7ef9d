/**
 * In-memory storage for tests, benchmarks and single-process experiments. Each tenant gets its
 * own maps, so isolation is structural; records are copied in and out so callers can never
 * change stored state by mutating what they got (the bug pyOP had with Mongo and Redis).
 */
import type {
  AccessTokenRecord,
  AuthorizationCodeRecord,
  ConsentRecord,
  ConsumeResult,
  GrantRecord,
  InteractionRecord,
  KeyRecord,
  RefreshTokenRecord,
  SessionRecord,
  TenantStores,
} from '../storage/ports.js';
import type { ClientRecord, UserRecord } from '../types.js';

/**
 * Deep copy of plain record data (objects, arrays, primitives), several times faster than
 * `structuredClone`, which matters because every store call copies in or out.
 */
function copy<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(copy) as T;
  const out: Record<string, unknown> = {};
  for (const key in value) out[key] = copy((value as Record<string, unknown>)[key]);
  return out as T;
}

class TenantData {
  clients = new Map<string, ClientRecord>();
  users = new Map<string, UserRecord>();
  grants = new Map<string, GrantRecord>();
  codes = new Map<string, AuthorizationCodeRecord>();
  accessTokens = new Map<string, AccessTokenRecord>();
  refreshTokens = new Map<string, RefreshTokenRecord>();
  subjects = new Map<string, string>();
  sessions = new Map<string, SessionRecord>();
  interactions = new Map<string, InteractionRecord>();
  consents = new Map<string, ConsentRecord>();
  keys = new Map<string, KeyRecord>();
  replay = new Map<string, number>();

  /** Removes every code and token hanging off a grant (RFC 6749 10.5, 10.4). */
  dropGrantDescendants(grantId: string): void {
    for (const map of [this.codes, this.accessTokens, this.refreshTokens] as Map<
      string,
      { grantId?: string }
    >[]) {
      for (const [hash, record] of map) if (record.grantId === grantId) map.delete(hash);
    }
  }

  /**
   * Forgets what expired before `now`: replay keys, codes, access tokens, interactions and
   * sessions. The engine checks every expiry itself, so a swept record only turns an "expired"
   * rejection into an "unknown" one with the same OAuth error. Refresh tokens and grants stay:
   * their expiry is optional and a rotated refresh token must stay detectable as reused.
   */
  sweepExpired(now: number): number {
    let swept = 0;
    for (const [key, expiresAt] of this.replay)
      if (expiresAt < now && this.replay.delete(key)) swept++;
    for (const map of [this.codes, this.accessTokens, this.interactions, this.sessions] as Map<
      string,
      { expiresAt: number }
    >[]) {
      for (const [key, record] of map) if (record.expiresAt < now && map.delete(key)) swept++;
    }
    return swept;
  }

  revokeGrants(match: (grant: GrantRecord) => boolean): GrantRecord[] {
    const revoked: GrantRecord[] = [];
    for (const [id, grant] of this.grants) {
      if (!match(grant)) continue;
      this.grants.delete(id);
      this.dropGrantDescendants(id);
      revoked.push(grant);
    }
    return revoked;
  }
}

function consume<T extends { consumedAt?: number }>(
  map: Map<string, T>,
  key: string,
  now: number,
): ConsumeResult<T> {
  const record = map.get(key);
  if (!record) return { outcome: 'not_found' };
  if (record.consumedAt !== undefined) return { outcome: 'replayed', record: copy(record) };
  record.consumedAt = now;
  return { outcome: 'consumed', record: copy(record) };
}

function storesFor(data: TenantData): TenantStores {
  return {
    clients: {
      async get(clientId) {
        const record = data.clients.get(clientId);
        return record && copy(record);
      },
      async create(record) {
        if (data.clients.has(record.clientId)) return false;
        data.clients.set(record.clientId, copy(record));
        return true;
      },
      async update(record) {
        if (!data.clients.has(record.clientId)) return false;
        data.clients.set(record.clientId, copy(record));
        return true;
      },
      async delete(clientId) {
        if (!data.clients.delete(clientId)) return false;
        data.revokeGrants((grant) => grant.clientId === clientId);
        for (const map of [data.accessTokens, data.refreshTokens, data.codes] as Map<
          string,
          { clientId: string }
        >[]) {
          for (const [key, record] of map) if (record.clientId === clientId) map.delete(key);
        }
        for (const [key, consent] of data.consents)
          if (consent.clientId === clientId) data.consents.delete(key);
        return true;
      },
    },
    users: {
      async get(userId) {
        const record = data.users.get(userId);
        return record && copy(record);
      },
    },
    grants: {
      async create(record) {
        data.grants.set(record.id, copy(record));
      },
      async get(id) {
        const record = data.grants.get(id);
        return record && copy(record);
      },
      async revoke(id) {
        return data.revokeGrants((grant) => grant.id === id).length > 0;
      },
      async revokeBySubject(sub) {
        return data.revokeGrants((grant) => grant.sub === sub).length;
      },
      async revokeBySession(sid) {
        return data.revokeGrants((grant) => grant.sid === sid);
      },
    },
    codes: {
      async create(record) {
        data.codes.set(record.hash, copy(record));
      },
      async consume(hash, now) {
        return consume(data.codes, hash, now);
      },
    },
    accessTokens: {
      async create(record) {
        data.accessTokens.set(record.hash, copy(record));
      },
      async find(hash) {
        const record = data.accessTokens.get(hash);
        return record && copy(record);
      },
      async revoke(hash) {
        return data.accessTokens.delete(hash);
      },
    },
    refreshTokens: {
      async create(record) {
        data.refreshTokens.set(record.hash, copy(record));
      },
      async find(hash) {
        const record = data.refreshTokens.get(hash);
        return record && copy(record);
      },
      async consume(hash, now) {
        return consume(data.refreshTokens, hash, now);
      },
      async revoke(hash) {
        return data.refreshTokens.delete(hash);
      },
    },
    subjects: {
      async remember(userId, sub) {
        data.subjects.set(sub, userId);
      },
      async findUserId(sub) {
        return data.subjects.get(sub);
      },
    },
    sessions: {
      async create(record) {
        data.sessions.set(record.id, copy(record));
      },
      async get(id) {
        const record = data.sessions.get(id);
        return record && copy(record);
      },
      async findByTokenHash(tokenHash) {
        for (const record of data.sessions.values())
          if (record.tokenHash === tokenHash) return copy(record);
        return undefined;
      },
      async addClient(id, clientId) {
        const record = data.sessions.get(id);
        if (record && !record.clientIds.includes(clientId)) record.clientIds.push(clientId);
      },
      async delete(id) {
        const record = data.sessions.get(id);
        data.sessions.delete(id);
        return record && copy(record);
      },
    },
    interactions: {
      async create(record) {
        data.interactions.set(record.id, copy(record));
      },
      async get(id) {
        const record = data.interactions.get(id);
        return record && copy(record);
      },
      async update(record) {
        if (data.interactions.has(record.id)) data.interactions.set(record.id, copy(record));
      },
      async consume(id) {
        const record = data.interactions.get(id);
        data.interactions.delete(id);
        return record && copy(record);
      },
    },
    consents: {
      async get(userId, clientId) {
        const record = data.consents.get(`${userId}\u0000${clientId}`);
        return record && copy(record);
      },
      async save(record) {
        data.consents.set(`${record.userId}\u0000${record.clientId}`, copy(record));
      },
      async revoke(userId, clientId) {
        return data.consents.delete(`${userId}\u0000${clientId}`);
      },
    },
    keys: {
      async list() {
        return [...data.keys.values()].map(copy);
      },
      async create(record) {
        data.keys.set(record.kid, copy(record));
      },
      async update(record) {
        if (!data.keys.has(record.kid)) return false;
        data.keys.set(record.kid, copy(record));
        return true;
      },
      async delete(kid) {
        return data.keys.delete(kid);
      },
    },
    replay: {
      // A key is refused until `sweepExpired` forgets it; never by the wall clock, which tests
      // freeze in the past. Re-adding a swept key is safe: its JWT failed its `exp` check first.
      async add(key, expiresAt) {
        if (data.replay.has(key)) return false;
        data.replay.set(key, expiresAt);
        return true;
      },
    },
  };
}

export interface MemoryAdapter {
  /** The stores of one tenant; the same tenant id always sees the same data. */
  forTenant(tenantId: string): TenantStores;
  /** Adds or replaces a user (the memory adapter has no user management of its own). */
  putUser(tenantId: string, user: UserRecord): void;
  /**
   * Bounds memory: drops every tenant's records that expired before `now` (see
   * `TenantData.sweepExpired`) and returns how many went. Nothing calls it implicitly; a
   * long-running host calls it with its provider clock, e.g. once a minute.
   */
  sweepExpired(now: number): number;
}

/** A new, empty in-memory adapter; tenants come into being on first use. */
export function createMemoryAdapter(): MemoryAdapter {
  const tenants = new Map<string, TenantData>();
  const dataFor = (tenantId: string): TenantData => {
    let data = tenants.get(tenantId);
    if (!data) {
      data = new TenantData();
      tenants.set(tenantId, data);
    }
    return data;
  };
  return {
    forTenant: (tenantId) => storesFor(dataFor(tenantId)),
    putUser: (tenantId, user) => {
      dataFor(tenantId).users.set(user.id, copy(user));
    },
    sweepExpired: (now) => {
      let swept = 0;
      for (const data of tenants.values()) swept += data.sweepExpired(now);
      return swept;
    },
  };
}
