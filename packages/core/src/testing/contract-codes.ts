/** Contract: AuthorizationCodeStore, single use (RFC 6749 4.1.2, 10.5). */
import assert from 'node:assert/strict';
import type { AuthorizationCodeRecord } from '../storage/ports.js';
import { assertOutcome, assertSameRecord } from './assertions.js';
import { SAMPLE_NOW, sampleCode } from './builders.js';
import type { ContractContext } from './context.js';
import { randomId } from './context.js';

/** Registers the AuthorizationCodeStore behaviour tests. */
export function describeCodes({ api, tenant }: ContractContext): void {
  const { describe, it } = api;
  describe('authorization codes', () => {
    it('consumes a code the first time, returning every field and consumedAt = now', async () => {
      const { codes } = tenant().stores;
      const code = sampleCode();
      await codes.create(code);
      const record = assertOutcome(await codes.consume(code.hash, SAMPLE_NOW + 5), 'consumed');
      assertSameRecord(record, { ...code, consumedAt: SAMPLE_NOW + 5 });
    });

    it('reads back a code without PKCE as without the PKCE fields', async () => {
      const { codes } = tenant().stores;
      const code: AuthorizationCodeRecord = {
        hash: randomId('code-hash'),
        grantId: randomId('grant'),
        clientId: randomId('client'),
        redirectUri: 'https://rp.example.com/cb',
        issuedAt: SAMPLE_NOW,
        expiresAt: SAMPLE_NOW + 60,
      };
      await codes.create(code);
      const record = assertOutcome(await codes.consume(code.hash, SAMPLE_NOW), 'consumed');
      assertSameRecord(record, { ...code, consumedAt: SAMPLE_NOW });
    });

    it('reports every later consumption as replayed, with the first consumedAt kept', async () => {
      const { codes } = tenant().stores;
      const code = sampleCode();
      await codes.create(code);
      await codes.consume(code.hash, SAMPLE_NOW + 1);
      for (const now of [SAMPLE_NOW + 2, SAMPLE_NOW + 3]) {
        // The engine revokes the grant named in a replayed code, so the record must come back.
        const record = assertOutcome(await codes.consume(code.hash, now), 'replayed');
        assertSameRecord(record, { ...code, consumedAt: SAMPLE_NOW + 1 });
      }
    });

    it('reports an unknown code as not_found', async () => {
      const result = await tenant().stores.codes.consume(randomId('code-hash'), SAMPLE_NOW);
      assert.deepEqual(result, { outcome: 'not_found' });
    });

    it('consumes an expired code too: expiry is the engine decision, not the store one', async () => {
      const { codes } = tenant().stores;
      const code = sampleCode({ expiresAt: SAMPLE_NOW - 1 });
      await codes.create(code);
      assertOutcome(await codes.consume(code.hash, SAMPLE_NOW), 'consumed');
    });

    it('returns copies: mutating a consumed record neither un-consumes nor alters the code', async () => {
      const { codes } = tenant().stores;
      const code = sampleCode();
      const written = structuredClone(code);
      await codes.create(written);
      written.redirectUri = 'https://evil.example/cb';
      const record = assertOutcome(await codes.consume(code.hash, SAMPLE_NOW), 'consumed');
      delete record!.consumedAt;
      record!.grantId = 'tampered';
      const again = assertOutcome(await codes.consume(code.hash, SAMPLE_NOW + 1), 'replayed');
      assertSameRecord(again, { ...code, consumedAt: SAMPLE_NOW });
    });
  });
}
