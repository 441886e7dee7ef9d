import * as jose from 'jose';
import * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALLBACK, putClient, type RunningOp, startOp } from './op-server.js';
import { discoverAs, INSECURE, loginWithCode, newBrowser, oauthErrorOf } from './relying-party.js';

let op: RunningOp;
let config: client.Configuration;

beforeAll(async () => {
  op = await startOp();
  await putClient(op, 'api-app', {}, 'api-secret');
  await putClient(op, 'other-app', {}, 'other-secret');
  config = await discoverAs(op, 'api-app', 'api-secret');
});

afterAll(async () => {
  await op?.close();
});

describe('Token introspection (RFC 7662) and revocation (RFC 7009) through openid-client', () => {
  it('reports an access token active, then inactive once it was revoked', async () => {
    const { tokens } = await loginWithCode(config, newBrowser(op), { scope: 'openid email' });
    const before = await client.tokenIntrospection(config, tokens.access_token);
    expect(before.active).toBe(true);
    expect(before.client_id).toBe('api-app');
    expect(before.sub).toBe(tokens.claims()?.sub);
    expect(before.scope?.split(' ').sort()).toEqual(['email', 'openid']);
    await client.tokenRevocation(config, tokens.access_token);
    const after = await client.tokenIntrospection(config, tokens.access_token);
    expect(after).toEqual({ active: false });
  });

  it('revokes a refresh token so the refresh grant then fails with invalid_grant', async () => {
    const { tokens } = await loginWithCode(config, newBrowser(op), {
      scope: 'openid offline_access',
      params: { prompt: 'consent' },
    });
    await client.tokenRevocation(config, tokens.refresh_token!, {
      token_type_hint: 'refresh_token',
    });
    expect(await oauthErrorOf(client.refreshTokenGrant(config, tokens.refresh_token!))).toBe(
      'invalid_grant',
    );
  });

  it('answers revocation of an unknown token with success (RFC 7009 2.2)', async () => {
    await expect(client.tokenRevocation(config, 'not-a-token')).resolves.toBeUndefined();
  });

  it('does not let another client revoke a token it does not own', async () => {
    const { tokens } = await loginWithCode(config, newBrowser(op));
    const other = await discoverAs(op, 'other-app', 'other-secret');
    await client.tokenRevocation(other, tokens.access_token).catch(() => undefined);
    expect((await client.tokenIntrospection(config, tokens.access_token)).active).toBe(true);
  });

  it('refuses introspection with a wrong client secret as invalid_client', async () => {
    const wrong = await discoverAs(op, 'api-app', 'not-the-secret');
    expect(await oauthErrorOf(client.tokenIntrospection(wrong, 'anything'))).toBe('invalid_client');
  });
});

describe('Client credentials grant (RFC 6749 4.4) through openid-client', () => {
  it('issues an access token for the client itself, without an ID token or refresh token', async () => {
    const tokens = await client.clientCredentialsGrant(config, { scope: 'email' });
    expect(tokens.access_token).toEqual(expect.any(String));
    expect(tokens.token_type.toLowerCase()).toBe('bearer');
    expect(tokens.id_token).toBeUndefined();
    expect(tokens.refresh_token).toBeUndefined();
    const introspected = await client.tokenIntrospection(config, tokens.access_token);
    expect(introspected.active).toBe(true);
    expect(introspected.client_id).toBe('api-app');
  });

  it('refuses a client with a wrong secret as invalid_client', async () => {
    const wrong = await discoverAs(op, 'api-app', 'not-the-secret');
    expect(await oauthErrorOf(client.clientCredentialsGrant(wrong))).toBe('invalid_client');
  });
});

describe('private_key_jwt client authentication (OIDC Core 9, RFC 7523)', () => {
  it('registers an ES256 public key and authenticates the token request with a signed assertion', async () => {
    const { publicKey, privateKey } = await jose.generateKeyPair('ES256', { extractable: true });
    const jwk = { ...(await jose.exportJWK(publicKey)), kid: 'rp-key-1', alg: 'ES256', use: 'sig' };
    const registered = await client.dynamicClientRegistration(
      new URL(op.issuer),
      {
        redirect_uris: [CALLBACK],
        response_types: ['code'],
        grant_types: ['authorization_code', 'client_credentials'],
        token_endpoint_auth_method: 'private_key_jwt',
        token_endpoint_auth_signing_alg: 'ES256',
        jwks: { keys: [jwk] },
      },
      client.PrivateKeyJwt({ key: privateKey, kid: 'rp-key-1' }),
      INSECURE,
    );
    expect(registered.clientMetadata().client_secret).toBeUndefined();
    const { tokens } = await loginWithCode(registered, newBrowser(op));
    expect(tokens.claims()?.aud).toBe(registered.clientMetadata().client_id);
    const machine = await client.clientCredentialsGrant(registered);
    expect(machine.access_token).toEqual(expect.any(String));
  });

  it('refuses an assertion signed by a key that was not registered as invalid_client', async () => {
    const registeredKey = await jose.generateKeyPair('ES256', { extractable: true });
    const jwk = { ...(await jose.exportJWK(registeredKey.publicKey)), kid: 'k1', alg: 'ES256' };
    const registered = await client.dynamicClientRegistration(
      new URL(op.issuer),
      {
        redirect_uris: [CALLBACK],
        response_types: ['code'],
        grant_types: ['authorization_code', 'client_credentials'],
        token_endpoint_auth_method: 'private_key_jwt',
        jwks: { keys: [jwk] },
      },
      client.PrivateKeyJwt({ key: registeredKey.privateKey, kid: 'k1' }),
      INSECURE,
    );
    const intruder = await jose.generateKeyPair('ES256');
    const forged = await client.discovery(
      new URL(op.issuer),
      registered.clientMetadata().client_id,
      {},
      client.PrivateKeyJwt({ key: intruder.privateKey, kid: 'k1' }),
      INSECURE,
    );
    expect(await oauthErrorOf(client.clientCredentialsGrant(forged))).toBe('invalid_client');
  });
});
