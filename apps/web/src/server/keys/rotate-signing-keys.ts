import { rotateSigningKey, type SigningAlgorithm } from '@tessera/core';
import type { ServiceDeps } from '../../graphql/context';
import { requireTenant } from '../claims/require-tenant';
import { assertTenantAccess, type Principal } from '../principal';
import { recordChange, type Tx } from '../record-change';
import { keyClock, keyRandom, tenantKeyStore } from './key-store';
import { parseAlgorithm } from './parse-algorithm';
import { SIGNING_KEY_VIEW_SELECT, type SigningKeyView, signingKeyView } from './signing-key-view';

export interface RotateSigningKeysOptions {
  deps: ServiceDeps;
  principal: Principal;
  tenantId: string;
  /** One algorithm; every algorithm with an active key when absent. */
  alg?: SigningAlgorithm | null;
}

/**
 * Rotates now: per algorithm the `next` key (or a fresh one) becomes active, the active key is
 * retired (still published, so tokens it signed verify until it is pruned after the overlap),
 * and a new `next` key is staged. Returns all of the tenant's keys afterwards.
 *
 * @example const keys = await rotateSigningKeys({ deps, principal, tenantId });
 */
export async function rotateSigningKeys(
  options: RotateSigningKeysOptions,
): Promise<SigningKeyView[]> {
  const { deps, principal, tenantId } = options;
  assertTenantAccess(principal, tenantId);
  const only = options.alg ? parseAlgorithm(options.alg) : undefined;
  await requireTenant(deps.db, tenantId);
  // Completed by the work below; recordChange writes the audit event after the work.
  const rotated: { alg: SigningAlgorithm; kid: string }[] = [];
  return recordChange(
    {
      db: deps.db,
      principal,
      tenantId,
      action: 'signing_key.rotate',
      objectType: 'signing_key',
      details: { rotated },
      now: deps.now,
    },
    async (tx) => {
      const store = tenantKeyStore(tx, tenantId, deps.secretBox);
      const algs = only ? [only] : await algorithmsInUse(tx, tenantId);
      for (const alg of algs) {
        const active = await rotateSigningKey(store, alg, {
          clock: keyClock(deps),
          random: keyRandom,
        });
        rotated.push({ alg, kid: active.kid });
      }
      const rows = await tx.signingKey.findMany({
        where: { tenantId },
        orderBy: [{ createdAt: 'desc' }, { kid: 'asc' }],
        select: SIGNING_KEY_VIEW_SELECT,
      });
      return rows.map(signingKeyView);
    },
  );
}

/** Algorithms with an active key; RS256 for a tenant apps/op has not made keys for yet. */
async function algorithmsInUse(tx: Tx, tenantId: string): Promise<SigningAlgorithm[]> {
  const rows = await tx.signingKey.findMany({
    where: { tenantId, state: 'active' },
    select: { alg: true },
    distinct: ['alg'],
  });
  const algs = rows.map((row) => row.alg as SigningAlgorithm).sort();
  return algs.length > 0 ? algs : ['RS256'];
}
