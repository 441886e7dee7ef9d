/** Host-added authentication request validators (pyOP authentication_request_validators). */
import { describe, expect, it } from 'vitest';
import type { AuthenticationRequest } from '../../src/authorization/request.js';
import { InvalidRedirectURI, OAuthError } from '../../src/errors.js';
import { createTestProvider } from '../support/harness.js';
import { authParams, errorRedirectOf, errorUrlOf, REDIRECT_URI, rejectionOf } from './helpers.js';

describe('Custom authentication request validators', () => {
  it('run in order on the validated request, after the built-in checks', async () => {
    const { provider } = await createTestProvider();
    const seen: string[] = [];
    let received: AuthenticationRequest | undefined;
    provider.authenticationRequestValidators.push(
      (request) => {
        seen.push('first');
        received = request;
      },
      async () => {
        seen.push('second');
      },
    );
    const request = await provider.parseAuthenticationRequest(authParams());
    expect(seen).toEqual(['first', 'second']);
    expect(received).toBe(request);
    const failing = await rejectionOf(
      provider.parseAuthenticationRequest(authParams({ scope: 'profile' })),
    );
    expect(failing.error).toBe('invalid_scope');
    expect(seen).toEqual(['first', 'second']);
  });

  it('stop at the first validator that throws', async () => {
    const { provider } = await createTestProvider();
    let reachedSecond = false;
    provider.authenticationRequestValidators.push(
      () => {
        throw new OAuthError('access_denied', 'Not for this client');
      },
      () => {
        reachedSecond = true;
      },
    );
    const error = await rejectionOf(provider.parseAuthenticationRequest(authParams()));
    expect(error.error).toBe('access_denied');
    expect(reachedSecond).toBe(false);
    expect(errorRedirectOf(error)).toMatchObject({
      base: REDIRECT_URI,
      params: { error: 'access_denied', state: 'state' },
    });
  });

  it('turn an unexpected exception into server_error sent to the client', async () => {
    const logged: string[] = [];
    const { provider } = await createTestProvider({
      logger: { info() {}, warn() {}, error: (message) => logged.push(message) },
    });
    provider.authenticationRequestValidators.push(() => {
      throw new TypeError('validator bug');
    });
    const error = await rejectionOf(provider.parseAuthenticationRequest(authParams()));
    expect(error.error).toBe('server_error');
    expect(errorRedirectOf(error).params).toMatchObject({ error: 'server_error', state: 'state' });
    expect(logged).toHaveLength(1);
  });

  it('may still refuse to redirect by throwing InvalidRedirectURI', async () => {
    const { provider } = await createTestProvider();
    provider.authenticationRequestValidators.push(() => {
      throw new InvalidRedirectURI('Blocked redirect target');
    });
    const error = await rejectionOf(provider.parseAuthenticationRequest(authParams()));
    expect(error).toBeInstanceOf(InvalidRedirectURI);
    expect(errorUrlOf(error)).toBeUndefined();
  });
});
