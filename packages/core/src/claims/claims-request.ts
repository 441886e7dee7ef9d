/**
 * The `claims` request parameter (OIDC Core 5.5): parsing with real validation, and the
 * filtering rules for `essential`, `value` and `values`.
 */
import { OAuthError } from '../errors.js';
import type { ClaimRequest, ClaimsRequest } from '../types.js';

const MEMBERS = ['userinfo', 'id_token'] as const;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseEntry(name: string, entry: unknown): ClaimRequest | null {
  if (entry === null) return null;
  if (!isPlainObject(entry)) throw invalid(`claims entry '${name}' must be null or an object`);
  const result: ClaimRequest = {};
  if ('essential' in entry) {
    if (typeof entry.essential !== 'boolean')
      throw invalid(`'${name}.essential' must be a boolean`);
    result.essential = entry.essential;
  }
  if ('value' in entry) result.value = entry.value;
  if ('values' in entry) {
    if (!Array.isArray(entry.values)) throw invalid(`'${name}.values' must be an array`);
    result.values = entry.values;
  }
  return result;
}

function invalid(description: string): OAuthError {
  return new OAuthError('invalid_request', `Invalid claims parameter: ${description}`);
}

/** Parses the JSON `claims` parameter; unknown top-level members are ignored (5.5). */
export function parseClaimsParameter(raw: string): ClaimsRequest {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw invalid('not valid JSON');
  }
  if (!isPlainObject(value)) throw invalid('must be a JSON object');
  const request: ClaimsRequest = {};
  for (const member of MEMBERS) {
    const claims = value[member];
    if (claims === undefined || claims === null) continue;
    if (!isPlainObject(claims)) throw invalid(`'${member}' must be an object`);
    const parsed: Record<string, ClaimRequest | null> = {};
    for (const [name, entry] of Object.entries(claims)) parsed[name] = parseEntry(name, entry);
    request[member] = parsed;
  }
  return request;
}

/** Whether `actual` satisfies a claim request's `value` / `values` constraint. */
export function satisfiesClaimRequest(
  actual: unknown,
  request: ClaimRequest | null | undefined,
): boolean {
  if (!request) return true;
  if ('value' in request) return deepEqual(actual, request.value);
  if (request.values) return request.values.some((value) => deepEqual(actual, value));
  return true;
}

function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The `sub` a claims request demands, if any (5.5.1: a specific `sub` value means "only this
 * user"). Two different demanded values can never be satisfied.
 */
export function requestedSubject(claims: ClaimsRequest | undefined): string | undefined {
  const fromIdToken = claims?.id_token?.sub?.value;
  const fromUserinfo = claims?.userinfo?.sub?.value;
  if (fromIdToken !== undefined && fromUserinfo !== undefined && fromIdToken !== fromUserinfo) {
    throw new OAuthError('invalid_request', 'The claims parameter requests two different subjects');
  }
  const wanted = fromIdToken ?? fromUserinfo;
  if (wanted !== undefined && typeof wanted !== 'string') {
    throw new OAuthError('invalid_request', 'A requested sub value must be a string');
  }
  return wanted;
}

/**
 * Picks the requested claims from a user's claims. Claims whose stored value does not satisfy a
 * requested `value`/`values` are left out rather than returned with a value the RP refused.
 */
export function selectClaims(
  userClaims: Record<string, unknown>,
  names: Iterable<string>,
  requests: Record<string, ClaimRequest | null> = {},
): Record<string, unknown> {
  const selected: Record<string, unknown> = {};
  for (const name of names) {
    if (name === 'sub') continue;
    const value = userClaims[name];
    if (value === undefined || value === null) continue;
    if (!satisfiesClaimRequest(value, requests[name])) continue;
    selected[name] = value;
  }
  return selected;
}
