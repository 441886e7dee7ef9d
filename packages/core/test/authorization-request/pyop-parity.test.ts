/**
 * pyOP's tests for authentication request parsing (spec 11: TestProviderParseAuthenticationRequest,
 * TestAuthenticationRequestValidators, test_exceptions, test_util), ported to this API. Where pyOP
 * only asserted the exception class, these assert the OAuth error code and the redirect.
 */
import { describe, expect, it } from 'vitest';
import { InvalidAuthenticationRequest, InvalidRedirectURI, OAuthError } from '../../src/errors.js';
import type { ClientRecord } from '../../src/types.js';
import { createTestProvider, ISSUER, NOW, putClient } from '../support/harness.js';
import { authParams, errorRedirectOf, errorUrlOf, REDIRECT_URI, rejectionOf } from './helpers.js';

describe('pyOP TestProviderParseAuthenticationRequest', () => {
  it('parses a valid request and keeps the received parameters', async () => {
    const { provider } = await createTestProvider();
    const params = authParams();
    const request = await provider.parseAuthenticationRequest(params);
    expect(request.params).toEqual(params);
    expect(request.clientId).toBe('client1');
    expect(request.responseType).toBe('code');
    expect(request.scope).toEqual(['openid']);
    expect(request.state).toBe('state');
    expect(request.nonce).toBe('nonce');
  });

  it('rejects a request without redirect_uri and does not redirect', async () => {
    const { provider } = await createTestProvider();
    const error = await rejectionOf(
      provider.parseAuthenticationRequest(authParams({ redirect_uri: undefined })),
    );
    expect(error).toBeInstanceOf(InvalidRedirectURI);
    expect(error.error).toBe('invalid_request');
    expect(errorUrlOf(error)).toBeUndefined();
  });

  it('rejects a scope without openid with invalid_scope sent to the client', async () => {
    const { provider } = await createTestProvider();
    const error = await rejectionOf(
      provider.parseAuthenticationRequest(authParams({ scope: 'foobar' })),
    );
    expect(error.error).toBe('invalid_scope');
    expect(errorRedirectOf(error)).toEqual({
      base: REDIRECT_URI,
      mode: 'query',
      params: {
        error: 'invalid_scope',
        error_description: error.message,
        state: 'state',
        iss: ISSUER,
      },
    });
  });

  it('propagates the error a custom validator throws, with its cause', async () => {
    const { provider } = await createTestProvider();
    const cause = new Error('custom reason');
    const custom = new InvalidAuthenticationRequest(
      'access_denied',
      'Custom rejection',
      undefined,
      {
        cause,
      },
    );
    provider.authenticationRequestValidators.push(() => {
      throw custom;
    });
    const error = await rejectionOf(provider.parseAuthenticationRequest(authParams()));
    expect(error).toBe(custom);
    expect(error.cause).toBe(cause);
    expect(errorRedirectOf(error).params.error).toBe('access_denied');
  });

  it('rejects a redirect_uri that is not registered and does not redirect', async () => {
    const { provider } = await createTestProvider();
    const error = await rejectionOf(
      provider.parseAuthenticationRequest(
        authParams({ redirect_uri: 'https://something.example.com' }),
      ),
    );
    expect(error).toBeInstanceOf(InvalidRedirectURI);
    expect(errorUrlOf(error)).toBeUndefined();
  });

  it('rejects a response_type the client did not register with unauthorized_client', async () => {
    const { provider, stores } = await createTestProvider();
    await putClient(stores, 'code-only', { response_types: ['code'] }, 'secret');
    const error = await rejectionOf(
      provider.parseAuthenticationRequest(
        authParams({ client_id: 'code-only', response_type: 'id_token' }),
      ),
    );
    expect(error.error).toBe('unauthorized_client');
    expect(errorRedirectOf(error).mode).toBe('fragment');
  });

  it('rejects an unknown client_id and does not redirect', async () => {
    const { provider } = await createTestProvider();
    const error = await rejectionOf(
      provider.parseAuthenticationRequest(authParams({ client_id: 'unknown' })),
    );
    expect(error).toBeInstanceOf(InvalidAuthenticationRequest);
    expect(error.error).toBe('invalid_request');
    expect(errorUrlOf(error)).toBeUndefined();
  });

  it('rejects userinfo claims when response_type is id_token', async () => {
    const { provider } = await createTestProvider();
    const error = await rejectionOf(
      provider.parseAuthenticationRequest(
        authParams({ response_type: 'id_token', claims: '{"userinfo":{"nickname":null}}' }),
      ),
    );
    expect(error.error).toBe('invalid_request');
    expect(errorRedirectOf(error).mode).toBe('fragment');
  });

  it('accepts a registered space-separated response type given in another word order', async () => {
    const { provider, stores } = await createTestProvider();
    await putClient(stores, 'implicit', { response_types: ['id_token token'] }, 'secret');
    const request = await provider.parseAuthenticationRequest(
      authParams({ client_id: 'implicit', response_type: 'token id_token' }),
    );
    expect(request.responseType).toBe('id_token token');
  });
});

describe('pyOP TestAuthenticationRequestValidators', () => {
  async function providerWithBareClient(metadata: Record<string, unknown>) {
    const setup = await createTestProvider();
    const record = {
      clientId: 'bare',
      metadata,
      issuedAt: NOW,
      secretExpiresAt: 0,
    } as unknown as ClientRecord;
    await setup.stores.clients.create(record);
    return setup;
  }

  it('rejects a client without registered redirect_uris and does not redirect', async () => {
    const { provider } = await providerWithBareClient({});
    const error = await rejectionOf(
      provider.parseAuthenticationRequest(authParams({ client_id: 'bare' })),
    );
    expect(error).toBeInstanceOf(InvalidRedirectURI);
    expect(errorUrlOf(error)).toBeUndefined();
  });

  it('rejects a client without registered response_types with unauthorized_client', async () => {
    const { provider } = await providerWithBareClient({ redirect_uris: [REDIRECT_URI] });
    const error = await rejectionOf(
      provider.parseAuthenticationRequest(authParams({ client_id: 'bare' })),
    );
    expect(error.error).toBe('unauthorized_client');
    expect(errorRedirectOf(error).base).toBe(REDIRECT_URI);
  });

  it('does not substring-match redirect_uris stored as a string, as pyOP did', async () => {
    const { provider } = await providerWithBareClient({
      redirect_uris: 'https://client.example.com/cb/and/more',
      response_types: ['code'],
    });
    const error = await rejectionOf(
      provider.parseAuthenticationRequest(authParams({ client_id: 'bare' })),
    );
    expect(error).toBeInstanceOf(InvalidRedirectURI);
  });
});

describe('pyOP TestInvalidAuthenticationRequest (test_exceptions)', () => {
  it('puts the state of the request into the error URL', () => {
    const error = new InvalidAuthenticationRequest('invalid_request', 'bad', {
      redirectUri: 'https://rp.example.com/test_redirect_uri',
      responseMode: 'query',
      state: 'test_state',
      issuer: ISSUER,
    });
    const url = new URL(error.toErrorUrl() as string);
    expect(url.searchParams.get('state')).toBe('test_state');
  });

  it('has no error URL when there is nowhere trusted to send it', async () => {
    // pyOP: no response_type, no URL. Here an error has a target only once the client and the
    // redirect URI are validated; a missing response_type is then redirected (RFC 6749 4.1.2.1).
    const error = new InvalidAuthenticationRequest('invalid_request', 'bad');
    expect(error.toErrorUrl()).toBeUndefined();
    const { provider } = await createTestProvider();
    const missing = await rejectionOf(
      provider.parseAuthenticationRequest(authParams({ response_type: undefined })),
    );
    expect(missing.error).toBe('invalid_request');
    expect(errorRedirectOf(missing).mode).toBe('query');
  });
});

describe('pyOP TestShouldFragmentEncode (test_util)', () => {
  const cases = [
    ['code', 'query'],
    ['id_token', 'fragment'],
    ['id_token token', 'fragment'],
    ['code id_token', 'fragment'],
    ['code token', 'fragment'],
    ['code id_token token', 'fragment'],
  ] as const;

  it.each(cases)('delivers %s responses with %s encoding by default', async (type, mode) => {
    const { provider } = await createTestProvider();
    const request = await provider.parseAuthenticationRequest(authParams({ response_type: type }));
    expect(request.responseMode).toBe(mode);
  });

  it.each(cases)('delivers %s errors with %s encoding by default', async (type, mode) => {
    const { provider } = await createTestProvider();
    const error = await rejectionOf(
      provider.parseAuthenticationRequest(authParams({ response_type: type, prompt: 'bogus' })),
    );
    expect(error).toBeInstanceOf(OAuthError);
    expect(errorRedirectOf(error).mode).toBe(mode);
  });
});
