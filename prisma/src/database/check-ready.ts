// Readiness for load balancers: the database answers, and every checked-in migration is applied.

import { readMigrationsList } from './migrations-list.js';
import type { Database } from './open-database.js';

export type Readiness = { ready: true } | { ready: false; reason: string };

/**
 * @example const state = await checkReady(database); // { ready: false, reason: '...' }
 */
export async function checkReady(database: Database): Promise<Readiness> {
  const expected = readMigrationsList(database.provider).migrationDirectories.map((m) => m.path);
  let applied: { migration_name: string }[];
  try {
    applied = await database.prisma.$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM _prisma_migrations
      WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  } catch {
    return { ready: false, reason: 'database unreachable' };
  }
  const done = new Set(applied.map((row) => row.migration_name));
  const pending = expected.filter((name) => !done.has(name));
  return pending.length === 0
    ? { ready: true }
    : { ready: false, reason: `${pending.length} migration(s) not applied` };
}
