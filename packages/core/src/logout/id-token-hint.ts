/**
 * Verifies the `id_token_hint` of a logout request. pyOP accepted unsigned hints and hints
 * signed by unknown keys (pyOP defect 5), which let anyone knowing a `sub` log that user out;
 * here only a token signed by one of this tenant's keys, for this issuer, counts.
 */
import type { ProviderContext } from '../context.js';
import { OAuthError } from '../errors.js';

/** What the logout flow uses from a verified ID token hint. */
export interface IdTokenHint {
  sub: string;
  /** The `aud` claim as a list (OIDC Core 2 allows a string or an array). */
  audiences: string[];
  /** The client the token was issued to: `azp` when present, else the first audience. */
  clientId: string;
  /** The OP session the token was issued in, when the OP included one. */
  sid?: string;
}

/**
 * Verifies signature and issuer of an ID token hint; expired hints are fine (RP-Initiated
 * Logout 1.0, 2: "expired ID Tokens ... SHOULD be accepted"). Every failure is
 * `invalid_request`, never a raw crypto exception (pyOP defect 11).
 *
 * @example const hint = await verifyIdTokenHint(ctx, params.id_token_hint);
 */
export async function verifyIdTokenHint(ctx: ProviderContext, token: string): Promise<IdTokenHint> {
  let verified: Awaited<ReturnType<typeof ctx.keys.verify>>;
  try {
    verified = await ctx.keys.verify(token, {
      issuer: ctx.issuer,
      now: ctx.clock(),
      tolerateExpiry: true,
    });
  } catch (cause) {
    throw invalidHint('The id_token_hint is not an ID token issued by this provider', cause);
  }
  const { payload, protectedHeader } = verified;
  // ID tokens carry no `typ` (or plain JWT); this keeps our own logout tokens and JWT access
  // tokens, signed by the same keys, from passing as hints (RFC 8725 3.11).
  const typ = protectedHeader.typ?.toLowerCase();
  if ((typ !== undefined && typ !== 'jwt') || 'events' in payload) {
    throw invalidHint('The id_token_hint is not an ID token');
  }
  const audiences = typeof payload.aud === 'string' ? [payload.aud] : (payload.aud ?? []);
  if (typeof payload.sub !== 'string' || !payload.sub || audiences.length === 0) {
    throw invalidHint('The id_token_hint lacks sub or aud');
  }
  const azp = typeof payload.azp === 'string' ? payload.azp : undefined;
  return {
    sub: payload.sub,
    audiences,
    clientId: azp ?? audiences[0]!,
    ...(typeof payload.sid === 'string' && { sid: payload.sid }),
  };
}

function invalidHint(description: string, cause?: unknown): OAuthError {
  return new OAuthError('invalid_request', description, { cause });
}
