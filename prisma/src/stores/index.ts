/**
 * Tenant-scoped stores over Prisma, implementing every port of @tessera/core. Build them once per
 * tenant with `createTenantStores(db, tenantId, { secretBox })`; the tenant id is fixed there.
 */
import type { TenantStores } from '@tessera/core';
import type { Db } from '../database/index.js';
import type { SecretBox } from '../secrets/secret-box.js';
import { consentStore, interactionStore, sessionStore, subjectStore } from './browser.js';
import { clientStore, userStore } from './clients.js';
import { codeStore, grantStore } from './grants.js';
import { keyStore, replayStore } from './keys.js';
import { tenantScope } from './scope.js';
import { accessTokenStore, refreshTokenStore } from './tokens.js';

export interface TenantStoresOptions {
  /** Encrypts private keys and clear client secrets at rest. */
  secretBox: SecretBox;
}

export function createTenantStores(
  db: Db,
  tenantId: string,
  options: TenantStoresOptions,
): TenantStores {
  const scope = tenantScope(db, tenantId, options.secretBox);
  return {
    clients: clientStore(scope),
    users: userStore(scope),
    grants: grantStore(scope),
    codes: codeStore(scope),
    accessTokens: accessTokenStore(scope),
    refreshTokens: refreshTokenStore(scope),
    subjects: subjectStore(scope),
    sessions: sessionStore(scope),
    interactions: interactionStore(scope),
    consents: consentStore(scope),
    keys: keyStore(scope),
    replay: replayStore(scope),
  };
}

export { type SweepCounts, startSweeper, sweepExpired } from './sweep.js';
