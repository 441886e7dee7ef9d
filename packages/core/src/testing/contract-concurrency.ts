/**
 * Contract: atomic single use under concurrency. The engine's replay protections (codes,
 * refresh-token rotation, interactions, JWT `jti`s, client registration) rely on exactly one
 * winner among racing requests, so each race here has RACERS contenders and one winner.
 */
import assert from 'node:assert/strict';
import { assertSameRecord, countOf, RACERS } from './assertions.js';
import { SAMPLE_NOW, sampleClient, sampleCode, sampleRefreshToken } from './builders.js';
import { sampleInteraction } from './builders-browser.js';
import type { ContractContext } from './context.js';
import { randomId } from './context.js';

/** Runs `race(i)` RACERS times at once and returns the results in order. */
function raceAll<T>(race: (i: number) => Promise<T>): Promise<T[]> {
  return Promise.all(Array.from({ length: RACERS }, (_, i) => race(i)));
}

/** Registers the concurrency tests. */
export function describeConcurrency({ api, tenant }: ContractContext): void {
  const { describe, it } = api;
  describe('concurrency', () => {
    it(`of ${RACERS} concurrent consumptions of one code exactly one succeeds`, async () => {
      const { codes } = tenant().stores;
      const code = sampleCode();
      await codes.create(code);
      const results = await raceAll((i) => codes.consume(code.hash, SAMPLE_NOW + i));
      const outcomes = results.map((result) => result.outcome);
      assert.equal(countOf(outcomes, 'consumed'), 1);
      assert.equal(countOf(outcomes, 'replayed'), RACERS - 1);
    });

    it(`of ${RACERS} concurrent rotations of one refresh token exactly one succeeds`, async () => {
      const { refreshTokens } = tenant().stores;
      const token = sampleRefreshToken();
      await refreshTokens.create(token);
      const results = await raceAll((i) => refreshTokens.consume(token.hash, SAMPLE_NOW + i));
      const outcomes = results.map((result) => result.outcome);
      assert.equal(countOf(outcomes, 'consumed'), 1);
      assert.equal(countOf(outcomes, 'replayed'), RACERS - 1);
      // Every loser sees the winner's consumedAt: the mark was written once.
      const winner = results.find((result) => result.outcome === 'consumed');
      const stamps = new Set(
        results.map((result) => 'record' in result && result.record.consumedAt),
      );
      assert.deepEqual([...stamps], [winner && 'record' in winner && winner.record.consumedAt]);
    });

    it(`of ${RACERS} concurrent consumptions of one interaction exactly one gets it`, async () => {
      const { interactions } = tenant().stores;
      const interaction = sampleInteraction();
      await interactions.create(interaction);
      const results = await raceAll(() => interactions.consume(interaction.id));
      const found = results.filter((result) => result !== undefined);
      assert.equal(found.length, 1);
      assertSameRecord(found[0], interaction);
    });

    it(`of ${RACERS} concurrent additions of one replay key exactly one is new`, async () => {
      const { replay } = tenant().stores;
      const key = randomId('jti');
      const results = await raceAll(() => replay.add(key, SAMPLE_NOW + 60));
      assert.equal(countOf(results, true), 1);
    });

    it(`of ${RACERS} concurrent creations of one client id exactly one wins and is stored`, async () => {
      const { clients } = tenant().stores;
      const clientId = randomId('client');
      const candidates = Array.from({ length: RACERS }, (_, i) =>
        sampleClient({ clientId, clientSecretHash: `secret-${i}` }),
      );
      const results = await raceAll((i) => clients.create(candidates[i]!));
      assert.equal(countOf(results, true), 1);
      assertSameRecord(await clients.get(clientId), candidates[results.indexOf(true)]!);
    });
  });
}
