/** scope (OIDC Core 3.1.2.1, 5.4 and 11 offline access). */
import { describe, expect, it } from 'vitest';
import { createTestProvider, putClient } from '../support/harness.js';
import { authParams, errorRedirectOf, rejectionOf } from './helpers.js';

describe('scope OIDC Core 3.1.2.1', () => {
  it('rejects a missing scope with invalid_scope sent to the client', async () => {
    const { provider } = await createTestProvider();
    const error = await rejectionOf(
      provider.parseAuthenticationRequest(authParams({ scope: undefined })),
    );
    expect(error.error).toBe('invalid_scope');
    expect(errorRedirectOf(error).params.state).toBe('state');
  });

  it('drops unknown scopes, including names of object prototype members', async () => {
    const { provider } = await createTestProvider();
    const request = await provider.parseAuthenticationRequest(
      authParams({ scope: 'openid unknown profile constructor __proto__ email' }),
    );
    expect(request.scope).toEqual(['openid', 'profile', 'email']);
  });

  it('keeps the tenant extra scopes', async () => {
    const { provider } = await createTestProvider({
      settings: { extraScopes: { eduperson: ['affiliation'] } },
    });
    const request = await provider.parseAuthenticationRequest(
      authParams({ scope: 'openid eduperson' }),
    );
    expect(request.scope).toEqual(['openid', 'eduperson']);
  });

  it('drops scopes outside the scope the client registered, but never openid', async () => {
    const { provider, stores } = await createTestProvider();
    await putClient(stores, 'limited', { scope: 'email' }, 'secret');
    const request = await provider.parseAuthenticationRequest(
      authParams({ client_id: 'limited', scope: 'openid profile email' }),
    );
    expect(request.scope).toEqual(['openid', 'email']);
  });

  it('drops offline_access for implicit response types (OIDC Core 11)', async () => {
    const { provider } = await createTestProvider();
    const request = await provider.parseAuthenticationRequest(
      authParams({ response_type: 'id_token token', scope: 'openid offline_access' }),
    );
    expect(request.scope).toEqual(['openid']);
  });

  it('keeps offline_access for code flows, without demanding prompt=consent as pyOP did', async () => {
    const { provider } = await createTestProvider();
    const request = await provider.parseAuthenticationRequest(
      authParams({ response_type: 'code id_token', scope: 'openid offline_access' }),
    );
    expect(request.scope).toEqual(['openid', 'offline_access']);
  });

  it('removes repeated scopes', async () => {
    const { provider } = await createTestProvider();
    const request = await provider.parseAuthenticationRequest(
      authParams({ scope: 'openid email openid email' }),
    );
    expect(request.scope).toEqual(['openid', 'email']);
  });
});
