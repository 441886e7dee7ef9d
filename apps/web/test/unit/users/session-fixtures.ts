/**
 * What the OP leaves behind for a signed-in user, written through the core's own stores as
 * apps/op writes it: a session with its clients, a grant issued in it with an access and a
 * refresh token, a subject mapping and (optionally) remembered consent.
 */
import { hashToken } from '@tessera/core';
import { createTenantStores, type Db, type SecretBox } from '@tessera/db';

export interface SessionFixtureScope {
  db: Db;
  secretBox: SecretBox;
  tenantId: string;
}

export interface IssuedSession {
  sid: string;
  /** The hash of the access token issued in the session. */
  tokenHash: string;
}

/** @example await issueSession(scope, { userId, sid: 's1', clientIds: ['shop'] }); */
export async function issueSession(
  scope: SessionFixtureScope,
  options: {
    userId: string;
    sid: string;
    clientIds?: string[];
    createdAt?: number;
    expiresAt?: number;
    withConsent?: boolean;
  },
): Promise<IssuedSession> {
  const stores = createTenantStores(scope.db, scope.tenantId, { secretBox: scope.secretBox });
  const now = Math.floor(Date.now() / 1000);
  const { userId, sid } = options;
  const clientIds = options.clientIds ?? ['shop'];
  const createdAt = options.createdAt ?? now;
  await stores.sessions.create({
    id: sid,
    tokenHash: hashToken(`cookie-${sid}`),
    userId,
    authTime: createdAt,
    amr: ['pwd'],
    clientIds,
    createdAt,
    expiresAt: options.expiresAt ?? now + 3600,
  });
  const grantId = `grant-${sid}`;
  const sub = `sub-${userId}`;
  await stores.grants.create({
    id: grantId,
    clientId: clientIds[0] ?? 'shop',
    userId,
    sub,
    scope: 'openid',
    sid,
    issuedAt: now,
  });
  const tokenHash = hashToken(`access-${sid}`);
  await stores.accessTokens.create({
    hash: tokenHash,
    grantId,
    clientId: clientIds[0] ?? 'shop',
    userId,
    sub,
    scope: 'openid',
    issuedAt: now,
    expiresAt: now + 600,
  });
  await stores.refreshTokens.create({
    hash: hashToken(`refresh-${sid}`),
    grantId,
    clientId: clientIds[0] ?? 'shop',
    scope: 'openid',
    issuedAt: now,
  });
  await stores.subjects.remember(userId, sub);
  if (options.withConsent) {
    await stores.consents.save({
      userId,
      clientId: clientIds[0] ?? 'shop',
      scopes: ['openid'],
      claims: [],
      grantedAt: now,
    });
  }
  return { sid, tokenHash };
}
