/**
 * The token endpoint (RFC 6749 3.2, OIDC Core 3.1.3): authenticate the client first, then run
 * the grant named by `grant_type`. Responses are never cached and may be read by browser apps.
 */
import { authenticateClient } from '../client-auth/authenticate-client.js';
import type { ProviderContext } from '../context.js';
import { InvalidTokenRequest, OAuthError } from '../errors.js';
import { findGrant } from '../grants/index.js';
import { asOAuthError, jsonErrorResponse } from '../http/errors.js';
import { readForm } from '../http/request.js';
import { jsonResponse } from '../http/response.js';
import type { ExtraClaims } from '../types.js';

/** Token responses are fetched by SPAs from other origins; no cookies are involved. */
export const CORS_HEADERS = { 'access-control-allow-origin': '*' } as const;

/** Runs a token request; returns the JSON response body or throws an `OAuthError`. */
export async function processTokenRequest(
  ctx: ProviderContext,
  request: Request,
  extraClaims?: ExtraClaims,
): Promise<Record<string, unknown>> {
  const params = await readForm(request);
  const client = await authenticateClient(ctx, request, params, { endpoint: 'token' });
  const grantType = params.get('grant_type');
  if (grantType === undefined)
    throw new InvalidTokenRequest("Missing required parameter 'grant_type'");
  const grant = findGrant(grantType);
  if (!grant || !ctx.settings.grantTypes.includes(grant.grantType)) {
    throw new OAuthError('unsupported_grant_type', `grant_type '${grantType}' is not supported`);
  }
  // RFC 6749 5.2 unauthorized_client: the client did not register this grant type.
  if (!client.metadata.grant_types?.includes(grant.grantType)) {
    throw new OAuthError(
      'unauthorized_client',
      `This client may not use grant_type '${grantType}'`,
    );
  }
  return grant.handle(ctx, client, params, extraClaims);
}

/** Serves the token endpoint; errors become RFC 6749 5.2 JSON errors. */
export async function handleToken(ctx: ProviderContext, request: Request): Promise<Response> {
  try {
    const body = await processTokenRequest(ctx, request, ctx.extraIdTokenClaims);
    return jsonResponse(body, 200, CORS_HEADERS);
  } catch (error) {
    return clientErrorResponse(ctx, request, error, CORS_HEADERS);
  }
}

/**
 * An error of an endpoint that authenticates clients. RFC 6749 5.2: after an attempt through
 * the Authorization header, `invalid_client` is a 401 with a `WWW-Authenticate` challenge.
 */
export function clientErrorResponse(
  ctx: ProviderContext,
  request: Request,
  error: unknown,
  headers: Record<string, string> = {},
): Response {
  const response = jsonErrorResponse(
    asOAuthError(error, ctx.logger),
    request.headers.has('authorization'),
  );
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}
