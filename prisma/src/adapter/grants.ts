/**
 * Grants: the parent of codes and tokens. Revoking a grant deletes it and every code, access
 * token and refresh token issued from it in one transaction (RFC 6749 10.5, 10.4).
 */
import type { ClaimsRequest, GrantRecord, GrantStore } from '@tessera/core';
import { type Grant as GrantRow, Prisma } from '../../generated/sqlite/client/client.js';
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

function fromRow(row: GrantRow): GrantRecord {
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

/** Deletes the given grants' codes and tokens, then the grants; one batch transaction. */
function deleteGrants(scope: TenantScope, ids: string[]) {
  const { db } = scope;
  const byGrant = scope.where({ grantId: { in: ids } });
  return scope.batch([
    db.authorizationCode.deleteMany({ where: byGrant }),
    db.accessToken.deleteMany({ where: byGrant }),
    db.refreshToken.deleteMany({ where: byGrant }),
    db.grant.deleteMany({ where: scope.where({ id: { in: ids } }) }),
  ]);
}

/**
 * Revokes the grants matching `filter` (by subject or session) and returns them. Two steps (find,
 * then delete by id) so the records can be returned; a grant revoked concurrently in between is
 * simply deleted by both callers.
 */
async function revokeMatching(scope: TenantScope, filter: { sub: string } | { sid: string }) {
  const rows = await scope.db.grant.findMany({ where: scope.where(filter) });
  if (rows.length > 0)
    await deleteGrants(
      scope,
      rows.map((row) => row.id),
    );
  return rows.map(fromRow);
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
        select: { id: true },
      });
    },
    async get(id) {
      // On every token request: hand-written SQL (see scope.ts).
      const [row] = await scope.select<GrantRow>('Grant', Prisma.sql`"id" = ${id}`);
      return row ? fromRow(row) : undefined;
    },
    async revoke(id) {
      const [, , , deleted] = await deleteGrants(scope, [id]);
      return deleted.count === 1;
    },
    async revokeBySubject(sub) {
      return (await revokeMatching(scope, { sub })).length;
    },
    async revokeBySession(sid) {
      return revokeMatching(scope, { sid });
    },
  };
}
