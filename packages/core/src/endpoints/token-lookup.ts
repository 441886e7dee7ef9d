/**
 * Finding a presented token for introspection (RFC 7662) and revocation (RFC 7009). Both
 * endpoints accept either kind of token; the hint only decides which store is tried first
 * (RFC 7009 2.1, RFC 7662 2.1), and unknown hint values are ignored.
 */
import type { ProviderContext } from '../context.js';
import type { AccessTokenRecord, RefreshTokenRecord } from '../storage/ports.js';
import { hashToken } from '../tokens/hash.js';

export type FoundToken =
  | { type: 'access_token'; record: AccessTokenRecord }
  | { type: 'refresh_token'; record: RefreshTokenRecord };

/** Looks the token up in both stores, in the order the hint suggests. */
export async function findToken(
  ctx: ProviderContext,
  value: string,
  hint: string | undefined,
): Promise<FoundToken | undefined> {
  const hash = hashToken(value);
  const lookups = [
    async (): Promise<FoundToken | undefined> => {
      const record = await ctx.stores.accessTokens.find(hash);
      return record && { type: 'access_token', record };
    },
    async (): Promise<FoundToken | undefined> => {
      const record = await ctx.stores.refreshTokens.find(hash);
      return record && { type: 'refresh_token', record };
    },
  ];
  if (hint === 'refresh_token') lookups.reverse();
  for (const lookup of lookups) {
    const found = await lookup();
    if (found) return found;
  }
  return undefined;
}
