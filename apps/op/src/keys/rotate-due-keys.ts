/**
 * One pass of scheduled key rotation over every tenant. Safe with many apps/op instances: a
 * tenant's work is claimed by a compare-and-set of its `configVersion` (the version read before
 * its keys were), in the same transaction as the work, so one instance rotates and the others'
 * claims match no row. The bump is also what makes every instance rebuild the tenant's provider,
 * so its JWKS and the key signing its next ID token follow within the directory's refresh bound.
 */
import { randomUUID } from 'node:crypto';
import {
  type Clock,
  pruneRetiredKeys,
  type RandomSource,
  rotateSigningKey,
  type SigningAlgorithm,
} from '@tessera/core';
import { createTenantStores, type Db, keyRotationOf, type SecretBox } from '@tessera/db';
import { type KeyFacts, planKeyRotation, type RotationPlan } from './rotation-plan';

/** Tenants read per query: bounds memory and query size however many tenants there are. */
export const ROTATION_BATCH_SIZE = 200;
/** The audit log's actor for changes apps/op makes on its own. */
export const ROTATION_ACTOR = { actorType: 'system', actorId: 'key-rotation' } as const;

export interface RotateDueKeysOptions {
  db: Db;
  secretBox: SecretBox;
  /** Epoch seconds. */
  clock: Clock;
  random: RandomSource;
}

export interface TenantRotation {
  tenantId: string;
  rotated: { alg: SigningAlgorithm; kid: string }[];
  pruned: number;
}

/** @example const done = await rotateDueKeys({ db, secretBox, clock, random }); */
export async function rotateDueKeys(options: RotateDueKeysOptions): Promise<TenantRotation[]> {
  const { db } = options;
  const done: TenantRotation[] = [];
  let after: string | undefined;
  for (;;) {
    const tenants = await db.tenant.findMany({
      where: after === undefined ? {} : { id: { gt: after } },
      orderBy: { id: 'asc' },
      take: ROTATION_BATCH_SIZE,
      select: { id: true, configVersion: true, settings: true },
    });
    if (tenants.length === 0) return done;
    after = tenants.at(-1)?.id;
    // Read after the tenants: a key change made meanwhile bumped the version, and the claim fails.
    const keys = await db.signingKey.findMany({
      where: { tenantId: { in: tenants.map((t) => t.id) }, state: { in: ['active', 'retired'] } },
      select: {
        tenantId: true,
        kid: true,
        alg: true,
        state: true,
        createdAt: true,
        activatedAt: true,
        retiredAt: true,
      },
    });
    const now = options.clock();
    for (const tenant of tenants) {
      const plan = planKeyRotation({
        schedule: keyRotationOf(tenant.settings),
        keys: keys.filter((key) => key.tenantId === tenant.id).map(keyFacts),
        now,
      });
      if (plan.rotate.length === 0 && plan.prune.length === 0) continue;
      const result = await applyPlan(options, tenant, plan, now);
      if (result) done.push(result);
    }
  }
}

/** The claimed tenant's rotation and pruning, audited, in one transaction; undefined if lost. */
function applyPlan(
  options: RotateDueKeysOptions,
  tenant: { id: string; configVersion: number },
  plan: RotationPlan,
  now: number,
): Promise<TenantRotation | undefined> {
  return options.db.$transaction(async (tx) => {
    const claim = await tx.tenant.updateMany({
      where: { id: tenant.id, configVersion: tenant.configVersion },
      data: { configVersion: { increment: 1 } },
    });
    if (claim.count !== 1) return undefined;
    // The key store uses only `signingKey` model calls, which a transaction client has too.
    const keys = createTenantStores(tx as Db, tenant.id, { secretBox: options.secretBox }).keys;
    const rotated: TenantRotation['rotated'] = [];
    for (const alg of plan.rotate) {
      const active = await rotateSigningKey(keys, alg, {
        clock: () => now,
        random: options.random,
      });
      rotated.push({ alg, kid: active.kid });
    }
    const pruned = await pruneRetiredKeys(keys, plan.pruneBefore);
    const audit = (action: string, details: object) =>
      tx.auditEvent.create({
        data: {
          id: randomUUID(),
          tenantId: tenant.id,
          ...ROTATION_ACTOR,
          action,
          objectType: 'signing_key',
          details: { ...details, scheduled: true },
          at: new Date(now * 1000),
        },
        select: { id: true },
      });
    if (rotated.length > 0) await audit('signing_key.rotate', { rotated });
    if (pruned > 0) await audit('signing_key.prune', { pruned: plan.prune });
    return { tenantId: tenant.id, rotated, pruned };
  });
}

function keyFacts(row: {
  kid: string;
  alg: string;
  state: string;
  createdAt: Date;
  activatedAt: Date | null;
  retiredAt: Date | null;
}): KeyFacts {
  const seconds = (date: Date | null) =>
    date === null ? undefined : Math.floor(date.getTime() / 1000);
  return {
    kid: row.kid,
    alg: row.alg,
    state: row.state,
    createdAt: seconds(row.createdAt) ?? 0,
    activatedAt: seconds(row.activatedAt),
    retiredAt: seconds(row.retiredAt),
  };
}
