/**
 * The host's own checks (pyOP `authentication_request_validators`, spec 3.2 step 7) run last,
 * in order, on the fully validated request. What they throw is turned into a deliverable error
 * by `deliverToClient`, so a buggy validator yields `server_error`, never a crash.
 */
import type { ProviderContext } from '../../context.js';
import type { AuthenticationRequest } from '../request.js';

/** Runs every app-added validator in order; the first that throws wins. */
export async function runCustomValidators(
  ctx: ProviderContext,
  request: AuthenticationRequest,
): Promise<void> {
  for (const validate of ctx.authenticationRequestValidators) await validate(request);
}
