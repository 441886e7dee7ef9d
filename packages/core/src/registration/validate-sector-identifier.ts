/**
 * Pairwise sectors (OIDC Core 8.1, OIDC Registration 5). A `sector_identifier_uri` is fetched and
 * must list every redirect URI, which proves the client controls the sector it claims. Without
 * one, all redirect URIs of a pairwise client must share one host, so the `sub` never depends on
 * which redirect URI a request used (pyOP derived it from the request and varied it per host).
 */
import { readBoundedText } from '../http/request.js';
import { invalidMetadata } from './invalid-metadata.js';

/** A slow or hanging sector host must not hold a registration request open. */
export const SECTOR_FETCH_TIMEOUT_MS = 5_000;
/** A sector document lists redirect URIs; anything larger is not one and is not read. */
export const SECTOR_MAX_BYTES = 64 * 1024;

export interface SectorCheckInput {
  sectorIdentifierUri: string | undefined;
  redirectUris: string[];
  pairwise: boolean;
  fetch: typeof fetch;
}

export async function validateSectorIdentifier(input: SectorCheckInput): Promise<void> {
  const { sectorIdentifierUri, redirectUris } = input;
  if (sectorIdentifierUri !== undefined) {
    if (new URL(sectorIdentifierUri).protocol !== 'https:') {
      throw invalidMetadata('sector_identifier_uri', 'must use https');
    }
    const listed = await fetchSectorDocument(sectorIdentifierUri, input.fetch);
    const missing = redirectUris.find((uri) => !listed.includes(uri));
    if (missing !== undefined) {
      throw invalidMetadata('sector_identifier_uri', `does not list the redirect URI '${missing}'`);
    }
    return;
  }
  if (!input.pairwise || redirectUris.length === 0) return;
  const hosts = new Set(redirectUris.map((uri) => new URL(uri).hostname));
  if (hosts.size > 1 || hosts.has('')) {
    throw invalidMetadata(
      'sector_identifier_uri',
      'is required for a pairwise client whose redirect URIs do not share one host',
    );
  }
}

async function fetchSectorDocument(uri: string, fetchFn: typeof fetch): Promise<string[]> {
  let text: string;
  try {
    const response = await fetchFn(uri, {
      headers: { accept: 'application/json' },
      redirect: 'error',
      signal: AbortSignal.timeout(SECTOR_FETCH_TIMEOUT_MS),
    });
    if (response.status !== 200) throw new Error(`status ${response.status}`);
    text = await readBoundedText(response, SECTOR_MAX_BYTES, () => new Error('too large'));
  } catch {
    throw invalidMetadata('sector_identifier_uri', 'could not be fetched');
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    throw invalidMetadata('sector_identifier_uri', 'does not hold JSON');
  }
  if (!Array.isArray(document) || document.some((item) => typeof item !== 'string')) {
    throw invalidMetadata('sector_identifier_uri', 'must hold a JSON array of URIs');
  }
  return document as string[];
}
