/** Contract: AccessTokenStore. */
import assert from 'node:assert/strict';
import type { AccessTokenRecord } from '../storage/ports.js';
import { assertSameRecord } from './assertions.js';
import { SAMPLE_NOW, sampleAccessToken } from './builders.js';
import type { ContractContext } from './context.js';
import { randomId } from './context.js';

/** Registers the AccessTokenStore behaviour tests. */
export function describeAccessTokens({ api, tenant }: ContractContext): void {
  const { describe, it } = api;
  describe('access tokens', () => {
    it('finds a created token with every field, its userinfo claims request included', async () => {
      const { accessTokens } = tenant().stores;
      const token = sampleAccessToken();
      await accessTokens.create(token);
      assertSameRecord(await accessTokens.find(token.hash), token);
    });

    it('finds a client_credentials token, which has no grant, user or claims', async () => {
      const { accessTokens } = tenant().stores;
      const token: AccessTokenRecord = {
        hash: randomId('at-hash'),
        clientId: randomId('client'),
        scope: 'api',
        issuedAt: SAMPLE_NOW,
        expiresAt: SAMPLE_NOW + 60,
      };
      await accessTokens.create(token);
      assertSameRecord(await accessTokens.find(token.hash), token);
    });

    it('finds expired tokens too: expiry is the engine decision', async () => {
      const { accessTokens } = tenant().stores;
      const token = sampleAccessToken({ expiresAt: SAMPLE_NOW - 3600 });
      await accessTokens.create(token);
      assertSameRecord(await accessTokens.find(token.hash), token);
    });

    it('returns undefined for an unknown token', async () => {
      assert.equal(await tenant().stores.accessTokens.find(randomId('at-hash')), undefined);
    });

    it('revokes a token once: true, then false, and it is no longer found', async () => {
      const { accessTokens } = tenant().stores;
      const token = sampleAccessToken();
      await accessTokens.create(token);
      assert.equal(await accessTokens.revoke(token.hash), true);
      assert.equal(await accessTokens.find(token.hash), undefined);
      assert.equal(await accessTokens.revoke(token.hash), false);
    });

    it('returns false when revoking an unknown token', async () => {
      assert.equal(await tenant().stores.accessTokens.revoke(randomId('at-hash')), false);
    });

    it('returns copies: mutating a returned or a written token changes nothing stored', async () => {
      const { accessTokens } = tenant().stores;
      const token = sampleAccessToken();
      const written = structuredClone(token);
      await accessTokens.create(written);
      written.scope = 'admin';
      const read = await accessTokens.find(token.hash);
      read!.expiresAt += 1_000_000;
      read!.claims!.email = null;
      assertSameRecord(await accessTokens.find(token.hash), token);
    });
  });
}
