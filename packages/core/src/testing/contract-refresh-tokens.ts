/** Contract: RefreshTokenStore, rotation by single use (OAuth 2.0 Security BCP 4.14). */
import assert from 'node:assert/strict';
import type { RefreshTokenRecord } from '../storage/ports.js';
import { assertOutcome, assertSameRecord } from './assertions.js';
import { SAMPLE_NOW, sampleRefreshToken } from './builders.js';
import type { ContractContext } from './context.js';
import { randomId } from './context.js';

/** Registers the RefreshTokenStore behaviour tests. */
export function describeRefreshTokens({ api, tenant }: ContractContext): void {
  const { describe, it } = api;
  describe('refresh tokens', () => {
    it('finds a created token with every field', async () => {
      const { refreshTokens } = tenant().stores;
      const token = sampleRefreshToken();
      await refreshTokens.create(token);
      assertSameRecord(await refreshTokens.find(token.hash), token);
    });

    it('finds a token without expiry as without expiresAt (valid until revoked)', async () => {
      const { refreshTokens } = tenant().stores;
      const token: RefreshTokenRecord = {
        hash: randomId('rt-hash'),
        grantId: randomId('grant'),
        clientId: randomId('client'),
        scope: 'openid',
        issuedAt: SAMPLE_NOW,
      };
      await refreshTokens.create(token);
      assertSameRecord(await refreshTokens.find(token.hash), token);
    });

    it('returns undefined for an unknown token', async () => {
      assert.equal(await tenant().stores.refreshTokens.find(randomId('rt-hash')), undefined);
    });

    it('consumes a token once, then reports replayed with the first consumedAt', async () => {
      const { refreshTokens } = tenant().stores;
      const token = sampleRefreshToken();
      await refreshTokens.create(token);
      const first = assertOutcome(
        await refreshTokens.consume(token.hash, SAMPLE_NOW + 7),
        'consumed',
      );
      assertSameRecord(first, { ...token, consumedAt: SAMPLE_NOW + 7 });
      const again = assertOutcome(
        await refreshTokens.consume(token.hash, SAMPLE_NOW + 8),
        'replayed',
      );
      assertSameRecord(again, { ...token, consumedAt: SAMPLE_NOW + 7 });
    });

    it('shows consumedAt on a consumed token when it is found', async () => {
      const { refreshTokens } = tenant().stores;
      const token = sampleRefreshToken();
      await refreshTokens.create(token);
      await refreshTokens.consume(token.hash, SAMPLE_NOW + 3);
      assertSameRecord(await refreshTokens.find(token.hash), {
        ...token,
        consumedAt: SAMPLE_NOW + 3,
      });
    });

    it('reports an unknown token as not_found when consumed', async () => {
      const result = await tenant().stores.refreshTokens.consume(randomId('rt-hash'), SAMPLE_NOW);
      assert.deepEqual(result, { outcome: 'not_found' });
    });

    it('revokes a token once: true, then false, and it can be neither found nor consumed', async () => {
      const { refreshTokens } = tenant().stores;
      const token = sampleRefreshToken();
      await refreshTokens.create(token);
      assert.equal(await refreshTokens.revoke(token.hash), true);
      assert.equal(await refreshTokens.find(token.hash), undefined);
      assert.equal((await refreshTokens.consume(token.hash, SAMPLE_NOW)).outcome, 'not_found');
      assert.equal(await refreshTokens.revoke(token.hash), false);
    });

    it('returns false when revoking an unknown token', async () => {
      assert.equal(await tenant().stores.refreshTokens.revoke(randomId('rt-hash')), false);
    });

    it('returns copies: mutating a found or consumed record changes nothing stored', async () => {
      const { refreshTokens } = tenant().stores;
      const token = sampleRefreshToken();
      await refreshTokens.create(structuredClone(token));
      const found = await refreshTokens.find(token.hash);
      found!.consumedAt = SAMPLE_NOW;
      found!.scope = 'admin';
      const consumed = assertOutcome(
        await refreshTokens.consume(token.hash, SAMPLE_NOW + 1),
        'consumed',
      );
      delete consumed!.consumedAt;
      assertSameRecord(await refreshTokens.find(token.hash), {
        ...token,
        consumedAt: SAMPLE_NOW + 1,
      });
    });
  });
}
