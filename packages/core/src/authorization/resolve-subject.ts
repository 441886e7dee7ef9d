/**
 * The end user's subject identifier at a client (OIDC Core 8) and the check that it is the
 * one the RP asked for.
 */
import { requestedSubject } from '../claims/claims-request.js';
import type { ProviderContext } from '../context.js';
import { AuthorizationError, type AuthorizationErrorTarget, isOAuthError } from '../errors.js';
import { subjectFor } from '../subjects/subject-identifier.js';
import type { UserRecord } from '../types.js';
import type { AuthenticationRequest } from './request.js';

/** The `sub` of `user` at the request's client (OIDC Core 8). */
export function subjectOf(
  ctx: ProviderContext,
  request: Pick<AuthenticationRequest, 'client'>,
  user: UserRecord,
): string {
  return subjectFor(ctx, user, request.client.metadata);
}

/**
 * OIDC Core 5.5.1: a `sub` with a `value` in the claims parameter means "only this user".
 * The value is compared, not the whole entry (pyOP defect 2).
 */
export function checkRequestedSubject(
  request: AuthenticationRequest,
  sub: string,
  target: AuthorizationErrorTarget,
): void {
  let wanted: string | undefined;
  try {
    wanted = requestedSubject(request.claims);
  } catch (error) {
    if (!isOAuthError(error)) throw error;
    throw new AuthorizationError(error.error, error.message, target);
  }
  if (wanted !== undefined && wanted !== sub) {
    throw new AuthorizationError(
      'access_denied',
      'The requested subject does not match the end user',
      target,
    );
  }
}
