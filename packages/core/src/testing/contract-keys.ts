/** Contract: KeyStore and ReplayStore. */
import assert from 'node:assert/strict';
import type { KeyRecord } from '../storage/ports.js';
import { assertSameRecord } from './assertions.js';
import { SAMPLE_NOW } from './builders.js';
import { sampleKey } from './builders-browser.js';
import type { ContractContext } from './context.js';
import { randomId } from './context.js';

const byKid = (a: KeyRecord, b: KeyRecord) => a.kid.localeCompare(b.kid);

/** Registers the KeyStore and ReplayStore behaviour tests. */
export function describeKeys({ api, tenant }: ContractContext): void {
  const { describe, it } = api;
  describe('keys', () => {
    it('lists nothing in a new tenant', async () => {
      assert.deepEqual(await tenant().stores.keys.list(), []);
    });

    it('lists created keys with their private and public JWKs intact', async () => {
      const { keys } = tenant().stores;
      const retired = sampleKey();
      const next: KeyRecord = { ...sampleKey({ state: 'next', alg: 'ES256' }) };
      delete next.activatedAt;
      delete next.retiredAt;
      await keys.create(retired);
      await keys.create(next);
      assertSameRecord((await keys.list()).sort(byKid), [retired, next].sort(byKid));
    });

    it('replaces a key on update and returns false for an unknown kid', async () => {
      const { keys } = tenant().stores;
      const key = sampleKey({ state: 'next' });
      await keys.create(key);
      const activated = { ...key, state: 'active' as const, activatedAt: SAMPLE_NOW + 1 };
      assert.equal(await keys.update(activated), true);
      assertSameRecord(await keys.list(), [activated]);
      assert.equal(await keys.update(sampleKey()), false);
      assert.equal((await keys.list()).length, 1);
    });

    it('deletes a key once: true, then false, and the others stay', async () => {
      const { keys } = tenant().stores;
      const [doomed, kept] = [sampleKey(), sampleKey()];
      await keys.create(doomed);
      await keys.create(kept);
      assert.equal(await keys.delete(doomed.kid), true);
      assert.equal(await keys.delete(doomed.kid), false);
      assertSameRecord(await keys.list(), [kept]);
    });

    it('returns copies: mutating a listed key changes nothing stored', async () => {
      const { keys } = tenant().stores;
      const key = sampleKey();
      await keys.create(structuredClone(key));
      const [read] = await keys.list();
      read!.privateJwk.d = 'tampered';
      read!.state = 'active';
      assertSameRecord(await keys.list(), [key]);
    });
  });

  describe('replay', () => {
    it('accepts a key once and refuses it afterwards, whatever expiry is given', async () => {
      const { replay } = tenant().stores;
      const key = randomId('jti');
      assert.equal(await replay.add(key, SAMPLE_NOW + 60), true);
      assert.equal(await replay.add(key, SAMPLE_NOW + 60), false);
      assert.equal(await replay.add(key, SAMPLE_NOW + 3600), false);
    });

    it('refuses a seen key even once its expiresAt is past by any clock', async () => {
      // Stores have no clock of their own (tests freeze the engine clock in 2016), so they must
      // not forget a key by wall time; only a cleanup driven by the engine clock may.
      const { replay } = tenant().stores;
      const key = randomId('jti');
      assert.equal(await replay.add(key, SAMPLE_NOW - 3600), true);
      assert.equal(await replay.add(key, SAMPLE_NOW + 60), false);
    });

    it('tracks keys independently', async () => {
      const { replay } = tenant().stores;
      const [first, second] = [randomId('jti'), randomId('jti')];
      assert.equal(await replay.add(first, SAMPLE_NOW + 60), true);
      assert.equal(await replay.add(second, SAMPLE_NOW + 60), true);
    });
  });
}
