// The prepared-statement cache of the SQLite adapter factory: cached statements run with each
// call's own arguments, inside and outside transactions, after errors, and past the cache size.
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/database/open-database.js';
import { SQLITE_STATEMENT_CACHE_SIZE } from '../../src/database/sqlite-adapter-factory.js';
import { useSqliteUrl } from './helpers.js';

describe('SQLite prepared-statement cache', () => {
  const newUrl = useSqliteUrl();

  const withDb = async (
    run: (db: Awaited<ReturnType<typeof openDatabase>>['prisma']) => Promise<void>,
  ) => {
    const database = await openDatabase({ url: newUrl() });
    try {
      await run(database.prisma);
    } finally {
      await database.close();
    }
  };

  it('binds each call its own arguments to the same statement', async () => {
    await withDb(async (db) => {
      for (const id of ['t1', 't2', 't3'])
        await db.$executeRaw`INSERT INTO "Tenant" ("id", "slug", "name", "settings", "updatedAt") VALUES (${id}, ${id}, ${id}, '{}', ${new Date()})`;
      for (const id of ['t1', 't2', 't3', 'none']) {
        const rows = await db.$queryRaw<
          { id: string }[]
        >`SELECT "id" FROM "Tenant" WHERE "id" = ${id}`;
        expect(rows.map((row) => row.id)).toEqual(id === 'none' ? [] : [id]);
      }
    });
  });

  it('keeps working after a failing statement and inside committed and rolled-back transactions', async () => {
    await withDb(async (db) => {
      const create = (id: string) =>
        db.tenant.create({ data: { id, slug: id, name: id, settings: {} } });
      await create('t1');
      await expect(create('t1')).rejects.toThrow();
      await create('t2');
      await db.$transaction(async (tx) => {
        await tx.tenant.create({ data: { id: 't3', slug: 't3', name: 't3', settings: {} } });
      });
      await expect(
        db.$transaction(async (tx) => {
          await tx.tenant.create({ data: { id: 't4', slug: 't4', name: 't4', settings: {} } });
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
      await db.$transaction([create('t5'), create('t6')]);
      const ids = (await db.tenant.findMany({ orderBy: { id: 'asc' } })).map((row) => row.id);
      expect(ids).toEqual(['t1', 't2', 't3', 't5', 't6']);
    });
  });

  it('reads the new columns of a cached statement after a schema change', async () => {
    await withDb(async (db) => {
      await db.$executeRawUnsafe('CREATE TABLE "Scratch" ("a" INTEGER)');
      await db.$executeRawUnsafe('INSERT INTO "Scratch" ("a") VALUES (1)');
      const all = () => db.$queryRawUnsafe<Record<string, unknown>[]>('SELECT * FROM "Scratch"');
      expect(await all()).toEqual([{ a: 1 }]);
      await db.$executeRawUnsafe('ALTER TABLE "Scratch" ADD COLUMN "b" INTEGER NOT NULL DEFAULT 2');
      expect(await all()).toEqual([{ a: 1, b: 2 }]);
      await db.$executeRawUnsafe('ALTER TABLE "Scratch" DROP COLUMN "a"');
      expect(await all()).toEqual([{ b: 2 }]);
    });
  });

  it('evicts beyond its size and prepares evicted statements again', async () => {
    await withDb(async (db) => {
      for (let round = 0; round < 2; round++)
        for (let n = 0; n < SQLITE_STATEMENT_CACHE_SIZE + 10; n++) {
          const [row] = await db.$queryRawUnsafe<{ n: number }[]>(`SELECT ${n} AS "n"`);
          expect(Number(row?.n)).toBe(n);
        }
    });
  });
});
