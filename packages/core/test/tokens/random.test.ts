import { describe, expect, it } from 'vitest';
import { defaultRandom, randomId, randomToken } from '../../src/tokens/random.js';

describe('Randomness', () => {
  it('never hands out the same bytes twice across pool refills', () => {
    const seen = new Set<string>();
    // 3,000 tokens of 32 bytes span more than 20 refills of the 4 KiB pool.
    for (let i = 0; i < 3000; i++) seen.add(randomToken(defaultRandom));
    expect(seen.size).toBe(3000);
  });

  it('returns copies: changing one result never changes the next', () => {
    const first = defaultRandom(32);
    const snapshot = Buffer.from(first).toString('hex');
    const second = defaultRandom(32);
    first.fill(0);
    expect(Buffer.from(second).toString('hex')).not.toBe('0'.repeat(64));
    expect(snapshot).not.toBe(Buffer.from(second).toString('hex'));
  });

  it('serves requests larger than the pool directly', () => {
    expect(defaultRandom(10_000)).toHaveLength(10_000);
  });

  it('makes 256-bit tokens and ids from the URL-safe alphabet only', () => {
    expect(randomToken(defaultRandom)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(randomId(defaultRandom, 30)).toMatch(/^[A-Za-z0-9]{30}$/);
  });
});
