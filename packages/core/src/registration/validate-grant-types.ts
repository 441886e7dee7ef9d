/**
 * `response_types` and `grant_types` (OIDC Registration 2, RFC 7591 2.1): every value must be
 * one the tenant supports, and the two lists must agree. Unsupported values are rejected rather
 * than silently dropped (pyOP narrowed `response_types` to the common subset): a client that
 * asked for `code id_token` and quietly got `code` would only find out at its first login.
 */
import type { ProviderSettings } from '../settings.js';
import { invalidMetadata } from './invalid-metadata.js';

function wordSet(responseType: string): string {
  return responseType.split(' ').filter(Boolean).sort().join(' ');
}

/**
 * The provider's spelling of each requested response type. Word order carries no meaning
 * (OAuth 2.0 Multiple Response Types 3), so `token id_token` matches `id_token token`.
 */
export function validateResponseTypes(requested: string[], settings: ProviderSettings): string[] {
  const supported = new Map(settings.responseTypes.map((type) => [wordSet(type), type]));
  const result = new Set<string>();
  for (const type of requested) {
    const match = supported.get(wordSet(type));
    if (!match) throw invalidMetadata('response_types', `value '${type}' is not supported`);
    result.add(match);
  }
  return [...result];
}

export function validateGrantTypes(requested: string[], settings: ProviderSettings): string[] {
  for (const grant of requested) {
    if (!(settings.grantTypes as string[]).includes(grant)) {
      throw invalidMetadata('grant_types', `value '${grant}' is not supported`);
    }
  }
  return requested;
}

/**
 * OIDC Registration 2 (`grant_types`): `code` needs `authorization_code`, and every response type
 * returning `id_token` or `token` from the authorization endpoint needs `implicit`.
 */
export function checkResponseTypesMatchGrantTypes(
  responseTypes: string[],
  grantTypes: string[],
): void {
  const words = new Set(responseTypes.flatMap((type) => type.split(' ')));
  if (words.has('code') && !grantTypes.includes('authorization_code')) {
    throw invalidMetadata(
      'grant_types',
      "must include 'authorization_code' for response type code",
    );
  }
  if ((words.has('id_token') || words.has('token')) && !grantTypes.includes('implicit')) {
    throw invalidMetadata('grant_types', "must include 'implicit' for id_token or token responses");
  }
}
