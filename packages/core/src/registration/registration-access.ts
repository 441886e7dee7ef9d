/**
 * Who may register and manage clients. Registration is open, gated by an RFC 7591 3 initial
 * access token, or off; when off the endpoints answer 404 (and discovery omits
 * `registration_endpoint`), as if they did not exist, as node-oidc-provider does. Management
 * (RFC 7592 2) needs the client's registration access token as a Bearer token.
 */
import type { ProviderContext } from '../context.js';
import { BearerTokenError, InvalidAccessToken, OAuthError, ServerError } from '../errors.js';
import { readBearerHeader } from '../http/bearer-token.js';
import { hashToken, safeEqual } from '../tokens/hash.js';
import type { ClientRecord } from '../types.js';

export function assertRegistrationEnabled(ctx: ProviderContext): void {
  if (ctx.settings.registration === 'off') {
    throw new OAuthError('registration_not_supported', 'Dynamic client registration is off', {
      status: 404,
    });
  }
}

function bearerToken(request: Request, what: string): string {
  const header = readBearerHeader(request);
  if (header.kind !== 'bearer') throw new BearerTokenError(`${what} is required`);
  return header.token;
}

/** Under the `initial_access_token` policy, the request must carry one the host accepts. */
export async function checkInitialAccessToken(
  ctx: ProviderContext,
  request: Request,
): Promise<void> {
  if (ctx.settings.registration !== 'initial_access_token') return;
  const token = bearerToken(request, 'An initial access token');
  let valid = false;
  if (ctx.verifyInitialAccessToken) {
    try {
      valid = await ctx.verifyInitialAccessToken(token);
    } catch (error) {
      throw new ServerError(error);
    }
  } else {
    ctx.logger.warn('registration needs initial access tokens but no verifier is set', {});
  }
  if (!valid) throw new InvalidAccessToken('The initial access token is invalid');
}

// Compared against when the client does not exist, so unknown clients cost the same work.
const NO_TOKEN_HASH = hashToken('no registration access token');

/**
 * The client the registration access token belongs to. An unknown client and a wrong token get
 * the same answer, so the endpoint reveals nothing about which client ids exist.
 */
export async function authenticateRegistrationAccess(
  ctx: ProviderContext,
  request: Request,
  clientId: string,
): Promise<ClientRecord> {
  const token = bearerToken(request, 'The registration access token');
  const record = await ctx.stores.clients.get(clientId);
  const expected = record?.registrationAccessTokenHash;
  const matches = safeEqual(hashToken(token), expected ?? NO_TOKEN_HASH);
  if (!record || expected === undefined || !matches) {
    throw new InvalidAccessToken('The registration access token is invalid');
  }
  return record;
}
