/** PKCE RFC 7636 at the authorization endpoint (and RFC 9700 2.1.1). */
import { describe, expect, it } from 'vitest';
import { createTestProvider, putClient } from '../support/harness.js';
import { authParams, errorRedirectOf, rejectionOf } from './helpers.js';

const CHALLENGE = '_1f8tFjAtu6D1Df-GOyDPoMjCJdEvaSWsnqR6SLpzsw';

async function withPublicClient(settings = {}) {
  const setup = await createTestProvider({ settings });
  await putClient(setup.stores, 'spa', { token_endpoint_auth_method: 'none' });
  return setup;
}

describe('PKCE RFC 7636', () => {
  it('keeps an S256 challenge', async () => {
    const { provider } = await createTestProvider();
    const request = await provider.parseAuthenticationRequest(
      authParams({ code_challenge: CHALLENGE, code_challenge_method: 'S256' }),
    );
    expect(request.codeChallenge).toBe(CHALLENGE);
    expect(request.codeChallengeMethod).toBe('S256');
  });

  it('requires a challenge for code flows of public clients', async () => {
    const { provider } = await withPublicClient();
    const error = await rejectionOf(
      provider.parseAuthenticationRequest(authParams({ client_id: 'spa' })),
    );
    expect(error.error).toBe('invalid_request');
    expect(errorRedirectOf(error).params.state).toBe('state');
    const hybrid = await rejectionOf(
      provider.parseAuthenticationRequest(
        authParams({ client_id: 'spa', response_type: 'code id_token' }),
      ),
    );
    expect(hybrid.error).toBe('invalid_request');
  });

  it('does not require a challenge from public clients without a code', async () => {
    const { provider } = await withPublicClient();
    const request = await provider.parseAuthenticationRequest(
      authParams({ client_id: 'spa', response_type: 'id_token' }),
    );
    expect(request.codeChallenge).toBeUndefined();
  });

  it('does not require a challenge from confidential clients by default', async () => {
    const { provider } = await createTestProvider();
    const request = await provider.parseAuthenticationRequest(authParams());
    expect(request.codeChallenge).toBeUndefined();
  });

  it("requires a challenge from confidential clients under pkce.required 'all'", async () => {
    const { provider } = await createTestProvider({ settings: { pkce: { required: 'all' } } });
    const error = await rejectionOf(provider.parseAuthenticationRequest(authParams()));
    expect(error.error).toBe('invalid_request');
  });

  it('refuses the plain method by default', async () => {
    const { provider } = await createTestProvider();
    const error = await rejectionOf(
      provider.parseAuthenticationRequest(
        authParams({ code_challenge: CHALLENGE, code_challenge_method: 'plain' }),
      ),
    );
    expect(error.error).toBe('invalid_request');
  });

  it('treats a challenge without a method as plain (4.3) and refuses it by default', async () => {
    const { provider } = await createTestProvider();
    const error = await rejectionOf(
      provider.parseAuthenticationRequest(authParams({ code_challenge: CHALLENGE })),
    );
    expect(error.error).toBe('invalid_request');
  });

  it('accepts plain, explicit or implied, when the tenant allows it', async () => {
    const { provider } = await createTestProvider({ settings: { pkce: { allowPlain: true } } });
    for (const method of ['plain', undefined]) {
      const request = await provider.parseAuthenticationRequest(
        authParams({ code_challenge: CHALLENGE, code_challenge_method: method }),
      );
      expect(request.codeChallengeMethod).toBe('plain');
    }
  });

  it.each([
    ['an unknown method', { code_challenge: CHALLENGE, code_challenge_method: 'S512' }],
    ['a method without a challenge', { code_challenge_method: 'S256' }],
    ['a 42-character challenge', { code_challenge: 'a'.repeat(42), code_challenge_method: 'S256' }],
    [
      'a 129-character challenge',
      { code_challenge: 'a'.repeat(129), code_challenge_method: 'S256' },
    ],
    [
      'a challenge with base64 padding',
      { code_challenge: `${CHALLENGE}=`, code_challenge_method: 'S256' },
    ],
  ])('rejects %s with invalid_request', async (_name, params) => {
    const { provider } = await createTestProvider();
    const error = await rejectionOf(provider.parseAuthenticationRequest(authParams(params)));
    expect(error.error).toBe('invalid_request');
    expect(errorRedirectOf(error).mode).toBe('query');
  });

  it('accepts 43 and 128 character challenges of the unreserved set', async () => {
    const { provider } = await createTestProvider();
    for (const challenge of ['a'.repeat(43), `${'A1-._~'.repeat(21)}zz`]) {
      const request = await provider.parseAuthenticationRequest(
        authParams({ code_challenge: challenge, code_challenge_method: 'S256' }),
      );
      expect(request.codeChallenge).toBe(challenge);
    }
  });
});
