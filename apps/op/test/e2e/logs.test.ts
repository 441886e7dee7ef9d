import * as client from 'openid-client';
import { beforeAll, describe, expect, it } from 'vitest';
import { databases } from '../support/e2e-databases';
import { createTenant, createUser, type UserFixture, withRefreshTokens } from '../support/fixtures';
import { useOp } from '../support/op-harness';
import { asUser, loginWithCode, newBrowser, registerClient } from '../support/relying-party';

describe.each(databases())('Structured request logs on $name', (kind) => {
  const op = useOp(kind, { logLevel: 'info' });
  let slug: string;
  let alice: UserFixture;
  let config: client.Configuration;
  let secrets: string[];

  beforeAll(async () => {
    const tenant = await createTenant(op.db, { settings: withRefreshTokens });
    slug = tenant.slug;
    alice = await createUser(op.db, tenant.id, { login: 'alice' });
    config = await registerClient(op.server.issuer(slug));
    const { tokens, callback } = await loginWithCode(config, newBrowser(), asUser(alice));
    const refreshed = await client.refreshTokenGrant(config, tokens.refresh_token as string);
    await client.fetchUserInfo(config, refreshed.access_token, tokens.claims()!.sub);
    secrets = [
      alice.password,
      config.clientMetadata().client_secret as string,
      callback.searchParams.get('code') as string,
      tokens.access_token,
      tokens.refresh_token as string,
      tokens.id_token as string,
      refreshed.access_token,
    ];
  });

  const requestLines = () =>
    op.server
      .logs()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => line.msg === 'request');

  it('writes one JSON line per request with request id, tenant, client, status and duration', () => {
    const token = requestLines().find((line) => line.path === `/${slug}/token`);
    expect(token).toMatchObject({
      level: 'info',
      requestId: expect.any(String),
      tenant: slug,
      client: config.clientMetadata().client_id,
      method: 'POST',
      status: 200,
      ms: expect.any(Number),
    });
  });

  it('never writes a password, client secret, code or token', () => {
    const output = op.server.logs();
    expect(requestLines().length).toBeGreaterThan(5);
    for (const secret of secrets) {
      expect(secret.length).toBeGreaterThan(3);
      expect(output.includes(secret), 'a secret reached the log').toBe(false);
    }
  });

  it('keeps query strings out of the logged path', () => {
    const authorize = requestLines().find((line) => line.path === `/${slug}/authorize`);
    expect(authorize).toBeDefined();
    expect(requestLines().every((line) => !String(line.path).includes('?'))).toBe(true);
  });
});
