import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Database, newTenantSettings, openDatabase } from '@tessera/db';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  TENANT_REFRESH_MS,
  TenantDirectory,
  UNKNOWN_TENANT_TTL_MS,
} from '../../src/tenants/tenant-directory';

let dir: string;
let database: Database;
let clock = 0;
let directory: TenantDirectory;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tessera-directory-'));
  database = await openDatabase({ dataDir: dir });
  await database.prisma.tenant.create({
    data: { id: 't-acme', slug: 'acme', name: 'Acme', settings: newTenantSettings() as object },
  });
  await database.prisma.tenantDomain.create({
    data: { domain: 'id.acme.test', tenantId: 't-acme' },
  });
  await database.prisma.tenant.create({
    data: { id: 't-broken', slug: 'broken', name: 'Broken', settings: { lifetimes: 'x' } },
  });
});

afterAll(async () => {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => {
  clock = 1_000_000;
  directory = new TenantDirectory({ db: database.prisma, now: () => clock });
});

describe('the tenant directory', () => {
  it('finds a tenant by slug with its parsed settings and domains', async () => {
    const tenant = await directory.bySlug('acme');
    expect(tenant).toMatchObject({
      id: 't-acme',
      slug: 'acme',
      name: 'Acme',
      status: 'active',
      domains: ['id.acme.test'],
    });
    expect(tenant?.settings?.subjectSalt).toEqual(expect.any(String));
  });

  it('finds a tenant by its custom domain', async () => {
    expect((await directory.byHost('id.acme.test'))?.slug).toBe('acme');
    expect(await directory.byHost('unknown.test')).toBeUndefined();
  });

  it('marks a tenant whose stored settings are invalid as misconfigured', async () => {
    expect((await directory.bySlug('broken'))?.status).toBe('misconfigured');
  });

  it('serves a change only after the refresh interval, then at once', async () => {
    expect((await directory.bySlug('acme'))?.configVersion).toBe(1);
    await database.prisma.tenant.update({
      where: { id: 't-acme' },
      data: { configVersion: { increment: 1 }, status: 'disabled' },
    });
    clock += TENANT_REFRESH_MS - 1;
    expect((await directory.bySlug('acme'))?.configVersion).toBe(1);
    clock += 1;
    const refreshed = await directory.bySlug('acme');
    expect(refreshed).toMatchObject({ configVersion: 2, status: 'disabled' });
    await database.prisma.tenant.update({
      where: { id: 't-acme' },
      data: { configVersion: { increment: 1 }, status: 'active' },
    });
  });

  it('remembers an unknown slug for a short while, then looks again', async () => {
    expect(await directory.bySlug('newco')).toBeUndefined();
    await database.prisma.tenant.create({
      data: {
        id: 't-newco',
        slug: 'newco',
        name: 'NewCo',
        settings: newTenantSettings() as object,
      },
    });
    clock += UNKNOWN_TENANT_TTL_MS - 1;
    expect(await directory.bySlug('newco')).toBeUndefined();
    clock += 1;
    expect((await directory.bySlug('newco'))?.id).toBe('t-newco');
  });

  it('shares one lookup between concurrent requests for the same slug', async () => {
    const [a, b] = [directory.bySlug('acme'), directory.bySlug('acme')];
    expect(a).toBe(b);
    expect((await a)?.slug).toBe('acme');
  });
});
