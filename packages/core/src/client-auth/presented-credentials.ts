/**
 * Finding out how a request tries to authenticate its client. Exactly one method per request
 * (RFC 6749 2.3: "MUST NOT use more than one authentication method in each request").
 */
import { decodeJwt } from 'jose';
import type { ProviderContext } from '../context.js';
import { OAuthError } from '../errors.js';
import type { Params } from '../http/request.js';
import { readAuthorization } from '../http/request.js';
import { decodeBasicCredentials } from './basic-credentials.js';
import { clientAuthenticationFailed } from './failure.js';

/** RFC 7523 2.2: the only client assertion type this provider understands. */
export const JWT_BEARER_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

export type PresentedCredentials =
  | { kind: 'basic' | 'post'; clientId: string; secret: string }
  | { kind: 'jwt'; clientId: string; assertion: string }
  | { kind: 'none'; clientId: string };

/** The claimed client id of an assertion: `iss` and `sub` must both name it (RFC 7523 3). */
function assertionClientId(ctx: Pick<ProviderContext, 'logger'>, assertion: string): string {
  let claims: ReturnType<typeof decodeJwt>;
  try {
    claims = decodeJwt(assertion);
  } catch {
    throw clientAuthenticationFailed(ctx, 'client assertion is not a JWT');
  }
  if (typeof claims.sub !== 'string' || !claims.sub || claims.iss !== claims.sub) {
    throw clientAuthenticationFailed(ctx, 'client assertion iss and sub must be the client id');
  }
  return claims.sub;
}

function readJwt(ctx: Pick<ProviderContext, 'logger'>, params: Params): PresentedCredentials {
  const assertion = params.get('client_assertion');
  const type = params.get('client_assertion_type');
  if (!assertion || !type) {
    throw new OAuthError(
      'invalid_request',
      'client_assertion and client_assertion_type are both required',
    );
  }
  if (type !== JWT_BEARER_ASSERTION_TYPE) {
    throw clientAuthenticationFailed(ctx, 'unsupported client_assertion_type');
  }
  return { kind: 'jwt', clientId: assertionClientId(ctx, assertion), assertion };
}

/**
 * Reads the credentials of the one method used. Several methods -> `invalid_request`; none at
 * all -> `invalid_client`. A body `client_id` next to other credentials must name the same client.
 */
export function readPresentedCredentials(
  ctx: Pick<ProviderContext, 'logger'>,
  request: Request,
  params: Params,
): PresentedCredentials {
  const authorization = readAuthorization(request);
  const usesJwt = params.has('client_assertion') || params.has('client_assertion_type');
  const usesPost = params.has('client_secret');
  const used = [authorization !== undefined, usesJwt, usesPost].filter(Boolean).length;
  if (used > 1) {
    throw new OAuthError('invalid_request', 'More than one client authentication method was used');
  }
  let presented: PresentedCredentials;
  if (authorization) {
    if (authorization.scheme !== 'basic') {
      throw clientAuthenticationFailed(ctx, 'unsupported authorization scheme');
    }
    presented = { kind: 'basic', ...decodeBasicCredentials(ctx, authorization.value) };
  } else if (usesJwt) {
    presented = readJwt(ctx, params);
  } else {
    const clientId = params.get('client_id');
    if (!clientId) throw clientAuthenticationFailed(ctx, 'no client credentials');
    const secret = params.get('client_secret');
    presented =
      secret === undefined ? { kind: 'none', clientId } : { kind: 'post', clientId, secret };
  }
  const named = params.get('client_id');
  if (named !== undefined && named !== presented.clientId) {
    throw clientAuthenticationFailed(ctx, 'client_id does not match the credentials');
  }
  return presented;
}
