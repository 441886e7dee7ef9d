/**
 * Client metadata validation (RFC 7591 2, OIDC Registration 2), independent of HTTP and of any
 * provider instance: dynamic registration, RFC 7592 updates and the admin API all call this one
 * function, so a client is held to the same rules however it was created.
 */
import type { RegistrationRequestValidator } from '../context.js';
import { isOAuthError, ServerError } from '../errors.js';
import type { ProviderSettings } from '../settings.js';
import type { ApplicationType, ClientMetadata, SigningAlgorithm } from '../types.js';
import { invalidMetadata, invalidRedirectUri } from './invalid-metadata.js';
import { readMetadataFields } from './read-metadata-fields.js';
import { validateAuthMethod } from './validate-auth-method.js';
import {
  checkResponseTypesMatchGrantTypes,
  validateGrantTypes,
  validateResponseTypes,
} from './validate-grant-types.js';
import { validateJwks } from './validate-jwks.js';
import { validateLogoutUris } from './validate-logout-uris.js';
import { redirectUriProblem } from './validate-redirect-uris.js';
import { validateResponseSigning } from './validate-response-signing.js';
import { validateSectorIdentifier } from './validate-sector-identifier.js';
import { narrowDefaultAcrValues, validateSubjectType } from './validate-subject-type.js';

export interface ValidateClientMetadataOptions {
  settings: ProviderSettings;
  /** Algorithms the tenant holds an active signing key for. */
  signingAlgorithms: readonly SigningAlgorithm[];
  /** Fetches `sector_identifier_uri`. */
  fetch: typeof fetch;
  /** App-added checks, run last on the validated metadata (pyOP `registration_request_validators`). */
  validators?: readonly RegistrationRequestValidator[];
}

/** RFC 7591 2 and OIDC Registration 2 defaults for omitted fields. */
const DEFAULTS = {
  response_types: ['code'],
  grant_types: ['authorization_code'],
  application_type: 'web',
  token_endpoint_auth_method: 'client_secret_basic',
  id_token_signed_response_alg: 'RS256',
} as const;

/**
 * Validates and normalizes client metadata; throws `invalid_redirect_uri` or
 * `invalid_client_metadata` naming the field at fault. Unknown fields are kept.
 *
 * @example
 * const metadata = await validateClientMetadata(
 *   { redirect_uris: ['https://rp.example.com/cb'] },
 *   { settings, signingAlgorithms: ['RS256'], fetch },
 * );
 */
export async function validateClientMetadata(
  input: Record<string, unknown>,
  options: ValidateClientMetadataOptions,
): Promise<ClientMetadata> {
  const { settings } = options;
  const metadata: Record<string, unknown> = { ...DEFAULTS, ...readMetadataFields(input) };
  const applicationType = metadata.application_type as ApplicationType;
  if (applicationType !== 'web' && applicationType !== 'native') {
    throw invalidMetadata('application_type', "must be 'web' or 'native'");
  }
  const grantTypes = validateGrantTypes(metadata.grant_types as string[], settings);
  metadata.response_types = validateResponseTypes(metadata.response_types as string[], settings);
  checkResponseTypesMatchGrantTypes(metadata.response_types as string[], grantTypes);
  metadata.redirect_uris = validateRedirectUris(metadata, grantTypes, applicationType);
  validateSubjectType(metadata, settings);
  validateJwks(metadata);
  validateAuthMethod(metadata, settings);
  validateResponseSigning(metadata, options.signingAlgorithms);
  const acr = narrowDefaultAcrValues(metadata.default_acr_values as string[] | undefined, settings);
  if (acr) metadata.default_acr_values = acr;
  validateLogoutUris(metadata, applicationType);
  await validateSectorIdentifier({
    sectorIdentifierUri: metadata.sector_identifier_uri as string | undefined,
    redirectUris: metadata.redirect_uris as string[],
    pairwise: mayBePairwise(metadata.subject_type, settings),
    fetch: options.fetch,
  });
  await runCustomValidators(metadata, options.validators ?? []);
  return metadata as ClientMetadata;
}

/**
 * Whether the client's subjects can be pairwise. Without an explicit `subject_type` the tenant's
 * default applies; the sector rules are enforced whenever that default could be pairwise.
 */
function mayBePairwise(subjectType: unknown, settings: ProviderSettings): boolean {
  if (subjectType !== undefined) return subjectType === 'pairwise';
  return settings.subjectTypes[0] === 'pairwise' || !settings.subjectTypes.includes('public');
}

/** Required for the flows that redirect (RFC 7591 2); clients without them store an empty list. */
function validateRedirectUris(
  metadata: Record<string, unknown>,
  grantTypes: string[],
  applicationType: ApplicationType,
): string[] {
  const uris = (metadata.redirect_uris as string[] | undefined) ?? [];
  const redirecting = grantTypes.includes('authorization_code') || grantTypes.includes('implicit');
  if (redirecting && uris.length === 0) throw invalidRedirectUri('is required');
  const implicit = grantTypes.includes('implicit');
  for (const uri of uris) {
    const problem = redirectUriProblem(uri, { applicationType, implicit });
    if (problem) throw invalidRedirectUri(problem);
  }
  return uris;
}

/** An app validator that fails unexpectedly yields `server_error`, never a crash. */
async function runCustomValidators(
  metadata: Record<string, unknown>,
  validators: readonly RegistrationRequestValidator[],
): Promise<void> {
  for (const validator of validators) {
    try {
      await validator(metadata);
    } catch (error) {
      throw isOAuthError(error) ? error : new ServerError(error);
    }
  }
}
