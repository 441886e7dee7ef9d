/**
 * response_type (OIDC Core 3, RFC 6749 4.1.2.1) and response_mode (OAuth 2.0 Multiple Response
 * Type Encoding Practices, Form Post Response Mode).
 */
import { describe, expect, it } from 'vitest';
import { InvalidAuthenticationRequest } from '../../src/errors.js';
import { createTestProvider, ISSUER, putClient } from '../support/harness.js';
import { authParams, errorRedirectOf, errorUrlOf, REDIRECT_URI, rejectionOf } from './helpers.js';

describe('response_type OIDC Core 3', () => {
  it('rejects a missing response_type with invalid_request sent to the client', async () => {
    const { provider } = await createTestProvider();
    const error = await rejectionOf(
      provider.parseAuthenticationRequest(authParams({ response_type: undefined })),
    );
    expect(error.error).toBe('invalid_request');
    expect(errorRedirectOf(error).base).toBe(REDIRECT_URI);
  });

  it.each(['token', 'code code', 'code foo', 'none', 'id_token id_token'])(
    'rejects the non-OIDC response type %j with unsupported_response_type',
    async (type) => {
      const { provider } = await createTestProvider();
      const error = await rejectionOf(
        provider.parseAuthenticationRequest(authParams({ response_type: type })),
      );
      expect(error.error).toBe('unsupported_response_type');
      expect(errorUrlOf(error)).toBeDefined();
    },
  );

  it('normalises the word order to code id_token token', async () => {
    const { provider } = await createTestProvider();
    const request = await provider.parseAuthenticationRequest(
      authParams({ response_type: 'token id_token code' }),
    );
    expect(request.responseType).toBe('code id_token token');
  });

  it('rejects a response type the tenant has not enabled with unsupported_response_type', async () => {
    const { provider } = await createTestProvider({ settings: { responseTypes: ['code'] } });
    const error = await rejectionOf(
      provider.parseAuthenticationRequest(authParams({ response_type: 'id_token' })),
    );
    expect(error.error).toBe('unsupported_response_type');
    expect(errorRedirectOf(error).mode).toBe('fragment');
  });

  it('rejects an implicit response type for a client without the implicit grant', async () => {
    const { provider, stores } = await createTestProvider();
    await putClient(stores, 'no-implicit', { grant_types: ['authorization_code'] }, 'secret');
    const error = await rejectionOf(
      provider.parseAuthenticationRequest(
        authParams({ client_id: 'no-implicit', response_type: 'code id_token' }),
      ),
    );
    expect(error.error).toBe('unauthorized_client');
  });

  it('rejects a code response type for a client without the authorization_code grant', async () => {
    const { provider, stores } = await createTestProvider();
    await putClient(stores, 'implicit-only', { grant_types: ['implicit'] }, 'secret');
    const error = await rejectionOf(
      provider.parseAuthenticationRequest(authParams({ client_id: 'implicit-only' })),
    );
    expect(error.error).toBe('unauthorized_client');
    expect(errorRedirectOf(error).mode).toBe('query');
  });
});

describe('response_mode OAuth 2.0 Multiple Response Type Encoding Practices', () => {
  it('accepts form_post and keeps it for the response and for errors', async () => {
    const { provider } = await createTestProvider();
    const request = await provider.parseAuthenticationRequest(
      authParams({ response_mode: 'form_post' }),
    );
    expect(request.responseMode).toBe('form_post');
    const error = await rejectionOf(
      provider.parseAuthenticationRequest(authParams({ response_mode: 'form_post', prompt: 'x' })),
    );
    expect(error).toBeInstanceOf(InvalidAuthenticationRequest);
    expect((error as InvalidAuthenticationRequest).target).toEqual({
      redirectUri: REDIRECT_URI,
      responseMode: 'form_post',
      state: 'state',
      issuer: ISSUER,
    });
    // form_post errors are an auto-submitting form, not a URL.
    expect(errorUrlOf(error)).toBeUndefined();
  });

  it('accepts fragment for code and delivers later errors in the fragment', async () => {
    const { provider } = await createTestProvider();
    const request = await provider.parseAuthenticationRequest(
      authParams({ response_mode: 'fragment' }),
    );
    expect(request.responseMode).toBe('fragment');
    const error = await rejectionOf(
      provider.parseAuthenticationRequest(authParams({ response_mode: 'fragment', scope: 'x' })),
    );
    expect(errorRedirectOf(error)).toMatchObject({
      mode: 'fragment',
      params: { error: 'invalid_scope' },
    });
  });

  it.each(['id_token', 'id_token token', 'code id_token', 'code token', 'code id_token token'])(
    'refuses response_mode query for %s, which returns tokens',
    async (type) => {
      const { provider } = await createTestProvider();
      const error = await rejectionOf(
        provider.parseAuthenticationRequest(
          authParams({ response_type: type, response_mode: 'query' }),
        ),
      );
      expect(error.error).toBe('invalid_request');
      expect(errorRedirectOf(error).mode).toBe('fragment');
    },
  );

  it('rejects an unknown response_mode, delivered with the default mode', async () => {
    const { provider } = await createTestProvider();
    const code = await rejectionOf(
      provider.parseAuthenticationRequest(authParams({ response_mode: 'query.jwt' })),
    );
    expect(code.error).toBe('invalid_request');
    expect(errorRedirectOf(code).mode).toBe('query');
    const implicit = await rejectionOf(
      provider.parseAuthenticationRequest(
        authParams({ response_type: 'id_token', response_mode: 'bogus' }),
      ),
    );
    expect(errorRedirectOf(implicit).mode).toBe('fragment');
  });

  it('rejects a response_mode the tenant has not enabled', async () => {
    const { provider } = await createTestProvider({
      settings: { responseModes: ['query', 'fragment'] },
    });
    const error = await rejectionOf(
      provider.parseAuthenticationRequest(authParams({ response_mode: 'form_post' })),
    );
    expect(error.error).toBe('invalid_request');
    expect(errorRedirectOf(error).mode).toBe('query');
  });

  it('checks response_mode before the other parameters', async () => {
    const { provider } = await createTestProvider();
    const error = await rejectionOf(
      provider.parseAuthenticationRequest(
        authParams({ response_type: 'id_token', response_mode: 'query', scope: 'profile' }),
      ),
    );
    expect(error.error).toBe('invalid_request');
  });
});
