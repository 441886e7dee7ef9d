/**
 * A tenant's signing keys: several keys in states `next`, `active` and `retired`. Signing uses
 * the newest active key of the wanted algorithm; the JWKS publishes every state so relying
 * parties can pre-fetch `next` keys and still verify tokens signed by `retired` ones.
 */
import {
  type CryptoKey,
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JSONWebKeySet,
  type JWK,
  type JWTPayload,
  type JWTVerifyResult,
  jwtVerify,
  SignJWT,
} from 'jose';
import { OAuthError } from '../errors.js';
import type { KeyRecord, KeyStore } from '../storage/ports.js';
import { randomId } from '../tokens/random.js';
import type { Clock, RandomSource, SigningAlgorithm } from '../types.js';

interface LoadedKey {
  record: KeyRecord;
  privateKey: CryptoKey;
}

export class KeySet {
  private readonly signingKeys = new Map<SigningAlgorithm, LoadedKey>();
  readonly jwks: JSONWebKeySet;
  private readonly verifier: ReturnType<typeof createLocalJWKSet>;

  private constructor(
    readonly records: KeyRecord[],
    loaded: LoadedKey[],
  ) {
    // Newest active key per algorithm signs; the records arrive sorted newest first.
    for (const key of loaded) {
      if (key.record.state === 'active' && !this.signingKeys.has(key.record.alg)) {
        this.signingKeys.set(key.record.alg, key);
      }
    }
    this.jwks = { keys: records.map((record) => publicJwk(record)) };
    this.verifier = createLocalJWKSet(this.jwks);
  }

  /** Imports the stored keys once; a provider keeps the result for its lifetime. */
  static async load(store: KeyStore): Promise<KeySet> {
    const records = (await store.list()).sort(
      (a, b) => (b.activatedAt ?? b.createdAt) - (a.activatedAt ?? a.createdAt),
    );
    const loaded = await Promise.all(
      records
        .filter((record) => record.state === 'active')
        .map(async (record) => ({
          record,
          privateKey: (await importJWK(record.privateJwk, record.alg)) as CryptoKey,
        })),
    );
    return new KeySet(records, loaded);
  }

  get algorithms(): SigningAlgorithm[] {
    return [...this.signingKeys.keys()];
  }

  hasActiveKey(alg: SigningAlgorithm): boolean {
    return this.signingKeys.has(alg);
  }

  /** Signs a JWT with the active key for `alg`. */
  async sign(payload: JWTPayload, alg: SigningAlgorithm, typ?: string): Promise<string> {
    const key = this.signingKeys.get(alg);
    if (!key) throw new OAuthError('server_error', `No active ${alg} signing key`);
    return new SignJWT(payload)
      .setProtectedHeader({ alg, kid: key.record.kid, ...(typ ? { typ } : {}) })
      .sign(key.privateKey);
  }

  /** Verifies a JWT signed by one of this tenant's published keys (any state). */
  verify(
    token: string,
    options: {
      issuer: string;
      now: number;
      audience?: string;
      tolerateExpiry?: boolean;
      clockTolerance?: number;
    },
  ): Promise<JWTVerifyResult> {
    return jwtVerify(token, this.verifier, {
      issuer: options.issuer,
      audience: options.audience,
      algorithms: [...new Set(this.records.map((r) => r.alg))],
      currentDate: new Date(options.now * 1000),
      // Logout accepts expired ID tokens as hints (RP-Initiated Logout 1.0, 2).
      clockTolerance: options.tolerateExpiry
        ? Number.MAX_SAFE_INTEGER / 1000
        : (options.clockTolerance ?? 0),
    });
  }
}

function publicJwk(record: KeyRecord): JWK {
  const { kty, crv, n, e, x, y } = record.publicJwk;
  const jwk: JWK = { kty, kid: record.kid, use: 'sig', alg: record.alg };
  for (const [name, value] of Object.entries({ crv, n, e, x, y })) {
    if (value !== undefined) (jwk as Record<string, unknown>)[name] = value;
  }
  return jwk;
}

const GENERATE_OPTIONS: Record<SigningAlgorithm, Parameters<typeof generateKeyPair>[1]> = {
  RS256: { modulusLength: 2048, extractable: true },
  ES256: { extractable: true },
  EdDSA: { crv: 'Ed25519', extractable: true },
};

/** Generates a key record in the given state; `kid`s are random, so unique per tenant. */
export async function generateKeyRecord(
  alg: SigningAlgorithm,
  options: { clock: Clock; random: RandomSource; state?: KeyRecord['state'] },
): Promise<KeyRecord> {
  const { publicKey, privateKey } = await generateKeyPair(alg, GENERATE_OPTIONS[alg]);
  const now = options.clock();
  const state = options.state ?? 'active';
  return {
    kid: randomId(options.random, 16),
    alg,
    state,
    privateJwk: await exportJWK(privateKey),
    publicJwk: await exportJWK(publicKey),
    createdAt: now,
    ...(state === 'active' ? { activatedAt: now } : {}),
  };
}

/**
 * Makes sure every wanted algorithm has an active key, generating the missing ones (first start
 * of a tenant). Returns whether anything was created.
 */
export async function ensureSigningKeys(
  store: KeyStore,
  algorithms: readonly SigningAlgorithm[],
  options: { clock: Clock; random: RandomSource },
): Promise<boolean> {
  const existing = await store.list();
  let created = false;
  for (const alg of algorithms) {
    if (!existing.some((k) => k.alg === alg && k.state === 'active')) {
      await store.create(await generateKeyRecord(alg, options));
      created = true;
    }
  }
  return created;
}

/**
 * One rotation step for `alg`: the `next` key (or a fresh one) becomes active, the previous
 * active key is retired (still published so tokens it signed verify), and a new `next` key is
 * staged so relying parties can cache it before it signs anything.
 */
export async function rotateSigningKey(
  store: KeyStore,
  alg: SigningAlgorithm,
  options: { clock: Clock; random: RandomSource },
): Promise<KeyRecord> {
  const now = options.clock();
  const keys = (await store.list()).filter((k) => k.alg === alg);
  const staged = keys.find((k) => k.state === 'next');
  const promoted = staged
    ? { ...staged, state: 'active' as const, activatedAt: now }
    : await generateKeyRecord(alg, options);
  for (const key of keys.filter((k) => k.state === 'active')) {
    await store.update({ ...key, state: 'retired', retiredAt: now });
  }
  if (staged) await store.update(promoted);
  else await store.create(promoted);
  await store.create(await generateKeyRecord(alg, { ...options, state: 'next' }));
  return promoted;
}

/** Deletes retired keys retired before `retiredBefore` (after every token they signed expired). */
export async function pruneRetiredKeys(store: KeyStore, retiredBefore: number): Promise<number> {
  let pruned = 0;
  for (const key of await store.list()) {
    if (key.state === 'retired' && (key.retiredAt ?? 0) < retiredBefore) {
      if (await store.delete(key.kid)) pruned += 1;
    }
  }
  return pruned;
}
