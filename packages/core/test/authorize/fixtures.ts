/**
 * Hand-built validated requests, so `authorize()` is tested on its own, as pyOP's
 * TestProviderAuthorize does (it calls `authorize` on a parsed request).
 */
import { createLocalJWKSet, type JWTPayload, jwtVerify } from 'jose';
import { expect } from 'vitest';
import type { AuthenticationRequest } from '../../src/authorization/request.js';
import type { Provider } from '../../src/provider.js';
import type { ClaimsRequest, ResponseType } from '../../src/types.js';
import { ISSUER, NOW } from '../support/harness.js';

/** pyOP's default authentication request, adapted to client1's registered redirect URI. */
export async function buildRequest(
  provider: Provider,
  overrides: Partial<AuthenticationRequest> & { claims?: ClaimsRequest } = {},
  clientId = 'client1',
): Promise<AuthenticationRequest> {
  const client = (await provider.context.stores.clients.get(clientId))!;
  const responseType: ResponseType = overrides.responseType ?? 'code';
  const scope = overrides.scope ?? ['openid'];
  const request: AuthenticationRequest = {
    client,
    clientId,
    redirectUri: client.metadata.redirect_uris[0]!,
    responseType,
    responseMode: responseType === 'code' ? 'query' : 'fragment',
    scope,
    state: 'state',
    nonce: 'nonce',
    prompt: new Set(),
    params: {},
    ...overrides,
  };
  request.params = {
    client_id: clientId,
    redirect_uri: request.redirectUri,
    response_type: responseType,
    scope: scope.join(' '),
    ...overrides.params,
  };
  return request;
}

/** Verifies an ID token against the provider's JWKS with jose. */
export async function verifyIdToken(provider: Provider, token: string, audience = 'client1') {
  return jwtVerify(token, createLocalJWKSet(provider.jwks), {
    issuer: ISSUER,
    audience,
    currentDate: new Date(NOW * 1000),
  });
}

/** pyOP `assert_id_token_base_claims`: signature, nonce, iss, sub -> user1, iat, exp, aud. */
export async function assertIdTokenBaseClaims(
  provider: Provider,
  token: string,
): Promise<JWTPayload> {
  const { payload } = await verifyIdToken(provider, token);
  expect(payload.nonce).toBe('nonce');
  expect(payload.iss).toBe(ISSUER);
  expect(await provider.context.stores.subjects.findUserId(payload.sub!)).toBe('user1');
  expect(payload.iat).toBe(NOW);
  expect(payload.exp).toBe(NOW + provider.context.settings.lifetimes.idToken);
  expect([payload.aud].flat()).toContain('client1');
  return payload;
}
