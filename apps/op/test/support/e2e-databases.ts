/**
 * The databases every e2e file runs on: a SQLite file always, and a throw-away PostgreSQL
 * database when `TEST_DATABASE_URL` names a server (`describe.each(databases())`). Each carries
 * the master key its servers share, as the instances of one deployment do.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTemporaryDatabase } from '@tessera/db';

export interface E2eDatabaseKind {
  name: 'SQLite' | 'PostgreSQL';
  create(): Promise<E2eDatabase>;
}

export interface E2eDatabase {
  url: string;
  /** TESSERA_DATA_DIR of the servers (the SQLite file lives here too). */
  dataDir: string;
  masterKey: string;
  drop(): Promise<void>;
}

const postgresServerUrl = process.env.TEST_DATABASE_URL || undefined;

/** @example describe.each(databases())('Discovery on $name', (kind) => { ... }) */
export function databases(): E2eDatabaseKind[] {
  const kinds: E2eDatabaseKind[] = [{ name: 'SQLite', create: createSqlite }];
  if (postgresServerUrl) {
    kinds.push({ name: 'PostgreSQL', create: () => createPostgres(postgresServerUrl) });
  }
  return kinds;
}

async function createSqlite(): Promise<E2eDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tessera-op-e2e-'));
  return {
    url: `file:${join(dataDir, 'op.db')}`,
    dataDir,
    masterKey: newMasterKey(),
    async drop() {
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function createPostgres(serverUrl: string): Promise<E2eDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tessera-op-e2e-'));
  const temporary = await createTemporaryDatabase(serverUrl, 'tessera_op_e2e');
  return {
    url: temporary.url,
    dataDir,
    masterKey: newMasterKey(),
    async drop() {
      await temporary.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function newMasterKey(): string {
  return randomBytes(32).toString('base64');
}
