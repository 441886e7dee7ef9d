// Restart safety: processes killed with SIGKILL while writing lose nothing they reported as
// committed, and restarting (which migrates again at open) never runs a migration twice.
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/database/open-database.js';
import type { DbProvider } from '../../src/database/schema.js';
import { checkedInMigrations, postgresServerUrl, usePostgresUrl, useSqliteUrl } from './helpers.js';

const child = fileURLToPath(new URL('./fixtures/write-until-killed.ts', import.meta.url));

/** Rows each writer reports before it is killed: enough to be killed mid-stream. */
const ROWS_BEFORE_KILL = 40;

// Spawns a writer, waits for `ROWS_BEFORE_KILL` reports, SIGKILLs it, returns what it reported.
async function writeThenKill(url: string, runTag: string): Promise<string[]> {
  const writer: ChildProcess = spawn(process.execPath, ['--import', 'tsx', child, url, runTag], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const committed: string[] = [];
  let stderr = '';
  writer.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  await new Promise<void>((resolve, reject) => {
    let buffered = '';
    writer.stdout?.on('data', (chunk) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines)
        if (line.startsWith('committed ')) committed.push(line.slice('committed '.length));
      if (committed.length >= ROWS_BEFORE_KILL) resolve();
    });
    writer.on('exit', (code) => reject(new Error(`writer exited early (${code}): ${stderr}`)));
  });
  writer.kill('SIGKILL');
  await new Promise((resolve) => writer.once('exit', resolve));
  return committed;
}

function restartSuite(provider: DbProvider, newUrl: () => string | Promise<string>) {
  it('keeps every reported row and runs each migration once across SIGKILLs and restarts', async () => {
    const url = await newUrl();
    // Two writers start together on a fresh database (both migrate at open), then a restart.
    const first = await Promise.all([writeThenKill(url, 'a'), writeThenKill(url, 'b')]);
    const restarted = await writeThenKill(url, 'c');
    const reported = [...first.flat(), ...restarted];

    const db = await openDatabase({ url });
    try {
      const stored = new Set(
        (await db.prisma.auditEvent.findMany({ select: { id: true } })).map((row) => row.id),
      );
      expect(reported.filter((id) => !stored.has(id))).toEqual([]);

      const migrations = await db.prisma.$queryRawUnsafe<{ migration_name: string }[]>(
        'SELECT migration_name FROM _prisma_migrations WHERE rolled_back_at IS NULL ORDER BY migration_name',
      );
      expect(migrations.map((row) => row.migration_name)).toEqual(checkedInMigrations(provider));
    } finally {
      await db.close();
    }
  });
}

describe('Restart safety on SQLite', () => {
  restartSuite('sqlite', useSqliteUrl());
});

describe.skipIf(!postgresServerUrl)('Restart safety on PostgreSQL', () => {
  restartSuite('postgresql', usePostgresUrl());
});
