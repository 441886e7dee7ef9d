import { beforeEach, describe, expect, it } from 'vitest';
import type { ResponseMode, ResponseType } from '../../src/types.js';
import { readFormPost } from '../support/flow.js';
import { createTestProvider, putClient, type TestProvider } from '../support/harness.js';
import { buildRequest } from './fixtures.js';

const EXPECTED: Record<ResponseType, string[]> = {
  code: ['code', 'state', 'iss'],
  id_token: ['id_token', 'state', 'iss'],
  'id_token token': ['access_token', 'token_type', 'expires_in', 'id_token', 'state', 'iss'],
  'code id_token': ['code', 'id_token', 'state', 'iss'],
  'code token': ['code', 'access_token', 'token_type', 'expires_in', 'state', 'iss'],
  'code id_token token': [
    'code',
    'access_token',
    'token_type',
    'expires_in',
    'id_token',
    'state',
    'iss',
  ],
};

describe('Response types and modes (OAuth 2.0 Multiple Response Types, Form Post Response Mode)', () => {
  let t: TestProvider;
  beforeEach(async () => {
    t = await createTestProvider();
  });

  for (const [responseType, names] of Object.entries(EXPECTED) as [ResponseType, string[]][]) {
    const defaultMode: ResponseMode = responseType === 'code' ? 'query' : 'fragment';
    for (const responseMode of [defaultMode, 'form_post'] as const) {
      it(`delivers ${responseType} by ${responseMode} with exactly ${names.join(', ')}`, async () => {
        const request = await buildRequest(t.provider, { responseType, responseMode });
        const response = await t.provider.authorize(request, 'user1');
        expect(Object.keys(response.params)).toEqual(names);
        const http = response.toResponse();
        if (responseMode === 'form_post') {
          expect(response.toUrl()).toBeUndefined();
          expect(http.status).toBe(200);
          const form = await readFormPost(http);
          expect(form.action).toBe('https://client.example.com/cb');
          expect(Object.fromEntries(form.params)).toEqual(response.params);
          return;
        }
        expect(http.status).toBe(303);
        const location = new URL(http.headers.get('location')!);
        expect(`${location.origin}${location.pathname}`).toBe('https://client.example.com/cb');
        const carried =
          responseMode === 'query'
            ? location.searchParams
            : new URLSearchParams(location.hash.slice(1));
        expect(Object.fromEntries(carried)).toEqual(response.params);
        if (responseMode === 'fragment') expect(location.search).toBe('');
        else expect(location.hash).toBe('');
      });
    }
  }

  it('keeps the query of a registered redirect URI and appends the response to it', async () => {
    await putClient(t.stores, 'q-client', {
      redirect_uris: ['https://client.example.com/cb?tenant=a'],
    });
    const request = await buildRequest(t.provider, {}, 'q-client');
    const location = new URL((await t.provider.authorize(request, 'user1')).toUrl()!);
    expect(location.searchParams.get('tenant')).toBe('a');
    expect(location.searchParams.get('code')).toBeTruthy();
    expect(location.searchParams.get('state')).toBe('state');
  });

  it('serves the form_post page uncached, escaped and locked down by CSP', async () => {
    const request = await buildRequest(t.provider, {
      responseMode: 'form_post',
      state: '"><script>alert(1)</script>',
    });
    const http = (await t.provider.authorize(request, 'user1')).toResponse();
    expect(http.headers.get('content-type')).toMatch(/^text\/html/);
    expect(http.headers.get('cache-control')).toBe('no-store');
    const csp = http.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain('form-action https://client.example.com');
    expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).toContain("frame-ancestors 'none'");
    const html = await http.clone().text();
    expect(html).not.toContain('<script>alert(1)');
    const form = await readFormPost(http);
    expect(form.params.get('state')).toBe('"><script>alert(1)</script>');
  });
});
