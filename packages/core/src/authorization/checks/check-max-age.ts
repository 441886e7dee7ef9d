/**
 * `max_age` (OIDC Core 3.1.2.1): a non-negative integer number of seconds; without it the
 * client's registered `default_max_age` applies (OIDC Dynamic Registration 2). pyOP let a
 * non-integer value escape as a raw ValueError (spec 12 defect 11).
 */
import { OAuthError } from '../../errors.js';
import type { Params } from '../../http/request.js';
import type { ClientRecord } from '../../types.js';

/** Returns the maximum authentication age in seconds, if any. */
export function checkMaxAge(client: ClientRecord, params: Params): number | undefined {
  const raw = params.get('max_age');
  if (raw === undefined) {
    const fallback = client.metadata.default_max_age;
    return Number.isSafeInteger(fallback) && (fallback as number) >= 0 ? fallback : undefined;
  }
  const maxAge = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(maxAge)) {
    throw new OAuthError('invalid_request', 'max_age must be a non-negative integer');
  }
  return maxAge;
}
