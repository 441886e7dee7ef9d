/**
 * Reading protocol requests defensively: every malformed input becomes an OAuth error, never
 * an exception escaping to the host.
 */
import { OAuthError } from '../errors.js';

/** Bodies above this are refused before parsing; no OAuth request is anywhere near it. */
export const MAX_BODY_BYTES = 64 * 1024;
/** A single parameter value above this is refused (RFC 6749 leaves limits to the server). */
export const MAX_PARAMETER_LENGTH = 8 * 1024;

export type Params = Map<string, string>;

/**
 * Parses URL-encoded parameters. RFC 6749 3.1 and 3.2: parameters MUST NOT be repeated, and
 * parameters sent without a value are treated as omitted.
 */
export function parseParams(source: string | URLSearchParams): Params {
  const search = typeof source === 'string' ? new URLSearchParams(source) : source;
  const params: Params = new Map();
  for (const [name, value] of search) {
    if (params.has(name) || (value === '' && search.getAll(name).length > 1)) {
      throw new OAuthError('invalid_request', `Parameter '${name}' is included more than once`);
    }
    if (value.length > MAX_PARAMETER_LENGTH) {
      throw new OAuthError('invalid_request', `Parameter '${name}' is too long`);
    }
    if (value !== '') params.set(name, value);
  }
  return params;
}

/**
 * Reads a request or response body as UTF-8, refusing more than `limit` bytes: the declared
 * length is checked first, then the stream is cut off as soon as it exceeds the limit.
 */
export async function readBoundedText(
  message: Pick<Request, 'headers' | 'body'>,
  limit: number,
  tooLarge: () => Error,
): Promise<string> {
  if (Number(message.headers.get('content-length') ?? '0') > limit) throw tooLarge();
  if (!message.body) return '';
  const reader = message.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
}

async function readText(request: Request): Promise<string> {
  const text = readBoundedText(
    request,
    MAX_BODY_BYTES,
    () => new OAuthError('invalid_request', 'Request body is too large'),
  );
  try {
    return await text;
  } catch (error) {
    if (error instanceof OAuthError) throw error;
    throw new OAuthError('invalid_request', 'Request body is not valid UTF-8');
  }
}

function mediaType(request: Request): string {
  return (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
}

/** The form body of a POST (RFC 6749 requires application/x-www-form-urlencoded). */
export async function readForm(request: Request): Promise<Params> {
  if (mediaType(request) !== 'application/x-www-form-urlencoded') {
    throw new OAuthError(
      'invalid_request',
      'Content-Type must be application/x-www-form-urlencoded',
    );
  }
  return parseParams(await readText(request));
}

/** A JSON object body (dynamic registration). */
export async function readJsonObject(
  request: Request,
  onError: (description: string) => OAuthError,
): Promise<Record<string, unknown>> {
  if (mediaType(request) !== 'application/json') {
    throw onError('Content-Type must be application/json');
  }
  let value: unknown;
  try {
    value = JSON.parse(await readText(request));
  } catch (error) {
    if (error instanceof OAuthError) throw onError(error.message);
    throw onError('Request body is not valid JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw onError('Request body must be a JSON object');
  }
  return value as Record<string, unknown>;
}

/** Query parameters for GET, form parameters for POST (authorization and userinfo endpoints). */
export async function readQueryOrForm(request: Request): Promise<Params> {
  if (request.method === 'POST') return readForm(request);
  return parseParams(new URL(request.url).searchParams);
}

/** Parses the `Authorization` header into scheme and credentials; the scheme is case-insensitive. */
export function readAuthorization(request: Request): { scheme: string; value: string } | undefined {
  const header = request.headers.get('authorization');
  if (header === null) return undefined;
  const match = /^([A-Za-z][A-Za-z0-9!#$%&'*+.^_`|~-]*)\s+(\S.*)?$/.exec(header.trim());
  if (!match) return { scheme: header.trim().toLowerCase(), value: '' };
  return { scheme: match[1]!.toLowerCase(), value: (match[2] ?? '').trim() };
}
