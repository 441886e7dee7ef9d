/**
 * Verifying a JWT client assertion (RFC 7523 3, OIDC Core 9) for `client_secret_jwt` and
 * `private_key_jwt`: signature, iss = sub = client id, an audience naming this provider,
 * a short-lived `exp`, and a `jti` that is accepted once only.
 */
import { type JWTVerifyGetKey, jwtVerify } from 'jose';
import type { ProviderContext } from '../context.js';
import type { ClientRecord } from '../types.js';
import { clientAuthenticationFailed } from './failure.js';

export interface AssertionCheck {
  /** Algorithms of the method's family, narrowed by `token_endpoint_auth_signing_alg`. */
  algorithms: readonly string[];
  key: Uint8Array | JWTVerifyGetKey;
  /** Acceptable `aud` values: the issuer, the token endpoint and the endpoint being called. */
  audience: string[];
}

/** The algorithms allowed for this client: the registered one only, when it registered one. */
export function allowedAlgorithms(client: ClientRecord, family: readonly string[]): string[] {
  const registered = client.metadata.token_endpoint_auth_signing_alg;
  if (registered === undefined) return [...family];
  return family.includes(registered) ? [registered] : [];
}

/** Throws `invalid_client` unless `assertion` authenticates `client`. */
export async function verifyClientAssertion(
  ctx: ProviderContext,
  client: ClientRecord,
  assertion: string,
  check: AssertionCheck,
): Promise<void> {
  const clientId = client.clientId;
  const now = ctx.clock();
  let exp: number;
  let jti: string;
  try {
    const options = {
      issuer: clientId,
      subject: clientId,
      audience: check.audience,
      algorithms: [...check.algorithms],
      requiredClaims: ['exp', 'jti'],
      currentDate: new Date(now * 1000),
      clockTolerance: ctx.settings.clockTolerance,
    };
    const { payload } =
      check.key instanceof Uint8Array
        ? await jwtVerify(assertion, check.key, options)
        : await jwtVerify(assertion, check.key, options);
    exp = payload.exp as number;
    if (typeof payload.jti !== 'string' || payload.jti === '')
      throw new Error('jti is not a string');
    jti = payload.jti;
  } catch (error) {
    throw clientAuthenticationFailed(ctx, 'client assertion rejected', {
      clientId,
      cause: error instanceof Error ? error.message : String(error),
    });
  }
  // A long-lived assertion is a replayable password; RFC 7523 3 lets the server cap it.
  if (exp - now > ctx.settings.clientAssertionMaxAge + ctx.settings.clockTolerance) {
    throw clientAuthenticationFailed(ctx, 'client assertion lives too long', { clientId });
  }
  // RFC 7523 3 item 7: the server may keep used jti values to stop replays.
  if (!(await ctx.stores.replay.add(`${clientId}:${jti}`, exp))) {
    throw clientAuthenticationFailed(ctx, 'client assertion replayed', { clientId });
  }
}
