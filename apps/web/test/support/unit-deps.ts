/**
 * Service tests run against a real, migrated database: a SQLite file in a fresh temporary folder,
 * or (when `TEST_DATABASE_URL` names a server) a throw-away PostgreSQL database. `close` removes
 * it again. Principals are built here so every test states its role in one word.
 *
 * @example
 * let unit: UnitDeps;
 * beforeAll(async () => { unit = await createUnitDeps(); });
 * afterAll(() => unit.close());
 * await createTenant({ deps: unit.deps, principal: operator(), slug: 'acme', name: 'Acme' });
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSecretBox, createTemporaryDatabase, type Database, openDatabase } from '@tessera/db';
import type { ServiceDeps } from '../../src/graphql/context';
import { AppError } from '../../src/server/errors';
import type { Principal } from '../../src/server/principal';

export interface UnitDeps {
  deps: ServiceDeps;
  close(): Promise<void>;
}

export type UnitDatabase = 'sqlite' | 'postgresql';

const postgresServerUrl = process.env.TEST_DATABASE_URL || undefined;

/** The databases to run a suite on: SQLite always, PostgreSQL when a server is given. */
export const UNIT_DATABASES: { name: string; database: UnitDatabase; skip: boolean }[] = [
  { name: 'SQLite', database: 'sqlite', skip: false },
  { name: 'PostgreSQL', database: 'postgresql', skip: !postgresServerUrl },
];

export const TEST_OP_PUBLIC_URL = 'https://op.test';

export async function createUnitDeps(
  options: { database?: UnitDatabase; now?: () => Date } = {},
): Promise<UnitDeps> {
  const opened = options.database === 'postgresql' ? await openPostgres() : await openSqlite();
  return {
    deps: {
      db: opened.database.prisma,
      provider: opened.database.provider,
      secretBox: createSecretBox(randomBytes(32)),
      opPublicUrl: TEST_OP_PUBLIC_URL,
      now: options.now ?? (() => new Date()),
    },
    close: opened.close,
  };
}

async function openSqlite(): Promise<{ database: Database; close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'tessera-web-'));
  const database = await openDatabase({ dataDir: dir });
  return {
    database,
    async close() {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function openPostgres(): Promise<{ database: Database; close(): Promise<void> }> {
  if (!postgresServerUrl) throw new Error('TEST_DATABASE_URL is not set');
  const temporary = await createTemporaryDatabase(postgresServerUrl, 'tessera_web_test');
  try {
    const database = await openDatabase({ url: temporary.url, poolSize: 10 });
    return {
      database,
      async close() {
        await database.close();
        await temporary.drop();
      },
    };
  } catch (error) {
    await temporary.drop();
    throw error;
  }
}

/** A platform operator signed in to the console. */
export function operator(id = 'operator-1'): Principal {
  return { kind: 'operator', id, name: id, platformOperator: true, tenantIds: new Set() };
}

/** A tenant admin of exactly the tenants given (ids), signed in to the console. */
export function tenantAdmin(...tenantIds: string[]): Principal {
  const id = `tenant-admin-of-${tenantIds.join('+') || 'nothing'}`;
  return { kind: 'operator', id, name: id, platformOperator: false, tenantIds: new Set(tenantIds) };
}

/**
 * The `AppError` a service call rejects with (any other outcome fails the test).
 *
 * @example expect(await appErrorOf(deleteTenant({ ... }))).toMatchObject({ code: 'FORBIDDEN' });
 */
export async function appErrorOf(call: Promise<unknown>): Promise<AppError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('Expected an AppError, but the call succeeded');
}
