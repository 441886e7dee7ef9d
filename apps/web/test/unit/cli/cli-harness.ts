/**
 * Runs the CLI as operators do, in a child process (`node --import tsx src/cli/main.ts ...`),
 * against a SQLite database in a temporary folder given through the same environment variables
 * apps/web reads. The test process opens the same database to look behind the curtain.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Database, openDatabase } from '@tessera/db';

const APP_DIR = fileURLToPath(new URL('../../..', import.meta.url));
/** Variables of apps/web's environment the CLI must not inherit from the test's shell. */
const INHERITED_OUT = ['DATABASE_URL', 'TESSERA_DATA_DIR', 'TESSERA_MASTER_KEY', 'OP_PUBLIC_URL'];

export const CLI_OP_PUBLIC_URL = 'https://op.test';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout parsed as JSON (runs with `--json`). */
  json: <T = Record<string, unknown>>() => T;
}

export interface CliHarness {
  dir: string;
  database: Database;
  run(...args: string[]): Promise<CliRun>;
  close(): Promise<void>;
}

/** @example const cli = await createCliHarness(); const result = await cli.run('help'); */
export async function createCliHarness(): Promise<CliHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'tessera-cli-'));
  const env: Record<string, string | undefined> = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !INHERITED_OUT.includes(name)),
  );
  Object.assign(env, {
    DATABASE_URL: `file:${join(dir, 'tessera.db')}`,
    TESSERA_DATA_DIR: dir,
    TESSERA_MASTER_KEY: randomBytes(32).toString('base64'),
    OP_PUBLIC_URL: CLI_OP_PUBLIC_URL,
    NODE_ENV: 'test',
  });
  const run = (...args: string[]) =>
    new Promise<CliRun>((resolve, reject) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', 'src/cli/main.ts', ...args],
        { cwd: APP_DIR, env: env as NodeJS.ProcessEnv, timeout: 60_000 },
        (error, stdout, stderr) => {
          if (error && typeof error.code !== 'number') return reject(error);
          resolve({
            code: typeof error?.code === 'number' ? error.code : 0,
            stdout,
            stderr,
            json: <T>() => JSON.parse(stdout) as T,
          });
        },
      );
    });
  // Migrates the database first, so the CLI runs and the test's reads see the same schema.
  const database = await openDatabase({ url: env.DATABASE_URL as string });
  return {
    dir,
    database,
    run,
    async close() {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
