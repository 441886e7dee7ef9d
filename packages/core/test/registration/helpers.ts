/** Shared helpers of the registration tests: a served sector document and JSON requests. */
import type { Provider } from '../../src/provider.js';
import { ISSUER } from '../support/harness.js';

export const SECTOR_URI = 'https://sector.example.com/redirects.json';

/** A fetch that serves JSON documents by URL and fails for anything else. */
export function servingFetch(
  documents: Record<string, unknown>,
): typeof fetch & { calls: string[] } {
  const calls: string[] = [];
  const fake = (async (input: RequestInfo | URL) => {
    const url = String(input instanceof Request ? input.url : input);
    calls.push(url);
    if (!(url in documents)) return new Response('not found', { status: 404 });
    const body = documents[url];
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
      headers: { 'content-type': 'application/json' },
    });
  }) as typeof fetch & { calls: string[] };
  fake.calls = calls;
  return fake;
}

export function register(
  provider: Provider,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return provider.handle(
    new Request(`${ISSUER}/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );
}

export function manage(
  provider: Provider,
  method: 'GET' | 'PUT' | 'DELETE',
  clientId: string,
  token: string | undefined,
  body?: unknown,
): Promise<Response> {
  const headers: Record<string, string> = {};
  if (token !== undefined) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  return provider.handle(
    new Request(`${ISSUER}/register/${encodeURIComponent(clientId)}`, {
      method,
      headers,
      ...(body !== undefined && { body: JSON.stringify(body) }),
    }),
  );
}

export async function json(response: Response): Promise<Record<string, unknown>> {
  return (await response.json()) as Record<string, unknown>;
}
