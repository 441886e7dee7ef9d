import { describe, expect, it } from 'vitest';
import {
  bucketLabel,
  bucketName,
  labelledIndexes,
  niceMax,
} from '../../../src/ui/overview/chart-scale';

describe('niceMax', () => {
  it.each([
    [-Infinity, 1],
    [0, 1],
    [0.5, 1],
    [1, 1],
    [1.5, 2],
    [7, 10],
    [10, 10],
    [11, 20],
    [99, 100],
    [101, 200],
    [250, 500],
    [1000, 1000],
  ])('tops %d at %d', (max, top) => {
    expect(niceMax(max)).toBe(top);
  });
});

describe('labelledIndexes', () => {
  it('labels nothing when there are no buckets', () => {
    expect(labelledIndexes(0, 5)).toEqual([]);
  });

  it('labels evenly spaced buckets counted back from the newest', () => {
    expect(labelledIndexes(10, 5)).toEqual([1, 3, 5, 7, 9]);
    expect(labelledIndexes(7, 3)).toEqual([0, 3, 6]);
  });

  it('labels every bucket when there is room', () => {
    expect(labelledIndexes(3, 10)).toEqual([0, 1, 2]);
  });

  it('still labels the newest bucket when no label was asked for', () => {
    expect(labelledIndexes(5, 0)).toEqual([4]);
  });

  it('never labels more buckets than asked', () => {
    for (let length = 1; length <= 50; length++) {
      for (let count = 1; count <= 12; count++) {
        const indexes = labelledIndexes(length, count);
        expect(indexes.length).toBeLessThanOrEqual(count);
        expect(indexes.at(-1)).toBe(length - 1);
      }
    }
  });
});

describe('bucket labels', () => {
  const start = '2026-11-28T14:00:00Z';

  it('names hourly buckets by UTC time and daily ones by day', () => {
    expect(bucketLabel(start, 3600)).toBe('14:00');
    expect(bucketLabel(start, 86_400)).toBe('28 Nov');
    expect(bucketName(start, 3600)).toBe('28 Nov, 14:00 UTC');
    expect(bucketName(start, 86_400)).toBe('28 Nov UTC');
  });
});
