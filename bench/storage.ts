/**
 * What storage costs: code exchange, refresh and userinfo through the same core Provider on the
 * memory adapter, the Prisma adapter on SQLite (a temporary file) and, when TEST_DATABASE_URL
 * names a server, on PostgreSQL (a temporary database), measured in one run with interleaved
 * rounds. Reports µs/op, the cost each database adds over memory, and the SQL statements one
 * code exchange issues (counted at the driver adapter, so Prisma's own queries are included).
 * Goal (issue): SQLite adds at most 1 ms per code exchange.
 *
 *   npm run bench:storage                     # ~1 s per case
 *   npm run bench:storage -- --iterations 50  # smoke run
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SqlDriverAdapter, SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { createMemoryAdapter } from '../packages/core/src/memory/memory-adapter.js';
import type { TenantStores } from '../packages/core/src/storage/ports.js';
import { PrismaClient as PostgresPrismaClient } from '../prisma/generated/postgresql/client/client.js';
import { PrismaClient as SqlitePrismaClient } from '../prisma/generated/sqlite/client/client.js';
import { createTenantStores } from '../prisma/src/adapter/index.js';
import { createAdapterFactory } from '../prisma/src/database/adapter-factory.js';
import { type Db, migrate } from '../prisma/src/database/index.js';
import { createTemporaryDatabase } from '../prisma/src/database/temporary-database.js';
import { createSecretBox } from '../prisma/src/secrets/index.js';
import { type BenchCase, createCases } from './cases.js';
import { createBenchTenant } from './setup.js';
import { measureCases } from './timing.js';

const ALG = 'ES256';
const TENANT = 'bench';
const TIMED_CASES = [
  'code exchange (POST /token)',
  'refresh (POST /token)',
  'userinfo (GET /userinfo)',
];
const SQLITE_GOAL_MICROS = 1000;

/** SQL statements seen by the driver adapter (transactions' statements included). */
const counter = { statements: 0, transactions: 0 };

/** Counts statements; every other member is forwarded bound to the real object (private fields). */
function counting<T extends object>(target: T, overrides: Partial<T>): T {
  return new Proxy(target, {
    get(object, property) {
      if (property in overrides) return overrides[property as keyof T];
      const value = Reflect.get(object, property, object);
      return typeof value === 'function' ? value.bind(object) : value;
    },
  });
}

function countingQueries<Q extends Pick<SqlDriverAdapter, 'queryRaw' | 'executeRaw'>>(
  queryable: Q,
) {
  const queryRaw: Q['queryRaw'] = (query) => {
    counter.statements++;
    return queryable.queryRaw(query);
  };
  const executeRaw: Q['executeRaw'] = (query) => {
    counter.statements++;
    return queryable.executeRaw(query);
  };
  return { queryRaw, executeRaw } as Partial<Q>;
}

function countingFactory(factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
  return counting(factory, {
    connect: async () => {
      const adapter = await factory.connect();
      return counting(adapter, {
        ...countingQueries(adapter),
        startTransaction: async (isolation) => {
          counter.transactions++;
          const transaction = await adapter.startTransaction(isolation);
          return counting(transaction, countingQueries(transaction));
        },
      });
    },
  });
}

interface Backend {
  name: string;
  stores: TenantStores;
  putUser(user: { id: string; claims: Record<string, unknown> }): Promise<void>;
  close(): Promise<void>;
}

function memoryBackend(): Backend {
  const adapter = createMemoryAdapter();
  return {
    name: 'memory',
    stores: adapter.forTenant(TENANT),
    putUser: async (user) => adapter.putUser(TENANT, user),
    close: async () => {},
  };
}

async function prismaBackend(
  name: string,
  url: string,
  drop: () => Promise<void>,
): Promise<Backend> {
  await migrate(url);
  const adapter = countingFactory(createAdapterFactory(url, { poolSize: 10 }));
  const db: Db = url.startsWith('file:')
    ? new SqlitePrismaClient({ adapter })
    : (new PostgresPrismaClient({ adapter }) as unknown as Db);
  await db.$connect();
  await db.tenant.create({ data: { id: TENANT, slug: TENANT, name: TENANT, settings: {} } });
  return {
    name,
    stores: createTenantStores(db, TENANT, { secretBox: createSecretBox(randomBytes(32)) }),
    putUser: async (user) => {
      await db.user.create({
        data: { tenantId: TENANT, id: user.id, loginName: user.id, claims: user.claims as object },
      });
    },
    close: async () => {
      await db.$disconnect();
      await drop();
    },
  };
}

async function backends(): Promise<Backend[]> {
  const dir = mkdtempSync(join(tmpdir(), 'tessera-bench-'));
  const list = [
    memoryBackend(),
    await prismaBackend('sqlite', `file:${join(dir, 'bench.db')}`, async () =>
      rmSync(dir, { recursive: true, force: true }),
    ),
  ];
  const server = process.env.TEST_DATABASE_URL;
  if (server) {
    const temporary = await createTemporaryDatabase(server, 'tessera_bench');
    list.push(await prismaBackend('postgresql', temporary.url, temporary.drop));
  }
  return list;
}

/** Statements (and transactions) one run of `benchCase` issues, after a warm-up run. */
async function countStatements(benchCase: BenchCase): Promise<string> {
  await benchCase.prepare(2);
  await benchCase.run(0);
  counter.statements = 0;
  counter.transactions = 0;
  await benchCase.run(1);
  return `${counter.statements} (${counter.transactions} tx)`;
}

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? undefined : process.argv[index + 1];
}

async function main(): Promise<void> {
  const iterations = option('iterations') ?? process.env.BENCH_ITERATIONS;
  const fixed = iterations === undefined ? undefined : Math.max(1, Number(iterations));
  const plan = {
    iterations: fixed,
    targetSeconds: Number(option('seconds') ?? 1),
    warmup: Math.max(5, Math.min(100, fixed ?? 100)),
    rounds: fixed === undefined ? 10 : Math.min(5, fixed),
  };
  const list = await backends();
  try {
    const perBackend: { backend: string; cases: BenchCase[]; queries: Map<string, string> }[] = [];
    for (const backend of list) {
      const cases = (await createCases(await createBenchTenant(ALG, backend))).filter((c) =>
        TIMED_CASES.includes(c.name),
      );
      const queries = new Map<string, string>();
      if (backend.name !== 'memory')
        for (const c of cases) queries.set(c.name, await countStatements(c));
      perBackend.push({ backend: backend.name, cases, queries });
    }
    // One interleaved measurement over every backend's cases: drifts hit all of them alike.
    const all = perBackend.flatMap((b) => b.cases);
    const measured = await measureCases(all, plan);
    const micros = new Map(all.map((c, i) => [c, measured[i]!.microsPerOp]));
    const memory = perBackend[0]!;
    const rows = perBackend.flatMap((b) =>
      b.cases.map((c, i) => {
        const added = micros.get(c)! - micros.get(memory.cases[i]!)!;
        return [
          b.backend,
          c.name,
          micros.get(c)!.toFixed(1),
          b === memory ? '-' : `+${added.toFixed(1)}`,
          b.queries.get(c.name) ?? '-',
        ];
      }),
    );
    printTable(['storage', 'case', 'µs/op', 'added µs vs memory', 'SQL statements/op'], rows);
    const sqliteExchange = rows.find((r) => r[0] === 'sqlite' && r[1] === TIMED_CASES[0]);
    const added = Number(sqliteExchange?.[3]);
    if (fixed === undefined) {
      console.log(
        `\nSQLite adds ${added.toFixed(0)} µs per code exchange (goal <= ${SQLITE_GOAL_MICROS} µs): ${added <= SQLITE_GOAL_MICROS ? 'met' : 'NOT met'}`,
      );
    }
  } finally {
    for (const backend of list) await backend.close();
  }
}

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}

await main();
