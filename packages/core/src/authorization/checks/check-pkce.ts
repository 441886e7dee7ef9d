/**
 * PKCE (RFC 7636, RFC 9700 2.1.1). The challenge is 43-128 characters of the unreserved set
 * (4.2); a missing method means `plain` (4.3), which is refused unless the tenant allows it
 * (RFC 9700: use S256). A challenge is required for code flows of public clients, or of every
 * client under `pkce.required: 'all'`. pyOP crashed on `plain` and checked nothing (defect 6).
 */
import type { ProviderContext } from '../../context.js';
import { OAuthError } from '../../errors.js';
import type { Params } from '../../http/request.js';
import type { ClientRecord, ResponseType } from '../../types.js';
import type { AuthenticationRequest } from '../request.js';
import { hasWord } from './check-response-type.js';

const CHALLENGE = /^[A-Za-z0-9\-._~]{43,128}$/;

type Pkce = Pick<AuthenticationRequest, 'codeChallenge' | 'codeChallengeMethod'>;

/** Returns the code challenge and its method, both absent when PKCE is not used. */
export function checkPkce(
  ctx: ProviderContext,
  client: ClientRecord,
  params: Params,
  responseType: ResponseType,
): Pkce {
  const challenge = params.get('code_challenge');
  const method = params.get('code_challenge_method');
  if (challenge === undefined) {
    if (method !== undefined) {
      throw new OAuthError('invalid_request', 'code_challenge_method without code_challenge');
    }
    const isPublic = client.metadata.token_endpoint_auth_method === 'none';
    if (hasWord(responseType, 'code') && (isPublic || ctx.settings.pkce.required === 'all')) {
      throw new OAuthError('invalid_request', 'code_challenge is required');
    }
    return {};
  }
  const effective = method ?? 'plain';
  if (effective !== 'S256' && effective !== 'plain') {
    throw new OAuthError('invalid_request', 'Unsupported code_challenge_method');
  }
  if (effective === 'plain' && !ctx.settings.pkce.allowPlain) {
    throw new OAuthError('invalid_request', 'code_challenge_method must be S256');
  }
  if (!CHALLENGE.test(challenge)) {
    throw new OAuthError('invalid_request', 'code_challenge is malformed');
  }
  return { codeChallenge: challenge, codeChallengeMethod: effective };
}
