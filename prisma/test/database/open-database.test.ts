// openDatabase: provider selection by URL, the SQLite pragmas, and the default data folder.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/database/open-database.js';
import { postgresServerUrl, usePostgresUrl, useSqliteUrl } from './helpers.js';

describe('openDatabase on SQLite', () => {
  const newUrl = useSqliteUrl();

  it('runs the file in WAL mode with foreign keys, synchronous=NORMAL and a busy timeout', async () => {
    const db = await openDatabase({ url: newUrl() });
    try {
      expect(db.provider).toBe('sqlite');
      const pragma = async (name: string) =>
        Object.values(
          (await db.prisma.$queryRawUnsafe<Record<string, unknown>[]>(`PRAGMA ${name}`))[0] ?? {},
        )[0];
      expect(await pragma('journal_mode')).toBe('wal');
      expect(Number(await pragma('foreign_keys'))).toBe(1);
      // 1 = NORMAL
      expect(Number(await pragma('synchronous'))).toBe(1);
      expect(Number(await pragma('busy_timeout'))).toBe(5000);
    } finally {
      await db.close();
    }
  });

  it('enforces foreign keys, so tenant-owned rows cannot point at a missing tenant', async () => {
    const db = await openDatabase({ url: newUrl() });
    try {
      await expect(
        db.prisma.tenantDomain.create({ data: { domain: 'x.test', tenantId: 'nope' } }),
      ).rejects.toThrow();
    } finally {
      await db.close();
    }
  });

  it('defaults to tessera.db in an owner-only data folder', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'tessera-data-'));
    const dataDir = join(parent, 'data');
    try {
      const db = await openDatabase({ dataDir });
      await db.close();
      expect(statSync(dataDir).mode & 0o777).toBe(0o700);
      expect(statSync(join(dataDir, 'tessera.db')).isFile()).toBe(true);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });

  it('refuses a URL of another kind rather than guessing', async () => {
    await expect(openDatabase({ url: 'mysql://localhost/tessera' })).rejects.toThrow(
      /Unsupported database URL/,
    );
  });
});

describe.skipIf(!postgresServerUrl)('openDatabase on PostgreSQL', () => {
  const newUrl = usePostgresUrl();

  it('selects PostgreSQL for postgresql:// and postgres:// URLs', async () => {
    const url = await newUrl();
    for (const candidate of [url, url.replace(/^postgresql:/, 'postgres:')]) {
      const db = await openDatabase({ url: candidate, poolSize: 2 });
      try {
        expect(db.provider).toBe('postgresql');
        expect(await db.prisma.tenant.count()).toBe(0);
      } finally {
        await db.close();
      }
    }
  });
});
