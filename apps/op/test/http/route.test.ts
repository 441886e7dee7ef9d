import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Database, newTenantSettings, openDatabase } from '@tessera/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRouter, issuerFor, type Router } from '../../src/http/route';
import { TenantDirectory } from '../../src/tenants/tenant-directory';

const PUBLIC_URL = 'https://op.example.com';
const HOST = 'op.example.com';
let dir: string;
let database: Database;
let router: Router;
let directory: TenantDirectory;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tessera-route-'));
  database = await openDatabase({ dataDir: dir });
  const settings = newTenantSettings() as object;
  await database.prisma.tenant.create({
    data: { id: 't-acme', slug: 'acme', name: 'Acme', settings },
  });
  await database.prisma.tenant.create({
    data: { id: 't-off', slug: 'off', name: 'Off', status: 'disabled', settings },
  });
  await database.prisma.tenantDomain.create({
    data: { domain: 'id.acme.test', tenantId: 't-acme' },
  });
  directory = new TenantDirectory({ db: database.prisma });
  router = createRouter({ directory, publicUrl: PUBLIC_URL });
});

afterAll(async () => {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = (pathname: string, host = HOST, method = 'GET') =>
  router.route({ method, pathname, host });

describe('request routing', () => {
  it('sends every core endpoint of a tenant to its provider with the path-based issuer', async () => {
    for (const path of [
      '/.well-known/openid-configuration',
      '/jwks',
      '/authorize',
      '/token',
      '/userinfo',
      '/register',
      '/register/client-1',
      '/token/introspection',
      '/token/revocation',
      '/logout',
    ]) {
      expect(await get(`/acme${path}`)).toMatchObject({
        kind: 'protocol',
        issuer: 'https://op.example.com/acme',
        tenant: { slug: 'acme' },
        endpoint: path,
      });
    }
  });

  it('sends interaction form posts to the fast lane and their pages to Next', async () => {
    expect(await get('/acme/interaction/abc_DEF-123', HOST, 'POST')).toMatchObject({
      kind: 'interaction',
      interactionId: 'abc_DEF-123',
    });
    expect(await get('/acme/interaction/abc/login')).toMatchObject({
      kind: 'page',
      path: '/acme/interaction/abc/login',
    });
  });

  it('answers health and readiness before any tenant lookup', async () => {
    expect(await get('/healthz')).toEqual({ kind: 'health' });
    expect(await get('/readyz')).toEqual({ kind: 'ready' });
  });

  it('leaves reserved and non-slug paths to Next', async () => {
    expect(await get('/_next/static/chunk.js')).toEqual({ kind: 'next' });
    expect(await get('/')).toEqual({ kind: 'next' });
    expect(await get('/Not_A_Slug/jwks')).toEqual({ kind: 'next' });
    expect(await get('/api/jwks')).toEqual({ kind: 'next' });
  });

  it('reports an unknown slug as an unknown tenant', async () => {
    expect(await get('/nobody/jwks')).toEqual({ kind: 'unknown-tenant' });
  });

  it('reports a disabled tenant as unavailable for protocol and pages alike', async () => {
    expect(await get('/off/jwks')).toMatchObject({ kind: 'unavailable-tenant' });
    expect(await get('/off/interaction/x/login')).toMatchObject({ kind: 'unavailable-tenant' });
  });

  it('serves a custom domain at its own origin and gives Next the slug-prefixed path', async () => {
    expect(await get('/jwks', 'id.acme.test')).toMatchObject({
      kind: 'protocol',
      issuer: 'https://id.acme.test',
      endpoint: '/jwks',
    });
    expect(await get('/interaction/x/login', 'ID.ACME.TEST')).toMatchObject({
      kind: 'page',
      path: '/acme/interaction/x/login',
    });
  });

  it('leaves Next assets on a custom domain to Next without the slug prefix', async () => {
    expect(await get('/_next/static/css/app.css', 'id.acme.test')).toEqual({ kind: 'next' });
  });

  it('falls back to path-based routing for a host that is no custom domain', async () => {
    expect(await get('/acme/jwks', 'other.example.com')).toMatchObject({
      kind: 'protocol',
      issuer: 'https://op.example.com/acme',
    });
  });

  it('derives a page issuer from the host the browser used', async () => {
    const tenant = (await directory.bySlug('acme'))!;
    expect(issuerFor(tenant, 'id.acme.test', PUBLIC_URL)).toBe('https://id.acme.test');
    expect(issuerFor(tenant, HOST, PUBLIC_URL)).toBe('https://op.example.com/acme');
    expect(issuerFor(tenant, 'dev.localhost:3000', PUBLIC_URL)).toBe('https://op.example.com/acme');
  });
});
