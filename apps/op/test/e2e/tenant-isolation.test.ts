import * as jose from 'jose';
import * as client from 'openid-client';
import { beforeAll, describe, expect, it } from 'vitest';
import { databases } from '../support/e2e-databases';
import {
  createTenant,
  createUser,
  type TenantFixture,
  type UserFixture,
  withRefreshTokens,
} from '../support/fixtures';
import { useOp } from '../support/op-harness';
import {
  asUser,
  callbackOf,
  codeAuthorization,
  describeOutcome,
  INSECURE,
  loginWithCode,
  newBrowser,
  oauthErrorOf,
  registerClient,
} from '../support/relying-party';

describe.each(databases())('Tenant isolation between two tenants of one OP on $name', (kind) => {
  const op = useOp(kind);
  let tenantA: TenantFixture;
  let tenantB: TenantFixture;
  let aliceAtA: UserFixture;
  let clientOfA: client.Configuration;
  /** Registered at A only. */
  let onlyAtA: client.Configuration;
  let clientOfB: client.Configuration;
  /** A's client registered at B too, with the same id and secret: only the tenant differs. */
  let twinAtB: client.Configuration;

  beforeAll(async () => {
    tenantA = await createTenant(op.db, { settings: withRefreshTokens });
    tenantB = await createTenant(op.db, { settings: withRefreshTokens });
    aliceAtA = await createUser(op.db, tenantA.id, { login: 'alice' });
    await createUser(op.db, tenantB.id, { login: 'bob' });
    clientOfA = await registerClient(op.server.issuer(tenantA.slug));
    onlyAtA = await registerClient(op.server.issuer(tenantA.slug), {
      grant_types: ['authorization_code', 'client_credentials'],
    });
    clientOfB = await registerClient(op.server.issuer(tenantB.slug));
    const { client_id, client_secret } = clientOfA.clientMetadata();
    const row = await op.db.client.findUniqueOrThrow({
      where: { tenantId_clientId: { tenantId: tenantA.id, clientId: client_id } },
    });
    await op.db.client.create({
      data: { ...row, tenantId: tenantB.id, metadata: row.metadata ?? {} },
    });
    twinAtB = await client.discovery(
      new URL(op.server.issuer(tenantB.slug)),
      client_id,
      { redirect_uris: clientOfA.clientMetadata().redirect_uris },
      client.ClientSecretBasic(client_secret as string),
      INSECURE,
    );
  });

  it("does not know A's client at B: the authorization endpoint shows an error page", async () => {
    const { url } = await codeAuthorization(onlyAtA);
    const atB = new URL(url.href.replace(`/${tenantA.slug}/`, `/${tenantB.slug}/`));
    const response = await newBrowser().request(atB);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(response.headers.get('location')).toBeNull();
    await response.body?.cancel();
  });

  it("refuses A's client credentials at B's token endpoint with invalid_client", async () => {
    const { client_id, client_secret } = onlyAtA.clientMetadata();
    const response = await fetch(`${op.server.issuer(tenantB.slug)}/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${client_id}:${client_secret}`).toString('base64')}`,
      },
      body: new URLSearchParams({ grant_type: 'client_credentials' }),
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: 'invalid_client' });
  });

  it("refuses A's code at B's token endpoint, even for a client with the same id and secret", async () => {
    const request = await codeAuthorization(clientOfA);
    const callback = callbackOf(await newBrowser().walk(request.url, asUser(aliceAtA)));
    const checks = { pkceCodeVerifier: request.verifier, expectedState: request.state };
    // The callback's iss names A, which B's configuration would rightly refuse before sending:
    // this RP is confused (or an attacker replays the code at B).
    callback.searchParams.set('iss', op.server.issuer(tenantB.slug));
    expect(await oauthErrorOf(client.authorizationCodeGrant(twinAtB, callback, checks))).toEqual({
      error: 'invalid_grant',
      status: 400,
    });
    // The code itself was good: A still redeems it.
    callback.searchParams.set('iss', op.server.issuer(tenantA.slug));
    const tokens = await client.authorizationCodeGrant(clientOfA, callback, {
      ...checks,
      expectedNonce: request.nonce,
    });
    expect(tokens.access_token).toEqual(expect.any(String));
  });

  it("rejects A's access token at B's userinfo with 401 invalid_token", async () => {
    const { tokens } = await loginWithCode(clientOfA, newBrowser(), asUser(aliceAtA));
    expect(
      await oauthErrorOf(
        client.fetchUserInfo(clientOfB, tokens.access_token, client.skipSubjectCheck),
      ),
    ).toEqual({ error: 'invalid_token', status: 401 });
  });

  it("refuses A's refresh token at B with invalid_grant", async () => {
    const { tokens } = await loginWithCode(clientOfA, newBrowser(), asUser(aliceAtA));
    expect(tokens.refresh_token).toEqual(expect.any(String));
    expect(await oauthErrorOf(client.refreshTokenGrant(twinAtB, tokens.refresh_token!))).toEqual({
      error: 'invalid_grant',
      status: 400,
    });
    expect((await client.tokenIntrospection(twinAtB, tokens.access_token)).active).toBe(false);
  });

  it("does not sign the user in at B with A's session cookie, even when sent there", async () => {
    const browser = newBrowser();
    await loginWithCode(clientOfA, browser, asUser(aliceAtA));
    const session = browser.jar.all().find((cookie) => cookie.name === 'tessera.session');
    expect(session?.path).toBe(`/${tenantA.slug}`);
    // The cookie's Path keeps it at A; replay it at B as if a browser (or a bug) sent it.
    browser.jar.set({ ...session!, path: `/${tenantB.slug}` });
    const { url } = await codeAuthorization(clientOfB);
    const outcome = await browser.walk(url);
    expect(outcome.kind === 'page' && outcome.page, describeOutcome(outcome)).toBe('login');
    const silent = await codeAuthorization(clientOfB, { prompt: 'none' });
    const callback = callbackOf(await browser.walk(silent.url));
    expect(callback.searchParams.get('error')).toBe('login_required');
  });

  it("does not let A's user log in at B", async () => {
    const { url } = await codeAuthorization(clientOfB);
    const outcome = await newBrowser().walk(url, asUser(aliceAtA));
    expect(outcome.kind === 'page' && outcome.page, describeOutcome(outcome)).toBe('login');
    if (outcome.kind !== 'page') return;
    expect(outcome.url.searchParams.get('error')).toBe('invalid_credentials');
  });

  it("fails to verify A's ID token with B's JWKS", async () => {
    const { tokens } = await loginWithCode(clientOfA, newBrowser(), asUser(aliceAtA));
    const jwksOfB = jose.createRemoteJWKSet(new URL(`${op.server.issuer(tenantB.slug)}/jwks`));
    const failure = await jose
      .jwtVerify(tokens.id_token!, jwksOfB)
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(jose.errors.JWKSNoMatchingKey);
    const jwksOfA = jose.createRemoteJWKSet(new URL(`${op.server.issuer(tenantA.slug)}/jwks`));
    await expect(jose.jwtVerify(tokens.id_token!, jwksOfA)).resolves.toBeDefined();
  });
});
