/**
 * `response_type` (OIDC Core 3, OAuth 2.0 Multiple Response Type Encoding Practices 5): one of
 * the six OpenID Connect combinations in any word order, enabled for the tenant, registered for
 * the client (word-set equality, as pyOP) and backed by the client's grant types (OIDC Dynamic
 * Registration 2). pyOP answered `invalid_request` for all of these; RFC 6749 4.1.2.1 has
 * `unsupported_response_type` and `unauthorized_client` for them.
 */
import type { ProviderContext } from '../../context.js';
import { OAuthError } from '../../errors.js';
import type { Params } from '../../http/request.js';
import { type ClientRecord, RESPONSE_TYPES, type ResponseType } from '../../types.js';

const OIDC_RESPONSE_TYPES: readonly string[] = RESPONSE_TYPES;
const WORD_ORDER = ['code', 'id_token', 'token'];

/** Space-separated words of a parameter (RFC 6749 3.1.1); extra spaces are tolerated. */
export function splitWords(value: string | undefined): string[] {
  return value ? value.split(' ').filter(Boolean) : [];
}

/** Whether a (normalised) response type contains `word`. */
export function hasWord(responseType: string, word: 'code' | 'id_token' | 'token'): boolean {
  return splitWords(responseType).includes(word);
}

/** `token id_token` -> `id_token token`; undefined for anything that is not an OIDC type. */
export function normaliseResponseType(value: string): ResponseType | undefined {
  const words = splitWords(value);
  const set = new Set(words);
  if (set.size !== words.length || words.some((word) => !WORD_ORDER.includes(word))) {
    return undefined;
  }
  const ordered = WORD_ORDER.filter((word) => set.has(word)).join(' ');
  return OIDC_RESPONSE_TYPES.includes(ordered) ? (ordered as ResponseType) : undefined;
}

function sameWords(a: string, b: string): boolean {
  return normaliseResponseType(a) === normaliseResponseType(b);
}

/** Returns the normalised response type. */
export function checkResponseType(
  ctx: ProviderContext,
  client: ClientRecord,
  params: Params,
): ResponseType {
  const raw = params.get('response_type');
  if (raw === undefined) {
    throw new OAuthError('invalid_request', "Missing required parameter 'response_type'");
  }
  const responseType = normaliseResponseType(raw);
  if (!responseType || !ctx.settings.responseTypes.some((t) => sameWords(t, responseType))) {
    throw new OAuthError('unsupported_response_type', 'The response_type is not supported');
  }
  const registered = client.metadata.response_types;
  if (!Array.isArray(registered) || !registered.some((t) => sameWords(t, responseType))) {
    throw new OAuthError('unauthorized_client', 'Response type is not registered for this client');
  }
  // RFC 7591 2: grant_types defaults to authorization_code when omitted.
  const grantTypes = client.metadata.grant_types ?? ['authorization_code'];
  const needsCode = hasWord(responseType, 'code');
  const needsImplicit = hasWord(responseType, 'id_token') || hasWord(responseType, 'token');
  if (
    (needsCode && !grantTypes.includes('authorization_code')) ||
    (needsImplicit && !grantTypes.includes('implicit'))
  ) {
    throw new OAuthError('unauthorized_client', 'The client may not use this response_type');
  }
  return responseType;
}
