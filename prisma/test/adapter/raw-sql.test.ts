/**
 * The hand-written SQL of the token hot path (scope.ts `select`/`update`/`insert`) on both
 * providers: it stays inside the tenant, and it reads and writes the same values as Prisma's
 * typed calls (JSON, booleans, DateTime), so rows written either way are interchangeable.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Prisma } from '../../generated/sqlite/client/client.js';
import { createTenantStores } from '../../src/adapter/index.js';
import { type TenantScope, tenantScope } from '../../src/adapter/scope.js';
import type { TestDatabase } from '../support/databases.js';
import { putUser, testSecretBox } from '../support/tenants.js';
import { providers } from './providers.js';

for (const provider of providers) {
  describe.skipIf(provider.skip)(`Hand-written SQL on ${provider.name}`, () => {
    let database: TestDatabase;
    let a: TenantScope;
    let b: TenantScope;
    beforeAll(async () => {
      database = await provider.open();
      for (const id of ['a', 'b'])
        await database.db.tenant.create({ data: { id, slug: id, name: id, settings: {} } });
      a = tenantScope(database.db, 'a', testSecretBox);
      b = tenantScope(database.db, 'b', testSecretBox);
    });
    afterAll(() => database?.close());

    const token = (hash: string, claims?: unknown) => ({
      hash,
      clientId: 'c',
      scope: 'openid',
      claims: claims === undefined ? null : JSON.stringify(claims),
      issuedAt: new Date(1_700_000_000_000),
      expiresAt: new Date(1_700_003_600_000),
    });

    it('sees, updates and writes only its own tenant', async () => {
      await a.insert('AccessToken', token('shared'));
      await b.insert('AccessToken', token('shared'));
      await b.insert('AccessToken', token('b-only'));
      // An OR in the condition stays inside the tenant's parentheses.
      const rows = await a.select<{ tenantId: string }>(
        'AccessToken',
        Prisma.sql`"hash" = ${'b-only'} OR 1 = 1`,
      );
      expect(rows.map((row) => row.tenantId)).toEqual(['a']);
      const updated = await a.update<{ tenantId: string }>(
        'AccessToken',
        Prisma.sql`"scope" = ${'changed'}`,
        Prisma.sql`"hash" = ${'shared'} OR 1 = 1`,
      );
      expect(updated.map((row) => row.tenantId)).toEqual(['a']);
      const scopes = await database.db.accessToken.findMany({
        where: { hash: 'shared' },
        orderBy: { tenantId: 'asc' },
        select: { scope: true },
      });
      expect(scopes.map((row) => row.scope)).toEqual(['changed', 'openid']);
      await expect(a.insert('AccessToken', { ...token('x'), tenantId: 'b' })).rejects.toThrow(
        /set by the scope/,
      );
      await expect(
        a.select<Record<string, unknown>>('AccessToken', Prisma.sql`1 = 1`, ['hash"; --']),
      ).rejects.toThrow(/Not an identifier/);
    });

    it('writes JSON and DateTime as the typed calls do, and reads them back alike', async () => {
      const stores = createTenantStores(database.db, 'a', { secretBox: testSecretBox });
      const claims = { email: null, name: { essential: true, values: ['x', 1] } };
      await stores.accessTokens.create({
        hash: 'raw',
        clientId: 'c',
        scope: 'openid',
        claims: claims as never,
        issuedAt: 1_700_000_000,
        expiresAt: 1_700_003_600,
      });
      await stores.accessTokens.create({
        hash: 'raw-no-claims',
        clientId: 'c',
        scope: 'openid',
        issuedAt: 1_700_000_000,
        expiresAt: 1_700_003_600,
      });
      await database.db.accessToken.create({
        data: {
          tenantId: 'a',
          hash: 'typed',
          clientId: 'c',
          scope: 'openid',
          claims,
          issuedAt: new Date(1_700_000_000_000),
          expiresAt: new Date(1_700_003_600_000),
        },
      });
      // Typed reads of the raw rows: JSON parsed back (arrays stay JSON), SQL NULL when absent.
      const typed = await database.db.accessToken.findMany({
        where: { tenantId: 'a', hash: { in: ['raw', 'raw-no-claims', 'typed'] } },
        orderBy: { hash: 'asc' },
      });
      expect(typed.map((row) => row.claims)).toEqual([claims, null, claims]);
      // The same instant matches rows written either way (same stored text on SQLite).
      const sameInstant = await database.db.accessToken.count({
        where: {
          tenantId: 'a',
          issuedAt: new Date(1_700_000_000_000),
          hash: { in: ['raw', 'typed'] },
        },
      });
      expect(sameInstant).toBe(2);
      // Raw reads of the typed row.
      expect(await stores.accessTokens.find('typed')).toMatchObject({
        claims,
        issuedAt: 1_700_000_000,
        expiresAt: 1_700_003_600,
      });
      expect((await stores.accessTokens.find('raw-no-claims'))?.claims).toBeUndefined();
    });

    it('reads booleans and JSON of users as booleans and objects', async () => {
      const stores = createTenantStores(database.db, 'a', { secretBox: testSecretBox });
      await putUser(database.db, 'a', { id: 'on', claims: { groups: ['x'], n: 1 } });
      await putUser(database.db, 'a', { id: 'off', claims: {}, disabled: true });
      expect(await stores.users.get('on')).toEqual({ id: 'on', claims: { groups: ['x'], n: 1 } });
      expect(await stores.users.get('off')).toEqual({ id: 'off', claims: {}, disabled: true });
      expect(await stores.users.get('missing')).toBeUndefined();
    });
  });
}
