import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyRecord, KeySet, type SigningAlgorithm } from '@tessera/core';
import {
  createSecretBox,
  createTemporaryDatabase,
  createTenantStores,
  type Database,
  type Db,
  newTenantSettings,
  openDatabase,
} from '@tessera/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKeyRotationJob } from '../../src/keys/key-rotation-job';
import { rotateDueKeys } from '../../src/keys/rotate-due-keys';

const DAY = 24 * 3600;
const START = 2_000_000_000;
const ISSUER = 'https://op.test/rot';
const secretBox = createSecretBox(randomBytes(32));
const random = (length: number) => randomBytes(length);
const postgresServerUrl = process.env.TEST_DATABASE_URL || undefined;

/** Two clients on one database, as two apps/op instances have. */
interface SharedDatabase {
  first: Db;
  second: Db;
  close(): Promise<void>;
}

/**
 * better-sqlite3 is synchronous: a second connection in the same process waiting for the write
 * lock would block the thread holding it. Separate apps/op processes do not share that thread,
 * so here both "instances" share one client, which still lets both read before either claims.
 */
async function openSqliteTwice(): Promise<SharedDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'tessera-rotation-'));
  const database = await openDatabase({ url: `file:${join(dir, 'tessera.db')}` });
  return {
    first: database.prisma,
    second: database.prisma,
    async close() {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function openPostgresTwice(serverUrl: string): Promise<SharedDatabase> {
  const temporary = await createTemporaryDatabase(serverUrl, 'tessera_rotation_test');
  const opened: Database[] = [];
  try {
    opened.push(await openDatabase({ url: temporary.url }));
    opened.push(await openDatabase({ url: temporary.url }));
  } catch (error) {
    await Promise.all(opened.map((d) => d.close()));
    await temporary.drop();
    throw error;
  }
  const [a, b] = opened as [Database, Database];
  return {
    first: a.prisma,
    second: b.prisma,
    async close() {
      await Promise.all([a.close(), b.close()]);
      await temporary.drop();
    },
  };
}

const databases = [
  { name: 'SQLite', skip: false, open: openSqliteTwice },
  {
    name: 'PostgreSQL',
    skip: !postgresServerUrl,
    open: () => openPostgresTwice(postgresServerUrl!),
  },
];

for (const database of databases) {
  describe.skipIf(database.skip)(`scheduled key rotation (${database.name})`, () => {
    let shared: SharedDatabase;
    let db: Db;

    beforeAll(async () => {
      shared = await database.open();
      db = shared.first;
    });
    afterAll(() => shared?.close());

    /** A tenant whose RS256 key became active at `activatedAt` (epoch seconds). */
    async function newTenant(
      keyRotation: { intervalDays: number; overlapDays: number } | undefined,
      activatedAt: number,
    ) {
      const id = randomUUID();
      const settings = { ...newTenantSettings(), ...(keyRotation && { keyRotation }) };
      await db.tenant.create({ data: { id, slug: `rot-${id.slice(0, 8)}`, name: id, settings } });
      const keys = createTenantStores(db, id, { secretBox }).keys;
      const key = await generateKeyRecord('RS256', { clock: () => activatedAt, random });
      await keys.create(key);
      return { id, keys, kid: key.kid };
    }
    const tenantRow = (id: string) => db.tenant.findUniqueOrThrow({ where: { id } });
    const states = async (keys: { list(): Promise<{ kid: string; state: string }[]> }) =>
      Object.fromEntries((await keys.list()).map((k) => [k.kid, k.state]));
    const run = (now: number, on: Db = db) =>
      rotateDueKeys({ db: on, secretBox, clock: () => now, random });

    it('leaves a tenant alone whose key has not signed for the interval yet', async () => {
      const tenant = await newTenant({ intervalDays: 30, overlapDays: 2 }, START);
      const done = await run(START + 30 * DAY - 1);
      expect(done.map((d) => d.tenantId)).not.toContain(tenant.id);
      expect((await tenantRow(tenant.id)).configVersion).toBe(1);
    });

    it('rotates a due tenant, audits it as the system and bumps its configVersion', async () => {
      const tenant = await newTenant({ intervalDays: 30, overlapDays: 2 }, START);
      const signedBefore = await (await KeySet.load(tenant.keys)).sign({ iss: ISSUER }, 'RS256');
      const now = START + 30 * DAY;

      const done = await run(now);

      const mine = done.find((d) => d.tenantId === tenant.id);
      expect(mine?.rotated.map((r) => r.alg)).toEqual(['RS256' satisfies SigningAlgorithm]);
      const after = await tenant.keys.list();
      expect(after.find((k) => k.kid === tenant.kid)).toMatchObject({
        state: 'retired',
        retiredAt: now,
      });
      expect(after.filter((k) => k.state === 'active').map((k) => k.kid)).toEqual([
        mine?.rotated[0]?.kid,
      ]);
      expect(after.filter((k) => k.state === 'next')).toHaveLength(1);
      expect((await tenantRow(tenant.id)).configVersion).toBe(2);
      const events = await db.auditEvent.findMany({ where: { tenantId: tenant.id } });
      expect(events).toEqual([
        expect.objectContaining({
          actorType: 'system',
          actorId: 'key-rotation',
          action: 'signing_key.rotate',
          objectType: 'signing_key',
          at: new Date(now * 1000),
        }),
      ]);
      // Tokens the retired key signed still verify; the next token is signed by the new key.
      const keySet = await KeySet.load(tenant.keys);
      expect((await keySet.verify(signedBefore, { issuer: ISSUER, now })).protectedHeader.kid).toBe(
        tenant.kid,
      );
      const signedAfter = await keySet.sign({ iss: ISSUER }, 'RS256');
      expect((await keySet.verify(signedAfter, { issuer: ISSUER, now })).protectedHeader.kid).toBe(
        mine?.rotated[0]?.kid,
      );

      // Not due again the next minute.
      expect((await run(now + 60)).map((d) => d.tenantId)).not.toContain(tenant.id);
    });

    it('prunes a retired key only once the overlap has passed', async () => {
      const tenant = await newTenant({ intervalDays: 30, overlapDays: 2 }, START);
      const rotatedAt = START + 30 * DAY;
      await run(rotatedAt);
      await run(rotatedAt + 2 * DAY);
      expect(Object.values(await states(tenant.keys))).toContain('retired');

      const done = await run(rotatedAt + 2 * DAY + 1);

      expect(done.find((d) => d.tenantId === tenant.id)?.pruned).toBe(1);
      expect(await states(tenant.keys)).not.toHaveProperty(tenant.kid);
      expect(Object.values(await states(tenant.keys)).sort()).toEqual(['active', 'next']);
      const actions = (await db.auditEvent.findMany({ where: { tenantId: tenant.id } })).map(
        (e) => e.action,
      );
      expect(actions).toEqual(['signing_key.rotate', 'signing_key.prune']);
    });

    it('rotates a tenant exactly once when two instances run at the same moment', async () => {
      const tenant = await newTenant({ intervalDays: 1, overlapDays: 1 }, START);
      const now = START + 2 * DAY;

      const [a, b] = await Promise.all([run(now, shared.first), run(now, shared.second)]);

      const rotations = [...a, ...b].filter((d) => d.tenantId === tenant.id);
      expect(rotations).toHaveLength(1);
      expect((await tenantRow(tenant.id)).configVersion).toBe(2);
      const keys = await tenant.keys.list();
      expect(keys.filter((k) => k.state === 'active')).toHaveLength(1);
      expect(keys.filter((k) => k.state === 'next')).toHaveLength(1);
      expect(await db.auditEvent.count({ where: { tenantId: tenant.id } })).toBe(1);
    });

    it('skips a tenant whose configuration changed after it was read', async () => {
      const tenant = await newTenant({ intervalDays: 1, overlapDays: 1 }, START);
      // An admin change lands between the job's read and its claim.
      const racing: Db = new Proxy(db, {
        get(target, property, receiver) {
          if (property !== '$transaction') return Reflect.get(target, property, receiver);
          return async (work: (tx: unknown) => Promise<unknown>) => {
            await db.tenant.update({
              where: { id: tenant.id },
              data: { configVersion: { increment: 1 } },
            });
            return target.$transaction(work as never);
          };
        },
      });
      const done = await run(START + 2 * DAY, racing);
      expect(done.map((d) => d.tenantId)).not.toContain(tenant.id);
      expect(await states(tenant.keys)).toEqual({ [tenant.kid]: 'active' });
    });

    it('runs in the background until closed, and a failed pass does not stop it', async () => {
      const tenant = await newTenant({ intervalDays: 1, overlapDays: 1 }, START);
      const errors: unknown[] = [];
      let now = START;
      const job = startKeyRotationJob({
        db,
        secretBox,
        clock: () => now,
        random,
        intervalMs: 3_600_000,
        onError: (error) => errors.push(error),
      });
      try {
        expect((await job.runNow()).map((d) => d.tenantId)).not.toContain(tenant.id);
        now = START + DAY;
        const rotated: string[] = [];
        const [first, joined] = [job.runNow(), job.runNow()];
        expect(joined).toBe(first);
        for (const done of await first) rotated.push(done.tenantId);
        expect(rotated).toContain(tenant.id);
        expect(errors).toEqual([]);
      } finally {
        await job.close();
      }
      const failing = startKeyRotationJob({
        db: {
          tenant: {
            findMany: () => Promise.reject(new Error('database down')),
          },
        } as unknown as Db,
        secretBox,
        clock: () => now,
        onError: (error) => errors.push(error),
      });
      expect(await failing.runNow()).toEqual([]);
      expect(errors).toHaveLength(1);
      await failing.close();
    });
  });
}
