/** The remaining authentication request parameters (OIDC Core 3.1.2.1 and 5.5). */
import { describe, expect, it } from 'vitest';
import { createTestProvider, putClient } from '../support/harness.js';
import { authParams, errorRedirectOf, rejectionOf } from './helpers.js';

describe('nonce OIDC Core 3.2.2.1 and 3.3.2.11', () => {
  it.each(['id_token', 'id_token token', 'code id_token', 'code id_token token'])(
    'requires a nonce for %s',
    async (type) => {
      const { provider } = await createTestProvider();
      const error = await rejectionOf(
        provider.parseAuthenticationRequest(authParams({ response_type: type, nonce: undefined })),
      );
      expect(error.error).toBe('invalid_request');
      expect(errorRedirectOf(error).mode).toBe('fragment');
    },
  );

  it('does not require a nonce for code', async () => {
    const { provider } = await createTestProvider();
    const request = await provider.parseAuthenticationRequest(authParams({ nonce: undefined }));
    expect(request.nonce).toBeUndefined();
  });
});

describe('prompt OIDC Core 3.1.2.1', () => {
  it('keeps the requested prompts', async () => {
    const { provider } = await createTestProvider();
    const request = await provider.parseAuthenticationRequest(
      authParams({ prompt: 'login consent select_account' }),
    );
    expect([...request.prompt].sort()).toEqual(['consent', 'login', 'select_account']);
    const none = await provider.parseAuthenticationRequest(authParams({ prompt: 'none' }));
    expect([...none.prompt]).toEqual(['none']);
    const absent = await provider.parseAuthenticationRequest(authParams());
    expect(absent.prompt.size).toBe(0);
  });

  it.each(['bogus', 'login bogus', 'login login', 'none consent'])(
    'rejects prompt %j with invalid_request',
    async (prompt) => {
      const { provider } = await createTestProvider();
      const error = await rejectionOf(provider.parseAuthenticationRequest(authParams({ prompt })));
      expect(error.error).toBe('invalid_request');
      expect(errorRedirectOf(error).params.state).toBe('state');
    },
  );
});

describe('max_age OIDC Core 3.1.2.1', () => {
  it('keeps a non-negative integer, including zero', async () => {
    const { provider } = await createTestProvider();
    expect((await provider.parseAuthenticationRequest(authParams({ max_age: '0' }))).maxAge).toBe(
      0,
    );
    expect(
      (await provider.parseAuthenticationRequest(authParams({ max_age: '3600' }))).maxAge,
    ).toBe(3600);
  });

  it.each(['-1', '1.5', '1e3', ' 60', '0x10', '99999999999999999999'])(
    'rejects max_age %j with invalid_request',
    async (maxAge) => {
      const { provider } = await createTestProvider();
      const error = await rejectionOf(
        provider.parseAuthenticationRequest(authParams({ max_age: maxAge })),
      );
      expect(error.error).toBe('invalid_request');
      expect(errorRedirectOf(error).mode).toBe('query');
    },
  );

  it("falls back to the client's default_max_age", async () => {
    const { provider, stores } = await createTestProvider();
    await putClient(stores, 'strict', { default_max_age: 300 }, 'secret');
    const request = await provider.parseAuthenticationRequest(authParams({ client_id: 'strict' }));
    expect(request.maxAge).toBe(300);
    const explicit = await provider.parseAuthenticationRequest(
      authParams({ client_id: 'strict', max_age: '60' }),
    );
    expect(explicit.maxAge).toBe(60);
  });
});

describe('claims OIDC Core 5.5', () => {
  it('keeps a valid claims request', async () => {
    const { provider } = await createTestProvider();
    const claims = { id_token: { email: { essential: true } }, userinfo: { nickname: null } };
    const request = await provider.parseAuthenticationRequest(
      authParams({ claims: JSON.stringify(claims) }),
    );
    expect(request.claims).toEqual(claims);
  });

  it.each(['[]', '"text"', '{"id_token":[]}', '{"id_token":{"email":{"essential":"yes"}}}'])(
    'rejects the malformed claims parameter %s with invalid_request',
    async (claims) => {
      const { provider } = await createTestProvider();
      const error = await rejectionOf(provider.parseAuthenticationRequest(authParams({ claims })));
      expect(error.error).toBe('invalid_request');
      expect(errorRedirectOf(error).params.state).toBe('state');
    },
  );

  it('allows userinfo claims when an access token is issued', async () => {
    const { provider } = await createTestProvider();
    const request = await provider.parseAuthenticationRequest(
      authParams({ response_type: 'id_token token', claims: '{"userinfo":{"nickname":null}}' }),
    );
    expect(request.claims?.userinfo).toEqual({ nickname: null });
  });
});

describe('display, acr_values, ui_locales and login_hint OIDC Core 3.1.2.1', () => {
  it('keeps the hints, splitting the space-separated lists', async () => {
    const { provider } = await createTestProvider();
    const request = await provider.parseAuthenticationRequest(
      authParams({
        display: 'popup',
        acr_values: 'urn:mace:incommon:iap:silver loa-2',
        ui_locales: 'fr-CA fr en',
        login_hint: 'testster@example.com',
      }),
    );
    expect(request).toMatchObject({
      display: 'popup',
      acrValues: ['urn:mace:incommon:iap:silver', 'loa-2'],
      uiLocales: ['fr-CA', 'fr', 'en'],
      loginHint: 'testster@example.com',
    });
  });

  it('rejects an unknown display value with invalid_request', async () => {
    const { provider } = await createTestProvider();
    const error = await rejectionOf(
      provider.parseAuthenticationRequest(authParams({ display: 'fullscreen' })),
    );
    expect(error.error).toBe('invalid_request');
    expect(errorRedirectOf(error).mode).toBe('query');
  });
});
