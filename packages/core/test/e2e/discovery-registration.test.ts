import * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALLBACK, POST_LOGOUT, type RunningOp, startOp } from './op-server.js';
import { INSECURE, loginWithCode, newBrowser } from './relying-party.js';

let op: RunningOp;

beforeAll(async () => {
  op = await startOp();
});

afterAll(async () => {
  await op?.close();
});

describe('OpenID Connect Discovery 1.0 with openid-client', () => {
  it('discovers the issuer and every endpoint under the tenant path', async () => {
    const config = await client.discovery(
      new URL(op.issuer),
      'anyone',
      undefined,
      client.None(),
      INSECURE,
    );
    const metadata = config.serverMetadata();
    expect(metadata.issuer).toBe(op.issuer);
    expect(metadata.authorization_endpoint).toBe(`${op.issuer}/authorize`);
    expect(metadata.token_endpoint).toBe(`${op.issuer}/token`);
    expect(metadata.jwks_uri).toBe(`${op.issuer}/jwks`);
    expect(metadata.userinfo_endpoint).toBe(`${op.issuer}/userinfo`);
    expect(metadata.registration_endpoint).toBe(`${op.issuer}/register`);
    expect(metadata.end_session_endpoint).toBe(`${op.issuer}/logout`);
    expect(metadata.code_challenge_methods_supported).toContain('S256');
  });

  it('publishes a JWKS with a public key for every signing algorithm and no private parts', async () => {
    const response = await fetch(`${op.issuer}/jwks`);
    expect(response.status).toBe(200);
    const jwks = (await response.json()) as { keys: Record<string, unknown>[] };
    expect(jwks.keys.map((key) => key.alg).sort()).toEqual(['ES256', 'EdDSA', 'RS256']);
    for (const key of jwks.keys) {
      expect(key.kid).toEqual(expect.any(String));
      expect(key).not.toHaveProperty('d');
    }
  });
});

describe('OpenID Connect Dynamic Client Registration 1.0 with openid-client', () => {
  it('registers a client that then completes a code flow with its issued secret', async () => {
    const config = await client.dynamicClientRegistration(
      new URL(op.issuer),
      {
        redirect_uris: [CALLBACK],
        post_logout_redirect_uris: [POST_LOGOUT],
        response_types: ['code'],
        grant_types: ['authorization_code', 'refresh_token'],
        token_endpoint_auth_method: 'client_secret_basic',
        client_name: 'E2E registered client',
      },
      client.ClientSecretBasic(),
      INSECURE,
    );
    const registered = config.clientMetadata();
    expect(registered.client_id).toEqual(expect.any(String));
    expect(registered.client_secret).toEqual(expect.any(String));
    expect(registered.redirect_uris).toEqual([CALLBACK]);
    expect(registered.token_endpoint_auth_method).toBe('client_secret_basic');
    // openid-client keeps the issued secret and uses it for ClientSecretBasic from now on.
    const { tokens } = await loginWithCode(config, newBrowser(op));
    expect(tokens.token_type.toLowerCase()).toBe('bearer');
    expect(tokens.claims()?.aud).toBe(registered.client_id);
  });

  it('rejects registration metadata with a fragment in a redirect URI as invalid_redirect_uri', async () => {
    const error = await client
      .dynamicClientRegistration(
        new URL(op.issuer),
        { redirect_uris: [`${CALLBACK}#frag`] },
        client.None(),
        INSECURE,
      )
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(client.ResponseBodyError);
    expect((error as client.ResponseBodyError).error).toBe('invalid_redirect_uri');
    expect((error as client.ResponseBodyError).status).toBe(400);
  });
});
