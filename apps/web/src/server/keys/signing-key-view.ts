/** What the API shows of a signing key: its public half and its life cycle, never the private key. */
import type { KeyRecord, SigningAlgorithm } from '@tessera/core';

/** A public JWK: string members only (`kty`, `kid`, `n`, `e`, `crv`, `x`, `y`, ...). */
export type PublicJwk = Record<string, string>;

export type SigningKeyState = 'next' | 'active' | 'retired';

export interface SigningKeyView {
  kid: string;
  alg: SigningAlgorithm;
  state: SigningKeyState;
  /** As the tenant's JWKS publishes it. */
  publicJwk: PublicJwk;
  createdAt: Date;
  activatedAt: Date | null;
  retiredAt: Date | null;
}

/** The columns a view needs: never `privateJwkEncrypted`. */
export const SIGNING_KEY_VIEW_SELECT = {
  kid: true,
  alg: true,
  state: true,
  publicJwk: true,
  createdAt: true,
  activatedAt: true,
  retiredAt: true,
} as const;

/** Public members of RSA, EC and OKP keys (RFC 7518 6.2.1, 6.3.1; RFC 8037 2). */
const PUBLIC_MEMBERS = ['kty', 'crv', 'n', 'e', 'x', 'y'] as const;

/** Builds the published JWK from the stored one, copying public members only. */
export function signingKeyView(row: {
  kid: string;
  alg: string;
  state: string;
  publicJwk: unknown;
  createdAt: Date;
  activatedAt: Date | null;
  retiredAt: Date | null;
}): SigningKeyView {
  const stored = (row.publicJwk ?? {}) as Record<string, unknown>;
  const publicJwk: PublicJwk = { kid: row.kid, use: 'sig', alg: row.alg };
  for (const member of PUBLIC_MEMBERS) {
    if (typeof stored[member] === 'string') publicJwk[member] = stored[member];
  }
  return {
    kid: row.kid,
    alg: row.alg as SigningAlgorithm,
    state: row.state as SigningKeyState,
    publicJwk,
    createdAt: row.createdAt,
    activatedAt: row.activatedAt,
    retiredAt: row.retiredAt,
  };
}

/** The same view of a record the core's key functions returned. */
export function signingKeyViewOf(record: KeyRecord): SigningKeyView {
  const at = (seconds: number | undefined) =>
    seconds === undefined ? null : new Date(seconds * 1000);
  return signingKeyView({
    ...record,
    createdAt: new Date(record.createdAt * 1000),
    activatedAt: at(record.activatedAt),
    retiredAt: at(record.retiredAt),
  });
}
