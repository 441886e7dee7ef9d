/**
 * PKCE at the token endpoint (RFC 7636 4.5, 4.6). Fixes pyOP defect 6: `plain` works when the
 * tenant allows it (instead of a 500), a missing method means `plain` (4.3), the verifier's
 * syntax is checked (4.1), and a verifier for a code issued without a challenge is refused
 * (RFC 9700 2.1.1: it signals a downgrade or injection attempt).
 */
import { createHash } from 'node:crypto';
import type { ProviderContext } from '../context.js';
import { OAuthError } from '../errors.js';
import type { AuthorizationCodeRecord } from '../storage/ports.js';
import { safeEqual } from '../tokens/hash.js';
import type { ClientRecord } from '../types.js';

/** RFC 7636 4.1: 43 to 128 unreserved characters. */
const VERIFIER_SYNTAX = /^[A-Za-z0-9\-._~]{43,128}$/;

/** BASE64URL(SHA256(ASCII(verifier))), the S256 transformation (4.2). */
export function s256Challenge(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

function pkceFailure(description: string): OAuthError {
  return new OAuthError('invalid_grant', description);
}

/** Whether the tenant's policy demands PKCE from this client (defence in depth). */
function pkceRequired(ctx: ProviderContext, client: ClientRecord): boolean {
  return (
    ctx.settings.pkce.required === 'all' || client.metadata.token_endpoint_auth_method === 'none'
  );
}

/** Throws `invalid_grant` unless `verifier` proves possession for this code. */
export function verifyPkce(
  ctx: ProviderContext,
  client: ClientRecord,
  code: AuthorizationCodeRecord,
  verifier: string | undefined,
): void {
  const challenge = code.codeChallenge;
  if (challenge === undefined) {
    if (verifier !== undefined) throw pkceFailure('code_verifier sent for a code without PKCE');
    if (pkceRequired(ctx, client)) throw pkceFailure('This client must use PKCE');
    return;
  }
  if (verifier === undefined) throw pkceFailure('code_verifier is required for this code');
  if (!VERIFIER_SYNTAX.test(verifier)) throw pkceFailure('code_verifier is malformed');
  const method = code.codeChallengeMethod ?? 'plain';
  if (method === 'plain' && !ctx.settings.pkce.allowPlain) {
    throw pkceFailure('The plain code_challenge_method is not allowed');
  }
  const computed = method === 'S256' ? s256Challenge(verifier) : verifier;
  if (!safeEqual(computed, challenge)) throw pkceFailure('code_verifier does not match');
}
