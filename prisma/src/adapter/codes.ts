/** Authorization codes: by hash only, single use through one conditional UPDATE. */
import type { AuthorizationCodeRecord, AuthorizationCodeStore } from '@tessera/core';
import { type AuthorizationCode as CodeRow, Prisma } from '../../generated/sqlite/client/client.js';
import { consumeOnce } from './consume.js';
import { optional, optionalDate, optionalSeconds, toDate, toSeconds } from './convert.js';
import type { TenantScope } from './scope.js';

function fromRow(row: CodeRow): AuthorizationCodeRecord {
  return {
    hash: row.hash,
    grantId: row.grantId,
    clientId: row.clientId,
    redirectUri: row.redirectUri,
    codeChallenge: optional(row.codeChallenge),
    codeChallengeMethod: optional(row.codeChallengeMethod) as
      | AuthorizationCodeRecord['codeChallengeMethod']
      | undefined,
    issuedAt: toSeconds(row.issuedAt),
    expiresAt: toSeconds(row.expiresAt),
    consumedAt: optionalSeconds(row.consumedAt),
  };
}

export function codeStore(scope: TenantScope): AuthorizationCodeStore {
  const { db } = scope;
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
        select: { hash: true },
      });
    },
    // Expiry is the engine's judgement, not the store's: an expired code is still consumed.
    // Hand-written SQL: the code exchange's hot path (see scope.ts).
    consume(hash, now) {
      return consumeOnce(
        () =>
          scope.update<CodeRow>(
            'AuthorizationCode',
            Prisma.sql`"consumedAt" = ${toDate(now)}`,
            Prisma.sql`"hash" = ${hash} AND "consumedAt" IS NULL`,
          ),
        () => scope.select<CodeRow>('AuthorizationCode', Prisma.sql`"hash" = ${hash}`),
        fromRow,
      );
    },
  };
}
