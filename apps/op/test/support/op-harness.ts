/**
 * One OP per test file and database: `useOp(kind)` registers the hooks that create the
 * database, start the built server on it and open a Prisma client for fixtures, and tear all of
 * it down again. The returned handle is usable from `beforeAll` on.
 */
import { type Database, type Db, openDatabase } from '@tessera/db';
import { afterAll, beforeAll } from 'vitest';
import type { E2eDatabase, E2eDatabaseKind } from './e2e-databases';
import { type OpServer, type StartOpOptions, startOpServer } from './op-server';

export interface OpHarness {
  server: OpServer;
  /** Prisma on the server's database, for fixtures and for looking behind the curtain. */
  db: Db;
  database: E2eDatabase;
}

/** @example describe.each(databases())('... on $name', (kind) => { const op = useOp(kind); ... }) */
export function useOp(
  kind: E2eDatabaseKind,
  options: Pick<StartOpOptions, 'logLevel'> = {},
): OpHarness {
  let database: E2eDatabase | undefined;
  let server: OpServer | undefined;
  let opened: Database | undefined;

  beforeAll(async () => {
    database = await kind.create();
    server = await startOpServer({ database, ...options });
    // The server migrated the database at start.
    opened = await openDatabase({ url: database.url, migrate: false });
  });

  afterAll(async () => {
    const errors = server?.errors() ?? [];
    if (errors.length > 0) console.warn(`OP server logged errors:\n${errors.join('\n')}`);
    await server?.stop();
    await opened?.close();
    await database?.drop();
  });

  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not ready before beforeAll ran`);
    return value;
  };
  return {
    get server() {
      return started(server, 'the OP server');
    },
    get db() {
      return started(opened, 'the database').prisma;
    },
    get database() {
      return started(database, 'the database');
    },
  };
}
