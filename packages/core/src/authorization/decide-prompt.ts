/**
 * Deciding whether a request can be answered straight away or needs the host's login or
 * consent page (OIDC Core 3.1.2.3 "Authorization Server Authenticates End-User" and 3.1.2.4
 * "Obtains End-User Consent/Authorization").
 */
import { requestedSubject } from '../claims/claims-request.js';
import type { ProviderContext } from '../context.js';
import type { SessionRecord } from '../storage/ports.js';
import type { UserRecord } from '../types.js';
import type { AuthenticationRequest } from './request.js';
import { subjectOf } from './resolve-subject.js';

/** Whether the end user must (re-)authenticate before this request can be answered. */
export function loginNeeded(
  ctx: ProviderContext,
  request: AuthenticationRequest,
  session: SessionRecord | undefined,
  user: UserRecord | undefined,
): boolean {
  if (!session || !user || user.disabled) return true;
  // 3.1.2.1: `login` and `select_account` ask for an interactive (re-)authentication.
  if (request.prompt.has('login') || request.prompt.has('select_account')) return true;
  // 3.1.2.1 max_age, else the client's registered default_max_age (Registration 2). With
  // whole-second clocks a session is 0 s old for up to a second, so `max_age=0` (which the
  // spec makes equivalent to prompt=login) needs its own case.
  const maxAge = request.maxAge ?? request.client.metadata.default_max_age;
  if (maxAge === 0) return true;
  if (maxAge !== undefined && ctx.clock() - session.authTime > maxAge) return true;
  const wanted = demandedSubject(request);
  return wanted !== undefined && wanted !== subjectOf(ctx, request, user);
}

/** The sub the RP names (id_token_hint, or a claims-parameter `sub` value), if any. */
export function demandedSubject(request: AuthenticationRequest): string | undefined {
  if (request.idTokenHint) return request.idTokenHint.sub;
  try {
    return requestedSubject(request.claims);
  } catch {
    // Two different demanded subs: authorize() reports it; no session user can satisfy it.
    return '';
  }
}

/** Claim names the claims parameter asks for, which consent must cover too. */
export function requestedClaimNames(request: Pick<AuthenticationRequest, 'claims'>): string[] {
  const names = new Set([
    ...Object.keys(request.claims?.id_token ?? {}),
    ...Object.keys(request.claims?.userinfo ?? {}),
  ]);
  return [...names];
}

/** Whether the user must (again) consent to this client receiving what it asks for. */
export async function consentNeeded(
  ctx: ProviderContext,
  request: AuthenticationRequest,
  userId: string,
): Promise<boolean> {
  if (request.prompt.has('consent')) return true;
  // OIDC Core 11: offline access needs explicit consent every time it is requested.
  if (request.scope.includes('offline_access')) return true;
  const consent = await ctx.stores.consents.get(userId, request.clientId);
  if (!consent) return true;
  const scopes = new Set(consent.scopes);
  const claims = new Set(consent.claims);
  return (
    request.scope.some((scope) => !scopes.has(scope)) ||
    requestedClaimNames(request).some((name) => !claims.has(name))
  );
}
