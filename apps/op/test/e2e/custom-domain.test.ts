import { request } from 'node:http';
import { beforeAll, describe, expect, it } from 'vitest';
import { databases } from '../support/e2e-databases';
import { createTenant, type TenantFixture } from '../support/fixtures';
import { useOp } from '../support/op-harness';

/** A GET to the test server with the Host header a browser on `host` would send. */
function getWithHost(
  url: string,
  host: string,
): Promise<{
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: target.port, path: target.pathname, headers: { host } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            headers: res.headers,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe.each(databases())('Custom domains on $name', (kind) => {
  const op = useOp(kind);
  let acme: TenantFixture;
  let host: string;

  beforeAll(async () => {
    acme = await createTenant(op.db, { slug: 'acme-custom' });
    // `*.localhost` is a local development host, so the issuer uses http.
    await op.db.tenantDomain.create({ data: { domain: 'id.acme.localhost', tenantId: acme.id } });
    host = `id.acme.localhost:${new URL(op.server.url).port}`;
  });

  it('serves the tenant at the custom origin with that origin as its issuer', async () => {
    const response = await getWithHost(`${op.server.url}/.well-known/openid-configuration`, host);
    expect(response.status).toBe(200);
    const metadata = JSON.parse(response.body) as Record<string, string>;
    expect(metadata.issuer).toBe(`http://${host}`);
    expect(metadata.token_endpoint).toBe(`http://${host}/token`);
    expect(metadata.jwks_uri).toBe(`http://${host}/jwks`);
  });

  it('publishes the same keys at the custom origin as under the path-based issuer', async () => {
    const custom = await getWithHost(`${op.server.url}/jwks`, host);
    const pathBased = await fetch(`${op.server.issuer(acme.slug)}/jwks`);
    expect(custom.status).toBe(200);
    expect(JSON.parse(custom.body)).toEqual(await pathBased.json());
  });

  it("serves the tenant's pages and Next's assets on the custom origin", async () => {
    const page = await getWithHost(`${op.server.url}/error?code=interaction_expired`, host);
    expect(page.status).toBe(400);
    expect(page.body).toContain('role="alert"');
    const stylesheet = /href="(\/_next\/static\/[^"]+\.css)"/.exec(page.body)?.[1];
    expect(stylesheet).toBeDefined();
    const asset = await getWithHost(`${op.server.url}${stylesheet}`, host);
    expect(asset.status).toBe(200);
  });

  it('answers an unknown host by path-based routing, never as another tenant', async () => {
    const response = await getWithHost(
      `${op.server.url}/.well-known/openid-configuration`,
      `unknown.localhost:${new URL(op.server.url).port}`,
    );
    expect(response.status).not.toBe(200);
    expect(response.status).toBeLessThan(500);
  });
});
