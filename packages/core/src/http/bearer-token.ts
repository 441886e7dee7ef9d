/**
 * Bearer tokens in requests (RFC 6750 2): the Authorization header, else the form body of a
 * POST, else the query of a GET. The header wins when a client sends several (pyOP did the same).
 */
import { BearerTokenError, OAuthError } from '../errors.js';
import { parseParams, readAuthorization, readForm } from './request.js';

/** RFC 6750 2.1 `b64token`. */
const B64TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;

export type BearerHeader =
  | { kind: 'absent' }
  | { kind: 'other-scheme' }
  | { kind: 'bearer'; token: string };

/** What the Authorization header holds; the scheme is case-insensitive (RFC 7235 2.1). */
export function readBearerHeader(request: Request): BearerHeader {
  const authorization = readAuthorization(request);
  if (!authorization) return { kind: 'absent' };
  if (authorization.scheme !== 'bearer') return { kind: 'other-scheme' };
  return { kind: 'bearer', token: checkSyntax(authorization.value) };
}

function checkSyntax(token: string): string {
  // A malformed token is a malformed request (RFC 6750 3.1 invalid_request, 400).
  if (!B64TOKEN.test(token))
    throw new OAuthError('invalid_request', 'The bearer token is malformed');
  return token;
}

/**
 * The access token of a protected-resource request. Throws `BearerTokenError` (answered with a
 * bare challenge, RFC 6750 3.1) when there is none, including when the Authorization header
 * uses another scheme: a header is never silently skipped in favour of a body token.
 *
 * @example
 * const token = await extractBearerToken(request); // 'Authorization: Bearer abc' -> 'abc'
 */
export async function extractBearerToken(request: Request): Promise<string> {
  const header = readBearerHeader(request);
  if (header.kind === 'bearer') return header.token;
  if (header.kind === 'other-scheme') {
    throw new BearerTokenError('The Authorization header does not use the Bearer scheme');
  }
  const params = await readTokenParams(request);
  const token = params?.get('access_token');
  if (token === undefined) throw new BearerTokenError('No bearer token in the request');
  return checkSyntax(token);
}

/** RFC 6750 2.2 allows the body only for form-encoded POSTs; 2.3 allows the query. */
async function readTokenParams(request: Request) {
  if (request.method === 'POST') {
    const type = request.headers.get('content-type') ?? '';
    return type.toLowerCase().startsWith('application/x-www-form-urlencoded')
      ? readForm(request)
      : undefined;
  }
  return parseParams(new URL(request.url).searchParams);
}
