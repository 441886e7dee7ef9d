/**
 * Response signing and encryption preferences (OIDC Registration 2). ID tokens are signed with
 * an algorithm the tenant holds an active key for (never `none`). Encrypted responses, signed
 * userinfo and request objects are not offered (discovery publishes none of them), so asking
 * for them is an error rather than a preference quietly ignored.
 */
import type { SigningAlgorithm } from '../types.js';
import { invalidMetadata } from './invalid-metadata.js';

const UNSUPPORTED_FIELDS = [
  'id_token_encrypted_response_alg',
  'id_token_encrypted_response_enc',
  'userinfo_signed_response_alg',
  'userinfo_encrypted_response_alg',
  'userinfo_encrypted_response_enc',
  'request_object_signing_alg',
  'request_object_encryption_alg',
  'request_object_encryption_enc',
] as const;

export function validateResponseSigning(
  metadata: Record<string, unknown>,
  signingAlgorithms: readonly SigningAlgorithm[],
): void {
  const alg = metadata.id_token_signed_response_alg as string;
  if (!(signingAlgorithms as readonly string[]).includes(alg)) {
    throw invalidMetadata('id_token_signed_response_alg', `value '${alg}' is not supported`);
  }
  for (const field of UNSUPPORTED_FIELDS) {
    if (field in metadata) throw invalidMetadata(field, 'is not supported by this provider');
  }
}
