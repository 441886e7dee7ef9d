import { describe, expect, it } from 'vitest';
import { createMemoryAdapter } from '../../src/memory/memory-adapter.js';
import {
  SAMPLE_NOW,
  sampleAccessToken,
  sampleCode,
  sampleGrant,
  sampleInteraction,
  sampleRefreshToken,
  sampleSession,
} from '../../src/testing/index.js';

describe('memory adapter sweepExpired', () => {
  it('forgets expired replay keys, which may then be added again', async () => {
    const adapter = createMemoryAdapter();
    const { replay } = adapter.forTenant('t1');
    await replay.add('jti-old', SAMPLE_NOW - 1);
    await replay.add('jti-live', SAMPLE_NOW + 60);
    expect(adapter.sweepExpired(SAMPLE_NOW)).toBe(1);
    expect(await replay.add('jti-old', SAMPLE_NOW + 60)).toBe(true);
    expect(await replay.add('jti-live', SAMPLE_NOW + 60)).toBe(false);
  });

  it('keeps a replay key until the second after its expiry', async () => {
    const adapter = createMemoryAdapter();
    const { replay } = adapter.forTenant('t1');
    await replay.add('jti', SAMPLE_NOW);
    expect(adapter.sweepExpired(SAMPLE_NOW)).toBe(0);
    expect(await replay.add('jti', SAMPLE_NOW)).toBe(false);
  });

  it('drops expired codes, access tokens, interactions and sessions in every tenant', async () => {
    const adapter = createMemoryAdapter();
    const expired = { expiresAt: SAMPLE_NOW - 1 };
    const [code, token] = [sampleCode(expired), sampleAccessToken(expired)];
    const [interaction, session] = [sampleInteraction(expired), sampleSession(expired)];
    for (const tenant of ['t1', 't2']) {
      const stores = adapter.forTenant(tenant);
      await stores.codes.create(code);
      await stores.accessTokens.create(token);
      await stores.interactions.create(interaction);
      await stores.sessions.create(session);
    }
    expect(adapter.sweepExpired(SAMPLE_NOW)).toBe(8);
    for (const tenant of ['t1', 't2']) {
      const stores = adapter.forTenant(tenant);
      expect((await stores.codes.consume(code.hash, SAMPLE_NOW)).outcome).toBe('not_found');
      expect(await stores.accessTokens.find(token.hash)).toBeUndefined();
      expect(await stores.interactions.get(interaction.id)).toBeUndefined();
      expect(await stores.sessions.get(session.id)).toBeUndefined();
    }
  });

  it('keeps live records, grants and refresh tokens, expired or not', async () => {
    const adapter = createMemoryAdapter();
    const stores = adapter.forTenant('t1');
    const grant = sampleGrant({ expiresAt: SAMPLE_NOW - 1 });
    const refresh = sampleRefreshToken({ grantId: grant.id, expiresAt: SAMPLE_NOW - 1 });
    const live = sampleCode({ expiresAt: SAMPLE_NOW + 1 });
    await stores.grants.create(grant);
    await stores.refreshTokens.create(refresh);
    await stores.codes.create(live);
    expect(adapter.sweepExpired(SAMPLE_NOW)).toBe(0);
    expect(await stores.grants.get(grant.id)).toEqual(grant);
    expect(await stores.refreshTokens.find(refresh.hash)).toEqual(refresh);
    expect((await stores.codes.consume(live.hash, SAMPLE_NOW)).outcome).toBe('consumed');
  });
});
