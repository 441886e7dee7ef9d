/**
 * pyOP defects in authentication request handling (spec 12: PR 64 and defects 2, 9, 10, 11, 14)
 * and the behaviour the OpenID Connect / OAuth specifications require instead.
 */
import { importJWK, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { InvalidAuthenticationRequest, OAuthError } from '../../src/errors.js';
import { generateKeyRecord } from '../../src/keys/key-set.js';
import { defaultRandom } from '../../src/tokens/random.js';
import { createTestProvider, ISSUER, NOW, putClient } from '../support/harness.js';
import { authParams, errorRedirectOf, errorUrlOf, REDIRECT_URI, rejectionOf } from './helpers.js';

describe('Open redirect before client validation (pyOP PR 64, defect 9)', () => {
  it('never redirects an unknown client, even to a URI another client registered', async () => {
    const { provider } = await createTestProvider();
    const error = await rejectionOf(
      provider.parseAuthenticationRequest(
        authParams({ client_id: 'unknown', scope: 'foobar', nonce: undefined }),
      ),
    );
    expect(error.error).toBe('invalid_request');
    expect(errorUrlOf(error)).toBeUndefined();
    expect((error as InvalidAuthenticationRequest).target).toBeUndefined();
  });

  it('never redirects a request without client_id', async () => {
    const { provider } = await createTestProvider();
    const error = await rejectionOf(
      provider.parseAuthenticationRequest(authParams({ client_id: undefined })),
    );
    expect(error.error).toBe('invalid_request');
    expect(errorUrlOf(error)).toBeUndefined();
  });

  it.each([
    'https://attacker.example.net/cb',
    `${REDIRECT_URI}/`,
    `${REDIRECT_URI}?x=1`,
    'https://CLIENT.example.com/cb',
  ])('never redirects to the unregistered redirect_uri %s, even with other errors', async (uri) => {
    const { provider } = await createTestProvider();
    const error = await rejectionOf(
      provider.parseAuthenticationRequest(
        authParams({ redirect_uri: uri, scope: 'profile', response_type: 'id_token' }),
      ),
    );
    expect(error.error).toBe('invalid_request');
    expect(errorUrlOf(error)).toBeUndefined();
    expect((error as InvalidAuthenticationRequest).target).toBeUndefined();
  });
});

describe('Authorization error response format (defect 10, RFC 6749 4.1.2.1, RFC 9207)', () => {
  it('sends error and error_description, not error_message, with state and iss', async () => {
    const { provider } = await createTestProvider();
    const error = await rejectionOf(
      provider.parseAuthenticationRequest(authParams({ prompt: 'none login' })),
    );
    const redirect = errorRedirectOf(error);
    expect(Object.keys(redirect.params).sort()).toEqual(
      ['error', 'error_description', 'iss', 'state'].sort(),
    );
    expect(redirect.params).toMatchObject({
      error: 'invalid_request',
      state: 'state',
      iss: ISSUER,
    });
  });

  it('leaves state out of the error when the request had none', async () => {
    const { provider } = await createTestProvider();
    const error = await rejectionOf(
      provider.parseAuthenticationRequest(authParams({ state: undefined, scope: 'email' })),
    );
    expect(errorRedirectOf(error).params).toEqual({
      error: 'invalid_scope',
      error_description: error.message,
      iss: ISSUER,
    });
  });
});

describe('Malformed input gives OAuth errors, not raw exceptions (defect 11)', () => {
  it('rejects duplicated parameters with invalid_request and no redirect', async () => {
    const { provider } = await createTestProvider();
    const query = `${new URLSearchParams(authParams())}&scope=openid`;
    const error = await rejectionOf(provider.parseAuthenticationRequest(query));
    expect(error.error).toBe('invalid_request');
    expect(errorUrlOf(error)).toBeUndefined();
  });

  it('rejects a claims parameter that is not JSON with invalid_request sent to the client', async () => {
    const { provider } = await createTestProvider();
    const error = await rejectionOf(
      provider.parseAuthenticationRequest(authParams({ claims: '{"id_token":' })),
    );
    expect(error.error).toBe('invalid_request');
    expect(errorRedirectOf(error).params.state).toBe('state');
  });

  it('rejects a non-integer max_age with invalid_request sent to the client', async () => {
    const { provider } = await createTestProvider();
    const error = await rejectionOf(
      provider.parseAuthenticationRequest(authParams({ max_age: 'ten' })),
    );
    expect(error.error).toBe('invalid_request');
    expect(errorRedirectOf(error).base).toBe(REDIRECT_URI);
  });

  it('rejects prompt none combined with login with invalid_request sent to the client', async () => {
    const { provider } = await createTestProvider();
    const error = await rejectionOf(
      provider.parseAuthenticationRequest(authParams({ prompt: 'none login' })),
    );
    expect(error.error).toBe('invalid_request');
    expect(errorRedirectOf(error).mode).toBe('query');
  });
});

describe('id_token_hint verification (defects 5 and 11)', () => {
  it('accepts a signed ID token this provider issued, even expired, and keeps sub and sid', async () => {
    const { provider } = await createTestProvider();
    const hint = await provider.context.keys.sign(
      {
        iss: ISSUER,
        sub: 'subject-1',
        aud: 'client1',
        sid: 'session-1',
        iat: NOW - 7200,
        exp: NOW - 3600,
      },
      'RS256',
    );
    const request = await provider.parseAuthenticationRequest(authParams({ id_token_hint: hint }));
    expect(request.idTokenHint).toEqual({ sub: 'subject-1', sid: 'session-1' });
  });

  it('rejects an unsigned (alg none) hint with invalid_request', async () => {
    const { provider } = await createTestProvider();
    const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const hint = `${encode({ alg: 'none' })}.${encode({ iss: ISSUER, sub: 'victim', aud: 'client1' })}.`;
    const error = await rejectionOf(
      provider.parseAuthenticationRequest(authParams({ id_token_hint: hint })),
    );
    expect(error.error).toBe('invalid_request');
    expect(errorRedirectOf(error).base).toBe(REDIRECT_URI);
  });

  it('rejects a hint signed with a key this provider does not publish', async () => {
    const { provider } = await createTestProvider();
    const foreign = await generateKeyRecord('RS256', { clock: () => NOW, random: defaultRandom });
    const hint = await new SignJWT({ iss: ISSUER, sub: 'victim', aud: 'client1' })
      .setProtectedHeader({ alg: 'RS256', kid: foreign.kid })
      .sign(await importJWK(foreign.privateJwk, 'RS256'));
    const error = await rejectionOf(
      provider.parseAuthenticationRequest(authParams({ id_token_hint: hint })),
    );
    expect(error.error).toBe('invalid_request');
  });

  it('rejects a hint from another issuer and garbage with invalid_request', async () => {
    const { provider } = await createTestProvider();
    const otherIssuer = await provider.context.keys.sign(
      { iss: 'https://other.example.com', sub: 'victim', aud: 'client1' },
      'RS256',
    );
    for (const hint of [otherIssuer, 'not.a.jwt', 'garbage']) {
      const error = await rejectionOf(
        provider.parseAuthenticationRequest(authParams({ id_token_hint: hint })),
      );
      expect(error).toBeInstanceOf(InvalidAuthenticationRequest);
      expect(error.error).toBe('invalid_request');
    }
  });
});

describe('Requested sub in the claims parameter (defect 2)', () => {
  it('accepts a claims request for one specific sub', async () => {
    const { provider } = await createTestProvider();
    const claims = JSON.stringify({ id_token: { sub: { value: 'subject-1' } } });
    const request = await provider.parseAuthenticationRequest(authParams({ claims }));
    expect(request.claims?.id_token?.sub).toEqual({ value: 'subject-1' });
  });

  it('rejects two different requested subs with invalid_request', async () => {
    const { provider } = await createTestProvider();
    const claims = JSON.stringify({
      id_token: { sub: { value: 'nomatch1' } },
      userinfo: { sub: { value: 'nomatch2' } },
    });
    const error = await rejectionOf(provider.parseAuthenticationRequest(authParams({ claims })));
    expect(error.error).toBe('invalid_request');
    expect(errorRedirectOf(error).base).toBe(REDIRECT_URI);
  });
});

describe('Request objects are not supported, and say so (defect 14, OIDC Core 6)', () => {
  it('rejects the request parameter with request_not_supported', async () => {
    const { provider } = await createTestProvider();
    const error = await rejectionOf(
      provider.parseAuthenticationRequest(authParams({ request: 'eyJhbGciOiJub25lIn0.e30.' })),
    );
    expect(error.error).toBe('request_not_supported');
    expect(errorRedirectOf(error).params.state).toBe('state');
  });

  it('rejects the request_uri parameter with request_uri_not_supported', async () => {
    const { provider } = await createTestProvider();
    const error = await rejectionOf(
      provider.parseAuthenticationRequest(
        authParams({ request_uri: 'https://client.example.com/request.jwt' }),
      ),
    );
    expect(error.error).toBe('request_uri_not_supported');
    expect(errorRedirectOf(error).base).toBe(REDIRECT_URI);
  });
});

describe('Nonce only where OIDC requires it (pyOP asked it for code token)', () => {
  it('accepts code token without a nonce', async () => {
    const { provider, stores } = await createTestProvider();
    await putClient(stores, 'hybrid', {}, 'secret');
    const request = await provider.parseAuthenticationRequest(
      authParams({ client_id: 'hybrid', response_type: 'code token', nonce: undefined }),
    );
    expect(request.nonce).toBeUndefined();
    expect(request).not.toBeInstanceOf(OAuthError);
  });
});
