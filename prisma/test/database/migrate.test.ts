// Migrations apply once, are recorded in `_prisma_migrations`, and a second run (or a racing
// process) applies nothing.
import { describe, expect, it } from 'vitest';
import { migrate } from '../../src/database/migrate.js';
import { openDatabase } from '../../src/database/open-database.js';
import type { DbProvider } from '../../src/database/schema.js';
import { checkedInMigrations, postgresServerUrl, usePostgresUrl, useSqliteUrl } from './helpers.js';

function migrationSuite(provider: DbProvider, newUrl: () => string | Promise<string>) {
  const migrations = checkedInMigrations(provider);

  it('applies every checked-in migration to a fresh database', async () => {
    const url = await newUrl();
    expect((await migrate(url)).applied).toEqual(migrations);
  });

  it('applies nothing on a second run', async () => {
    const url = await newUrl();
    await migrate(url);
    expect((await migrate(url)).applied).toEqual([]);
  });

  it('records each migration exactly once when several migrators start at once', async () => {
    const url = await newUrl();
    const results = await Promise.all([migrate(url), migrate(url), migrate(url), migrate(url)]);
    expect(results.flatMap((result) => result.applied).sort()).toEqual(migrations);

    const db = await openDatabase({ url, migrate: false });
    try {
      const rows = await db.prisma.$queryRawUnsafe<{ migration_name: string }[]>(
        'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name',
      );
      expect(rows.map((row) => row.migration_name)).toEqual(migrations);
    } finally {
      await db.close();
    }
  });

  it('leaves a database that Prisma can write to and read from', async () => {
    const db = await openDatabase({ url: await newUrl() });
    try {
      await db.prisma.tenant.create({
        data: { id: 't1', slug: 'acme', name: 'Acme', settings: { a: 1 } },
      });
      expect(await db.prisma.tenant.findUnique({ where: { slug: 'acme' } })).toMatchObject({
        name: 'Acme',
        settings: { a: 1 },
        configVersion: 1,
      });
    } finally {
      await db.close();
    }
  });
}

describe('Migrations on SQLite', () => {
  migrationSuite('sqlite', useSqliteUrl());
});

describe.skipIf(!postgresServerUrl)('Migrations on PostgreSQL', () => {
  migrationSuite('postgresql', usePostgresUrl());
});
