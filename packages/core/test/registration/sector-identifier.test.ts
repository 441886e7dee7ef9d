import { describe, expect, it } from 'vitest';
import { validateClientMetadata } from '../../src/registration/validate-client-metadata.js';
import { resolveSettings } from '../../src/settings.js';
import { createTestProvider } from '../support/harness.js';
import { json, register, SECTOR_URI, servingFetch } from './helpers.js';

const A = 'https://a.example.com/cb';
const B = 'https://b.example.org/cb';

function validateWith(fetch: typeof globalThis.fetch, input: Record<string, unknown>) {
  return validateClientMetadata(input, {
    settings: resolveSettings(),
    signingAlgorithms: ['RS256'],
    fetch,
  });
}

describe('sector_identifier_uri (OIDC Registration 5, OIDC Core 8.1)', () => {
  it('accepts a sector document that lists every redirect URI, fetched through the injected fetch', async () => {
    const fetch = servingFetch({ [SECTOR_URI]: [A, B, 'https://c.example.net/cb'] });
    const { provider } = await createTestProvider({ fetch });
    const response = await register(provider, {
      redirect_uris: [A, B],
      subject_type: 'pairwise',
      sector_identifier_uri: SECTOR_URI,
    });
    expect(response.status).toBe(201);
    expect((await json(response)).sector_identifier_uri).toBe(SECTOR_URI);
    expect(fetch.calls).toEqual([SECTOR_URI]);
  });

  it('rejects a sector document that misses a redirect URI', async () => {
    const fetch = servingFetch({ [SECTOR_URI]: [A] });
    await expect(
      validateWith(fetch, { redirect_uris: [A, B], sector_identifier_uri: SECTOR_URI }),
    ).rejects.toMatchObject({ error: 'invalid_client_metadata' });
  });

  it('rejects a sector_identifier_uri without https, without fetching it', async () => {
    const fetch = servingFetch({});
    await expect(
      validateWith(fetch, {
        redirect_uris: [A],
        sector_identifier_uri: 'http://sector.example.com/r.json',
      }),
    ).rejects.toMatchObject({ error: 'invalid_client_metadata' });
    expect(fetch.calls).toEqual([]);
  });

  const badDocuments: [string, unknown][] = [
    ['an object', { redirect_uris: [A] }],
    ['an array with a non-string', [A, 42]],
    ['text that is not JSON', 'not json'],
    ['a document above the size cap', JSON.stringify([A, 'x'.repeat(70 * 1024)])],
  ];
  for (const [what, document] of badDocuments) {
    it(`rejects a sector document that is ${what}`, async () => {
      const fetch = servingFetch({ [SECTOR_URI]: document });
      await expect(
        validateWith(fetch, { redirect_uris: [A], sector_identifier_uri: SECTOR_URI }),
      ).rejects.toMatchObject({ error: 'invalid_client_metadata' });
    });
  }

  it('rejects a sector document that cannot be fetched (404 or network failure)', async () => {
    await expect(
      validateWith(servingFetch({}), { redirect_uris: [A], sector_identifier_uri: SECTOR_URI }),
    ).rejects.toMatchObject({ error: 'invalid_client_metadata' });
    const failing = (async () => {
      throw new TypeError('fetch failed');
    }) as unknown as typeof fetch;
    await expect(
      validateWith(failing, { redirect_uris: [A], sector_identifier_uri: SECTOR_URI }),
    ).rejects.toMatchObject({ error: 'invalid_client_metadata' });
  });

  it('requires a sector_identifier_uri for a pairwise client with redirect URIs on several hosts', async () => {
    await expect(
      validateWith(servingFetch({}), { redirect_uris: [A, B], subject_type: 'pairwise' }),
    ).rejects.toMatchObject({ error: 'invalid_client_metadata' });
  });

  it('requires one for a pairwise native client whose redirect URIs have no host', async () => {
    await expect(
      validateWith(servingFetch({}), {
        application_type: 'native',
        redirect_uris: ['com.example.app:/cb'],
        subject_type: 'pairwise',
      }),
    ).rejects.toMatchObject({ error: 'invalid_client_metadata' });
  });

  it('lets a public client use redirect URIs on several hosts without one', async () => {
    const metadata = await validateWith(servingFetch({}), {
      redirect_uris: [A, B],
      subject_type: 'public',
    });
    expect(metadata.redirect_uris).toEqual([A, B]);
  });

  it('lets a pairwise client use several redirect URIs on one host without one', async () => {
    const metadata = await validateWith(servingFetch({}), {
      redirect_uris: [A, 'https://a.example.com/other'],
      subject_type: 'pairwise',
    });
    expect(metadata.subject_type).toBe('pairwise');
  });
});
