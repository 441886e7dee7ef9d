import * as client from 'openid-client';
import { beforeAll, describe, expect, it } from 'vitest';
import { databases } from '../support/e2e-databases';
import { createTenant, type TenantFixture } from '../support/fixtures';
import { useOp } from '../support/op-harness';
import { INSECURE } from '../support/relying-party';

describe.each(databases())('Discovery and JWKS per tenant on $name', (kind) => {
  const op = useOp(kind);
  let acme: TenantFixture;
  let globex: TenantFixture;
  let frozen: TenantFixture;

  beforeAll(async () => {
    acme = await createTenant(op.db, { slug: 'acme' });
    globex = await createTenant(op.db, { slug: 'globex' });
    frozen = await createTenant(op.db, { slug: 'frozen', status: 'disabled' });
  });

  it('publishes each tenant under its own issuer with every endpoint below it', async () => {
    for (const tenant of [acme, globex]) {
      const issuer = op.server.issuer(tenant.slug);
      expect(issuer).toBe(`${op.server.url}/${tenant.slug}`);
      const config = await client.discovery(
        new URL(issuer),
        'anyone',
        undefined,
        client.None(),
        INSECURE,
      );
      const metadata = config.serverMetadata();
      expect(metadata.issuer).toBe(issuer);
      expect(metadata.authorization_endpoint).toBe(`${issuer}/authorize`);
      expect(metadata.token_endpoint).toBe(`${issuer}/token`);
      expect(metadata.userinfo_endpoint).toBe(`${issuer}/userinfo`);
      expect(metadata.jwks_uri).toBe(`${issuer}/jwks`);
      expect(metadata.registration_endpoint).toBe(`${issuer}/register`);
      expect(metadata.end_session_endpoint).toBe(`${issuer}/logout`);
      expect(metadata.introspection_endpoint).toBe(`${issuer}/token/introspection`);
      expect(metadata.revocation_endpoint).toBe(`${issuer}/token/revocation`);
      expect(metadata.code_challenge_methods_supported).toContain('S256');
    }
  });

  it('serves a JWKS of public keys that differ between tenants', async () => {
    const kids: string[][] = [];
    for (const tenant of [acme, globex]) {
      const response = await fetch(`${op.server.issuer(tenant.slug)}/jwks`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^application\/(jwk-set\+)?json/);
      const jwks = (await response.json()) as { keys: Record<string, unknown>[] };
      expect(jwks.keys.length).toBeGreaterThan(0);
      for (const key of jwks.keys) {
        expect(key.kid).toEqual(expect.any(String));
        for (const secret of ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k'])
          expect(key).not.toHaveProperty(secret);
      }
      kids.push(jwks.keys.map((key) => key.kid as string));
    }
    const [acmeKids = [], globexKids = []] = kids;
    expect(acmeKids.filter((kid) => globexKids.includes(kid))).toEqual([]);
  });

  it('answers an unknown tenant with 404 JSON for programs', async () => {
    const response = await fetch(`${op.server.url}/nobody/.well-known/openid-configuration`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toMatchObject({ error: 'not_found' });
  });

  it('answers an unknown tenant with a 404 HTML page for browsers', async () => {
    const response = await fetch(`${op.server.url}/nobody/authorize?client_id=x`, {
      headers: { accept: 'text/html,application/xhtml+xml' },
    });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toMatch(/<html/i);
  });

  it('never answers odd paths with a server error', async () => {
    const paths = [
      '/nobody',
      '/nobody/',
      '/nobody/jwks',
      '/nobody/interaction/abc/login',
      '/NOBODY/jwks',
      '/-bad-/jwks',
      '/acme/interaction/x/unknown',
      '/acme/register/nope',
      '/acme/%ff',
      '/_next/nothing-here.js',
      '/.well-known/openid-configuration',
    ];
    for (const path of paths) {
      for (const accept of ['application/json', 'text/html']) {
        const response = await fetch(`${op.server.url}${path}`, { headers: { accept } });
        expect(response.status, `${path} (${accept})`).toBeLessThan(500);
        await response.body?.cancel();
      }
    }
  });

  it('refuses every endpoint of a disabled tenant with 403', async () => {
    const issuer = op.server.issuer(frozen.slug);
    for (const path of ['/.well-known/openid-configuration', '/jwks', '/authorize', '/token']) {
      const response = await fetch(`${issuer}${path}`);
      expect(response.status, path).toBe(403);
      expect(await response.json()).toMatchObject({ error: 'tenant_disabled' });
    }
    const page = await fetch(`${issuer}/interaction/abc/login`, {
      headers: { accept: 'text/html' },
    });
    expect(page.status).toBe(403);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
  });
});

describe.each(databases())('Health endpoints on $name', (kind) => {
  const op = useOp(kind);

  it('answers /healthz with 200', async () => {
    const response = await fetch(`${op.server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('answers /readyz with 200 ready once migrations are applied', async () => {
    const response = await fetch(`${op.server.url}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ready' });
    expect(response.headers.get('cache-control')).toBe('no-store');
  });
});
