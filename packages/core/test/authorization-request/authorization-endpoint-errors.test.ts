/**
 * The same rules seen from the browser: GET /authorize through `provider.handle()`. Untrusted
 * client or redirect URI: an error page, never a Location. Trusted: a 303 (or form_post page)
 * to the client carrying error, error_description, state and iss (RFC 6749 4.1.2.1, RFC 9207).
 */
import { describe, expect, it } from 'vitest';
import { createTestProvider, get, ISSUER } from '../support/harness.js';
import { authParams, REDIRECT_URI } from './helpers.js';

function authorizePath(params: Record<string, string>): string {
  return `/authorize?${new URLSearchParams(params)}`;
}

describe('Authorization endpoint errors OIDC Core 3.1.2.6', () => {
  it.each([
    ['an unknown client', authParams({ client_id: 'unknown' })],
    ['a missing client_id', authParams({ client_id: undefined })],
    [
      'an unregistered redirect_uri',
      authParams({ redirect_uri: 'https://attacker.example.net/cb' }),
    ],
    ['a missing redirect_uri', authParams({ redirect_uri: undefined })],
  ])('shows an error page for %s, without redirecting', async (_name, params) => {
    const { provider } = await createTestProvider();
    const response = await get(provider, authorizePath({ ...params, scope: 'profile' }));
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
  });

  it('shows an error page for duplicated parameters, without redirecting', async () => {
    const { provider } = await createTestProvider();
    const response = await get(
      provider,
      `${authorizePath(authParams())}&redirect_uri=${encodeURIComponent('https://attacker.example.net')}`,
    );
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
  });

  it('redirects a code request error in the query with state and iss', async () => {
    const { provider } = await createTestProvider();
    const response = await get(provider, authorizePath(authParams({ scope: 'profile' })));
    expect(response.status).toBe(303);
    const location = new URL(response.headers.get('location') as string);
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT_URI);
    expect(location.hash).toBe('');
    expect(Object.fromEntries(location.searchParams)).toMatchObject({
      error: 'invalid_scope',
      state: 'state',
      iss: ISSUER,
    });
    expect(location.searchParams.has('error_description')).toBe(true);
    expect(location.searchParams.has('error_message')).toBe(false);
  });

  it('redirects an implicit request error in the fragment', async () => {
    const { provider } = await createTestProvider();
    const response = await get(
      provider,
      authorizePath(authParams({ response_type: 'id_token', nonce: undefined })),
    );
    expect(response.status).toBe(303);
    const location = new URL(response.headers.get('location') as string);
    expect(location.search).toBe('');
    expect(Object.fromEntries(new URLSearchParams(location.hash.slice(1)))).toMatchObject({
      error: 'invalid_request',
      state: 'state',
      iss: ISSUER,
    });
  });

  it('posts the error back for response_mode form_post', async () => {
    const { provider } = await createTestProvider();
    const response = await get(
      provider,
      authorizePath(authParams({ response_mode: 'form_post', request_uri: 'https://x.example' })),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('location')).toBeNull();
    const html = await response.text();
    expect(html).toContain(`action="${REDIRECT_URI}"`);
    expect(html).toContain('name="error" value="request_uri_not_supported"');
    expect(html).toContain('name="state" value="state"');
  });

  it('redirects server_error when a host validator crashes, instead of answering 500', async () => {
    const { provider } = await createTestProvider();
    provider.authenticationRequestValidators.push(() => {
      throw new Error('validator bug');
    });
    const response = await get(provider, authorizePath(authParams()));
    expect(response.status).toBe(303);
    const location = new URL(response.headers.get('location') as string);
    expect(location.searchParams.get('error')).toBe('server_error');
  });
});
