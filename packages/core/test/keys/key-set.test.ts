import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import {
  ensureSigningKeys,
  generateKeyRecord,
  KeySet,
  pruneRetiredKeys,
  rotateSigningKey,
} from '../../src/keys/key-set.js';
import { createMemoryAdapter } from '../../src/memory/memory-adapter.js';
import { defaultRandom } from '../../src/tokens/random.js';
import { createTestProvider, frozenClock, ISSUER, NOW } from '../support/harness.js';

const keyOptions = () => ({ clock: frozenClock(), random: defaultRandom });

describe('Signing keys', () => {
  it('creates an active RS256 key for a tenant that has none', async () => {
    const stores = createMemoryAdapter().forTenant('t');
    expect(await ensureSigningKeys(stores.keys, ['RS256'], keyOptions())).toBe(true);
    const keys = await stores.keys.list();
    expect(keys.map((k) => [k.alg, k.state])).toEqual([['RS256', 'active']]);
    expect(await ensureSigningKeys(stores.keys, ['RS256'], keyOptions())).toBe(false);
  });

  it('always offers RS256 even when a tenant asks only for other algorithms', async () => {
    const { provider } = await createTestProvider({ empty: true, algorithms: ['ES256'] });
    expect(provider.configuration.id_token_signing_alg_values_supported).toEqual([
      'RS256',
      'ES256',
    ]);
  });

  it('signs with the active key of the requested algorithm and names it by kid', async () => {
    const stores = createMemoryAdapter().forTenant('t');
    await ensureSigningKeys(stores.keys, ['RS256', 'ES256', 'EdDSA'], keyOptions());
    const keys = await KeySet.load(stores.keys);
    for (const alg of ['RS256', 'ES256', 'EdDSA'] as const) {
      const token = await keys.sign({ iss: ISSUER, sub: 'x' }, alg);
      const header = decodeProtectedHeader(token);
      expect(header.alg).toBe(alg);
      expect(keys.jwks.keys.find((k) => k.kid === header.kid)?.alg).toBe(alg);
      const { payload } = await jwtVerify(token, createLocalJWKSet(keys.jwks));
      expect(payload.sub).toBe('x');
    }
  });

  it('refuses to sign with an algorithm that has no active key', async () => {
    const stores = createMemoryAdapter().forTenant('t');
    await ensureSigningKeys(stores.keys, ['RS256'], keyOptions());
    const keys = await KeySet.load(stores.keys);
    await expect(keys.sign({}, 'ES256')).rejects.toMatchObject({ error: 'server_error' });
  });

  it('rotates: next becomes active, the old key is retired but still published and verifying', async () => {
    const stores = createMemoryAdapter().forTenant('t');
    const clock = frozenClock();
    await ensureSigningKeys(stores.keys, ['ES256'], { clock, random: defaultRandom });
    const before = await KeySet.load(stores.keys);
    const oldToken = await before.sign({ iss: ISSUER, sub: 'old' }, 'ES256');

    clock.advance(3600);
    const promoted = await rotateSigningKey(stores.keys, 'ES256', { clock, random: defaultRandom });
    const after = await KeySet.load(stores.keys);
    const states = Object.fromEntries((await stores.keys.list()).map((k) => [k.kid, k.state]));
    expect(states[decodeProtectedHeader(oldToken).kid!]).toBe('retired');
    expect(states[promoted.kid]).toBe('active');
    expect(Object.values(states).sort()).toEqual(['active', 'next', 'retired']);
    expect(after.jwks.keys).toHaveLength(3);

    const newToken = await after.sign({ iss: ISSUER, sub: 'new' }, 'ES256');
    expect(decodeProtectedHeader(newToken).kid).toBe(promoted.kid);
    const now = NOW + 3600;
    await expect(after.verify(oldToken, { issuer: ISSUER, now })).resolves.toBeDefined();
    await expect(after.verify(newToken, { issuer: ISSUER, now })).resolves.toBeDefined();

    // A second rotation promotes the staged `next` key rather than generating a new one.
    const staged = (await stores.keys.list()).find((k) => k.state === 'next')!;
    clock.advance(3600);
    expect(
      (await rotateSigningKey(stores.keys, 'ES256', { clock, random: defaultRandom })).kid,
    ).toBe(staged.kid);
  });

  it('prunes only keys retired before the cut-off', async () => {
    const stores = createMemoryAdapter().forTenant('t');
    const clock = frozenClock();
    await ensureSigningKeys(stores.keys, ['EdDSA'], { clock, random: defaultRandom });
    clock.advance(100);
    await rotateSigningKey(stores.keys, 'EdDSA', { clock, random: defaultRandom });
    expect(await pruneRetiredKeys(stores.keys, NOW + 50)).toBe(0);
    expect(await pruneRetiredKeys(stores.keys, NOW + 101)).toBe(1);
    expect((await stores.keys.list()).map((k) => k.state).sort()).toEqual(['active', 'next']);
  });

  it('rejects a token signed by a key the tenant never published', async () => {
    const stores = createMemoryAdapter().forTenant('t');
    await ensureSigningKeys(stores.keys, ['ES256'], keyOptions());
    const keys = await KeySet.load(stores.keys);
    const foreignStores = createMemoryAdapter().forTenant('other');
    await foreignStores.keys.create(await generateKeyRecord('ES256', keyOptions()));
    const foreign = await KeySet.load(foreignStores.keys);
    const token = await foreign.sign({ iss: ISSUER, sub: 'x' }, 'ES256');
    await expect(keys.verify(token, { issuer: ISSUER, now: NOW })).rejects.toThrow();
  });
});
