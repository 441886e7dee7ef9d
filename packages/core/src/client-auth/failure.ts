/**
 * One `invalid_client` for every way client authentication fails. RFC 6749 5.2 lets the
 * description be anything; keeping it identical means a caller cannot probe whether a client
 * id exists, which secret was wrong or which check tripped. The reason goes to the log only.
 */
import type { ProviderContext } from '../context.js';
import { InvalidClientAuthentication } from '../errors.js';

export const CLIENT_AUTHENTICATION_FAILED = 'Client authentication failed';

/** Logs `reason` (never a secret) and returns the uniform `invalid_client` error. */
export function clientAuthenticationFailed(
  ctx: Pick<ProviderContext, 'logger'>,
  reason: string,
  details: Record<string, unknown> = {},
): InvalidClientAuthentication {
  ctx.logger.info('client authentication failed', { reason, ...details });
  return new InvalidClientAuthentication(CLIENT_AUTHENTICATION_FAILED);
}
