/**
 * Type checks of every known metadata field (RFC 7591 2, OIDC Registration 2). Only shapes are
 * checked here; the rules between fields live in the `validate-*` files. Unknown fields are kept
 * as they are (RFC 7591 2: extensions), and the values the server itself issues are dropped so a
 * client can never choose its own client_id or secret.
 */
import { invalidMetadata } from './invalid-metadata.js';

const STRING_FIELDS = [
  'client_name',
  'application_type',
  'token_endpoint_auth_method',
  'token_endpoint_auth_signing_alg',
  'id_token_signed_response_alg',
  'id_token_encrypted_response_alg',
  'id_token_encrypted_response_enc',
  'userinfo_signed_response_alg',
  'userinfo_encrypted_response_alg',
  'userinfo_encrypted_response_enc',
  'request_object_signing_alg',
  'request_object_encryption_alg',
  'request_object_encryption_enc',
  'subject_type',
  'scope',
  'software_id',
  'software_version',
] as const;

/** Absolute URLs; the stricter scheme rules of some of them are checked by their own validator. */
const URL_FIELDS = [
  'client_uri',
  'logo_uri',
  'policy_uri',
  'tos_uri',
  'jwks_uri',
  'sector_identifier_uri',
  'initiate_login_uri',
  'backchannel_logout_uri',
] as const;

const STRING_ARRAY_FIELDS = [
  'redirect_uris',
  'response_types',
  'grant_types',
  'contacts',
  'default_acr_values',
  'post_logout_redirect_uris',
  'request_uris',
] as const;

const BOOLEAN_FIELDS = [
  'require_auth_time',
  'backchannel_logout_session_required',
  'frontchannel_logout_session_required',
] as const;

const NON_NEGATIVE_INTEGER_FIELDS = ['default_max_age'] as const;

/** Issued by the server (RFC 7591 3.2.1, RFC 7592 2.2): never taken from the client. */
const SERVER_FIELDS = new Set([
  'client_id',
  'client_secret',
  'client_id_issued_at',
  'client_secret_expires_at',
  'registration_access_token',
  'registration_client_uri',
]);

/** Whether `value` parses as an absolute URL (the WHATWG parser rejects relative references). */
export function isAbsoluteUrl(value: string): boolean {
  return URL.canParse(value);
}

/**
 * A copy of `input` with every known field type-checked. A `null` known field counts as omitted
 * (OIDC Registration 3.2 uses the same rule for responses). Throws `invalid_client_metadata`.
 */
export function readMetadataFields(input: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(input)) {
    if (SERVER_FIELDS.has(name) || value === null) continue;
    out[name] = value;
  }
  for (const name of STRING_FIELDS) {
    if (name in out && (typeof out[name] !== 'string' || out[name] === '')) {
      throw invalidMetadata(name, 'must be a non-empty string');
    }
  }
  for (const name of URL_FIELDS) {
    const value = out[name];
    if (value !== undefined && (typeof value !== 'string' || !isAbsoluteUrl(value))) {
      throw invalidMetadata(name, 'must be an absolute URL');
    }
  }
  for (const name of STRING_ARRAY_FIELDS) {
    const value = out[name];
    if (value === undefined) continue;
    if (!Array.isArray(value) || value.some((item) => typeof item !== 'string' || item === '')) {
      throw invalidMetadata(name, 'must be an array of non-empty strings');
    }
    out[name] = [...new Set(value as string[])];
  }
  for (const name of BOOLEAN_FIELDS) {
    if (name in out && typeof out[name] !== 'boolean') {
      throw invalidMetadata(name, 'must be a boolean');
    }
  }
  for (const name of NON_NEGATIVE_INTEGER_FIELDS) {
    const value = out[name];
    if (value !== undefined && !(Number.isSafeInteger(value) && (value as number) >= 0)) {
      throw invalidMetadata(name, 'must be a non-negative integer');
    }
  }
  return out;
}
