/**
 * Delivering one logout token (Back-Channel Logout 1.0, 2.5): a form POST, retried with
 * exponential backoff while the RP is unreachable or answers 5xx. A 4xx is the RP's final word
 * (2.8: 400 means it rejected the token), so it is not retried.
 */
import type { ProviderContext } from '../context.js';

/** Per attempt: an RP that hangs must not hold the background work (or a worker) forever. */
export const DELIVERY_TIMEOUT_MS = 5000;

/** What became of a delivery, for logs and tests. */
export type DeliveryOutcome =
  | { delivered: true; attempts: number }
  | { delivered: false; attempts: number; status?: number; error?: string };

/**
 * POSTs `logout_token` to the RP's `backchannel_logout_uri`. Never throws. Failures are logged
 * with the client and URI but never the token, which is a bearer credential to the RP.
 *
 * @example await deliverLogoutToken(ctx, 'rp1', 'https://rp.example/bcl', token);
 */
export async function deliverLogoutToken(
  ctx: ProviderContext,
  clientId: string,
  uri: string,
  token: string,
): Promise<DeliveryOutcome> {
  const maxAttempts = Math.max(1, ctx.settings.backchannelLogoutAttempts);
  let outcome: DeliveryOutcome = { delivered: false, attempts: 0 };
  for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
    if (attempt > 1) await sleep(ctx.settings.backchannelLogoutRetryDelay * 2 ** (attempt - 2));
    outcome = await attemptDelivery(ctx, uri, token, attempt);
    const final = outcome.delivered || (outcome.status !== undefined && outcome.status < 500);
    if (final) break;
  }
  if (!outcome.delivered) {
    const { status, error, attempts } = outcome;
    ctx.logger.warn('back-channel logout failed', { clientId, uri, attempts, status, error });
  }
  return outcome;
}

async function attemptDelivery(
  ctx: ProviderContext,
  uri: string,
  token: string,
  attempt: number,
): Promise<DeliveryOutcome> {
  try {
    const response = await ctx.fetch(uri, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ logout_token: token }).toString(),
      // The token is for this URI only; a redirect elsewhere is a failure, not a hop.
      redirect: 'manual',
      signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
    });
    await response.body?.cancel().catch(() => undefined);
    if (response.ok) return { delivered: true, attempts: attempt };
    return { delivered: false, attempts: attempt, status: response.status };
  } catch (error) {
    return { delivered: false, attempts: attempt, error: (error as Error)?.name ?? 'Error' };
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
