/**
 * Assertions shared by the contract groups, on `node:assert/strict` so the suite runs under any
 * test runner.
 */
import assert from 'node:assert/strict';
import type { ConsumeResult } from '../storage/ports.js';

/**
 * Drops properties whose value is `undefined`, deeply. An adapter may return `{ acr: undefined }`
 * for an absent optional field (a typical row mapping), but never `null` or a default value.
 */
export function withoutUndefined<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutUndefined) as T;
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value).filter(([, field]) => field !== undefined);
  return Object.fromEntries(entries.map(([key, field]) => [key, withoutUndefined(field)])) as T;
}

/** Asserts that a stored record reads back exactly as written, every optional field included. */
export function assertSameRecord<T>(actual: T | undefined, expected: T, message?: string): void {
  assert.notEqual(actual, undefined, message ?? 'expected a record, found none');
  assert.deepEqual(withoutUndefined(actual), withoutUndefined(expected), message);
}

/** Asserts the outcome of a single-use consumption and returns its record when there is one. */
export function assertOutcome<T>(
  result: ConsumeResult<T>,
  outcome: ConsumeResult<T>['outcome'],
): T | undefined {
  assert.equal(result.outcome, outcome);
  return result.outcome === 'not_found' ? undefined : result.record;
}

/** Counts how many of `values` equal `wanted`; used to check "exactly one winner" races. */
export function countOf<T>(values: T[], wanted: T): number {
  return values.filter((value) => value === wanted).length;
}

/** How many concurrent callers race for one single-use item in the concurrency tests. */
export const RACERS = 50;
