/**
 * Host-supplied ID-token claims at the token endpoint. pyOP v3.4.2 dropped them by accident
 * (spec 5.7, defect 1); the intended behaviour is honoured here: a plain object, or a function
 * of (userId, clientId), possibly async. Claims stored on the grant by `authorize()` come first.
 */
import type { GrantRecord } from '../storage/ports.js';
import type { ExtraClaims } from '../types.js';

/** The extra claims for this grant's ID token: the grant's, then the caller's (which win). */
export async function resolveExtraClaims(
  grant: GrantRecord,
  extra: ExtraClaims | undefined,
): Promise<Record<string, unknown>> {
  const supplied = await evaluateExtraClaims(extra, grant.userId ?? '', grant.clientId);
  return { ...grant.extraIdTokenClaims, ...supplied };
}

/** pyOP's `extra_id_token_claims`: an object, or a function of (userId, clientId), maybe async. */
export async function evaluateExtraClaims(
  extra: ExtraClaims | undefined,
  userId: string,
  clientId: string,
): Promise<Record<string, unknown>> {
  return (typeof extra === 'function' ? await extra(userId, clientId) : extra) ?? {};
}
