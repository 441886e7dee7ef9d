import { generateKeyRecord, type SigningAlgorithm } from '@tessera/core';
import type { ServiceDeps } from '../../graphql/context';
import { requireTenant } from '../claims/require-tenant';
import { assertTenantAccess, type Principal } from '../principal';
import { recordChange } from '../record-change';
import { keyClock, keyRandom, tenantKeyStore } from './key-store';
import { parseAlgorithm } from './parse-algorithm';
import { type SigningKeyView, signingKeyViewOf } from './signing-key-view';

export interface GenerateSigningKeyOptions {
  deps: ServiceDeps;
  principal: Principal;
  tenantId: string;
  alg: SigningAlgorithm;
}

/**
 * A new key for `alg`. It signs at once when the tenant has no active key for `alg`; otherwise it
 * is staged as `next` (published, so relying parties cache it before it signs) and replaces a
 * previously staged `next` key, which never signed anything. The next rotation activates it.
 *
 * @example const key = await generateSigningKey({ deps, principal, tenantId, alg: 'ES256' });
 */
export async function generateSigningKey(
  options: GenerateSigningKeyOptions,
): Promise<SigningKeyView> {
  const { deps, principal, tenantId } = options;
  assertTenantAccess(principal, tenantId);
  const alg = parseAlgorithm(options.alg);
  await requireTenant(deps.db, tenantId);
  // Generated before the transaction: an RSA key takes a while, and SQLite has one writer.
  const candidate = await generateKeyRecord(alg, { clock: keyClock(deps), random: keyRandom });
  // Completed by the work below; recordChange writes the audit event after the work.
  const details: Record<string, unknown> = { alg };
  const record = await recordChange(
    {
      db: deps.db,
      principal,
      tenantId,
      action: 'signing_key.generate',
      objectType: 'signing_key',
      objectId: candidate.kid,
      details,
      now: deps.now,
    },
    async (tx) => {
      const store = tenantKeyStore(tx, tenantId, deps.secretBox);
      const sameAlg = (await store.list()).filter((key) => key.alg === alg);
      const hasActive = sameAlg.some((key) => key.state === 'active');
      const record = hasActive
        ? { ...candidate, state: 'next' as const, activatedAt: undefined }
        : candidate;
      const replaced = hasActive ? sameAlg.filter((key) => key.state === 'next') : [];
      for (const staged of replaced) await store.delete(staged.kid);
      await store.create(record);
      Object.assign(details, {
        state: record.state,
        ...(replaced.length > 0 && { replacedNext: replaced.map((key) => key.kid) }),
      });
      return record;
    },
  );
  return signingKeyViewOf(record);
}
