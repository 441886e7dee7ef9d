/**
 * `nonce` is required whenever an ID token comes from the authorization endpoint (OIDC Core
 * 3.2.2.1 and 3.3.2.11), i.e. when the response type contains `id_token`. It stays optional for
 * `code` and `code token`, whose ID token comes from the token endpoint. (pyOP, through oic, also
 * demanded it for `code token`.)
 */
import { OAuthError } from '../../errors.js';
import type { Params } from '../../http/request.js';
import type { ResponseType } from '../../types.js';
import { hasWord } from './check-response-type.js';

/** Returns the nonce, if any. */
export function checkNonce(params: Params, responseType: ResponseType): string | undefined {
  const nonce = params.get('nonce');
  if (nonce === undefined && hasWord(responseType, 'id_token')) {
    throw new OAuthError('invalid_request', "Missing required parameter 'nonce'");
  }
  return nonce;
}
