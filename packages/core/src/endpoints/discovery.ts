/** OpenID Connect Discovery 1.0 (3) and RFC 8414 metadata, built from the tenant's settings. */

import { STANDARD_SCOPE_CLAIMS } from '../claims/scopes.js';
import type { ProviderContext } from '../context.js';
import { publicJsonResponse } from '../http/response.js';

/** Caches may keep discovery and JWKS this long; key rotation stages `next` keys well before. */
export const METADATA_MAX_AGE = 300;

/** Algorithms accepted for client assertion JWTs (RFC 7523); registration checks against it. */
export const CLIENT_ASSERTION_ALGS: readonly string[] = [
  'HS256',
  'HS384',
  'HS512',
  'RS256',
  'PS256',
  'ES256',
  'EdDSA',
];

export function discoveryDocument(ctx: ProviderContext): Record<string, unknown> {
  const { settings, endpoints } = ctx;
  const scopes = [
    ...new Set([...Object.keys(STANDARD_SCOPE_CLAIMS), ...Object.keys(settings.extraScopes)]),
  ];
  const scopeClaims = Object.values({ ...STANDARD_SCOPE_CLAIMS, ...settings.extraScopes }).flat();
  const claims = [
    ...new Set([
      'sub',
      'iss',
      'auth_time',
      'acr',
      'amr',
      'sid',
      ...scopeClaims,
      ...settings.claimsSupported,
    ]),
  ];
  const authMethods = settings.tokenEndpointAuthMethods;
  const authenticatedMethods = authMethods.filter((method) => method !== 'none');
  const signingAlgs = settings.signingAlgorithms.filter((alg) => ctx.keys.hasActiveKey(alg));
  return {
    issuer: ctx.issuer,
    authorization_endpoint: endpoints.authorization,
    token_endpoint: endpoints.token,
    userinfo_endpoint: endpoints.userinfo,
    jwks_uri: endpoints.jwks,
    ...(settings.registration !== 'off' && { registration_endpoint: endpoints.registration }),
    introspection_endpoint: endpoints.introspection,
    revocation_endpoint: endpoints.revocation,
    end_session_endpoint: endpoints.endSession,
    scopes_supported: scopes,
    response_types_supported: settings.responseTypes,
    response_modes_supported: settings.responseModes,
    grant_types_supported: settings.grantTypes,
    subject_types_supported: settings.subjectTypes,
    id_token_signing_alg_values_supported: signingAlgs,
    token_endpoint_auth_methods_supported: authMethods,
    token_endpoint_auth_signing_alg_values_supported: CLIENT_ASSERTION_ALGS,
    introspection_endpoint_auth_methods_supported: authenticatedMethods,
    introspection_endpoint_auth_signing_alg_values_supported: CLIENT_ASSERTION_ALGS,
    revocation_endpoint_auth_methods_supported: authMethods,
    revocation_endpoint_auth_signing_alg_values_supported: CLIENT_ASSERTION_ALGS,
    code_challenge_methods_supported: settings.pkce.allowPlain ? ['S256', 'plain'] : ['S256'],
    claims_supported: claims,
    claim_types_supported: ['normal'],
    claims_parameter_supported: true,
    request_parameter_supported: false,
    request_uri_parameter_supported: false,
    require_request_uri_registration: false,
    authorization_response_iss_parameter_supported: true,
    prompt_values_supported: ['none', 'login', 'consent', 'select_account'],
    ...(settings.acrValuesSupported.length > 0 && {
      acr_values_supported: settings.acrValuesSupported,
    }),
    backchannel_logout_supported: true,
    backchannel_logout_session_supported: true,
    frontchannel_logout_supported: false,
    ...ctx.extraMetadata,
  };
}

/** The serialized document per provider, rebuilt only when its keys are reloaded. */
const serialized = new WeakMap<ProviderContext, { keys: ProviderContext['keys']; json: string }>();

export async function handleDiscovery(ctx: ProviderContext, _request: Request): Promise<Response> {
  let cached = serialized.get(ctx);
  if (cached?.keys !== ctx.keys) {
    cached = { keys: ctx.keys, json: JSON.stringify(discoveryDocument(ctx)) };
    serialized.set(ctx, cached);
  }
  return publicJsonResponse(cached.json, METADATA_MAX_AGE);
}
