/** Grants and the single-use codes hanging off them; revoking a grant takes its tokens along. */
import type {
  AuthorizationCodeRecord,
  AuthorizationCodeStore,
  ClaimsRequest,
  GrantRecord,
  GrantStore,
} from '@tessera/core';
import type {
  AuthorizationCode as CodeRow,
  Grant as GrantRow,
} from '../../generated/sqlite/client/client.js';
import type { Db } from '../database/index.js';
import {
  fromJson,
  json,
  optional,
  optionalDate,
  optionalSeconds,
  toDate,
  toSeconds,
} from './convert.js';
import type { TenantScope } from './scope.js';

function grantFromRow(row: GrantRow): GrantRecord {
  return {
    id: row.id,
    clientId: row.clientId,
    userId: optional(row.userId),
    sub: optional(row.sub),
    scope: row.scope,
    claims: fromJson<ClaimsRequest>(row.claims),
    authTime: optionalSeconds(row.authTime),
    acr: optional(row.acr),
    amr: fromJson<string[]>(row.amr),
    sid: optional(row.sid),
    nonce: optional(row.nonce),
    extraIdTokenClaims: fromJson<Record<string, unknown>>(row.extraIdTokenClaims),
    issuedAt: toSeconds(row.issuedAt),
    expiresAt: optionalSeconds(row.expiresAt),
  };
}

/** Deletes grants matching `filter` and every code and token issued from them, in one transaction. */
async function revokeGrants(
  scope: TenantScope,
  filter: { id?: string; sub?: string; sid?: string },
): Promise<GrantRecord[]> {
  return scope.db.$transaction(async (tx) => {
    const grants = await tx.grant.findMany({ where: scope.where(filter) });
    if (grants.length === 0) return [];
    const byGrant = scope.where({ grantId: { in: grants.map((g) => g.id) } });
    await tx.authorizationCode.deleteMany({ where: byGrant });
    await tx.accessToken.deleteMany({ where: byGrant });
    await tx.refreshToken.deleteMany({ where: byGrant });
    await tx.grant.deleteMany({ where: scope.where({ id: { in: grants.map((g) => g.id) } }) });
    return grants.map(grantFromRow);
  });
}

export function grantStore(scope: TenantScope): GrantStore {
  const { db } = scope;
  return {
    async create(record) {
      await db.grant.create({
        data: scope.data({
          id: record.id,
          clientId: record.clientId,
          userId: record.userId ?? null,
          sub: record.sub ?? null,
          scope: record.scope,
          claims: json(record.claims),
          authTime: optionalDate(record.authTime),
          acr: record.acr ?? null,
          amr: json(record.amr),
          sid: record.sid ?? null,
          nonce: record.nonce ?? null,
          extraIdTokenClaims: json(record.extraIdTokenClaims),
          issuedAt: toDate(record.issuedAt),
          expiresAt: optionalDate(record.expiresAt),
        }),
      });
    },
    async get(id) {
      const row = await db.grant.findFirst({ where: scope.where({ id }) });
      return row ? grantFromRow(row) : undefined;
    },
    async revoke(id) {
      return (await revokeGrants(scope, { id })).length > 0;
    },
    async revokeBySubject(sub) {
      return (await revokeGrants(scope, { sub })).length;
    },
    async revokeBySession(sid) {
      return revokeGrants(scope, { sid });
    },
  };
}

function codeFromRow(row: CodeRow): AuthorizationCodeRecord {
  return {
    hash: row.hash,
    grantId: row.grantId,
    clientId: row.clientId,
    redirectUri: row.redirectUri,
    codeChallenge: optional(row.codeChallenge),
    codeChallengeMethod: optional(
      row.codeChallengeMethod,
    ) as AuthorizationCodeRecord['codeChallengeMethod'],
    issuedAt: toSeconds(row.issuedAt),
    expiresAt: toSeconds(row.expiresAt),
    consumedAt: optionalSeconds(row.consumedAt),
  };
}

/**
 * Single use as one conditional UPDATE: of many concurrent calls exactly one changes the row
 * (the database serialises writers), the others find it consumed.
 */
export async function consumeOnce<Row extends { consumedAt: Date | null }>(
  update: () => Promise<{ count: number }>,
  read: () => Promise<Row | null>,
): Promise<{ outcome: 'consumed' | 'replayed'; row: Row } | { outcome: 'not_found' }> {
  const { count } = await update();
  const row = await read();
  if (!row) return { outcome: 'not_found' };
  return { outcome: count === 1 ? 'consumed' : 'replayed', row };
}

export function codeStore(scope: TenantScope): AuthorizationCodeStore {
  const db: Db = scope.db;
  return {
    async create(record) {
      await db.authorizationCode.create({
        data: scope.data({
          hash: record.hash,
          grantId: record.grantId,
          clientId: record.clientId,
          redirectUri: record.redirectUri,
          codeChallenge: record.codeChallenge ?? null,
          codeChallengeMethod: record.codeChallengeMethod ?? null,
          issuedAt: toDate(record.issuedAt),
          expiresAt: toDate(record.expiresAt),
          consumedAt: optionalDate(record.consumedAt),
        }),
      });
    },
    async consume(hash, now) {
      const result = await consumeOnce(
        () =>
          db.authorizationCode.updateMany({
            where: scope.where({ hash, consumedAt: null }),
            data: { consumedAt: toDate(now) },
          }),
        () => db.authorizationCode.findFirst({ where: scope.where({ hash }) }),
      );
      return result.outcome === 'not_found'
        ? result
        : { outcome: result.outcome, record: codeFromRow(result.row) };
    },
  };
}
