/**
 * `response_mode` (OAuth 2.0 Multiple Response Type Encoding Practices 2.1 and 5, OAuth 2.0 Form
 * Post Response Mode). Checked first among the redirectable rules so every later error travels
 * the way the client asked. The default is `query` for `code` and `fragment` whenever tokens are
 * returned; `query` must never carry tokens (Multiple Response Types 5). pyOP ignored it (3.3).
 */
import type { ProviderContext } from '../../context.js';
import { OAuthError } from '../../errors.js';
import type { Params } from '../../http/request.js';
import type { ResponseMode } from '../../types.js';
import { splitWords } from './check-response-type.js';

/**
 * The default mode for a raw `response_type`: `fragment` when any word returns a token, `query`
 * otherwise (also when it is missing or unknown, so such errors still reach the client).
 */
export function defaultResponseMode(responseType: string | undefined): ResponseMode {
  const words = splitWords(responseType);
  return words.includes('token') || words.includes('id_token') ? 'fragment' : 'query';
}

/** Returns the response mode to deliver the response (and any later error) with. */
export function checkResponseMode(ctx: ProviderContext, params: Params): ResponseMode {
  const fallback = defaultResponseMode(params.get('response_type'));
  const requested = params.get('response_mode');
  if (requested === undefined) return fallback;
  const supported: readonly string[] = ctx.settings.responseModes;
  if (!supported.includes(requested)) {
    throw new OAuthError('invalid_request', 'The response_mode is not supported');
  }
  if (requested === 'query' && fallback === 'fragment') {
    throw new OAuthError(
      'invalid_request',
      'response_mode query is not allowed for response types that return tokens',
    );
  }
  return requested as ResponseMode;
}
