/**
 * The arithmetic of the overview's charts, apart from their markup so it stays small: a "nice"
 * top for the value axis, which buckets get a date label, and how a bucket start is written.
 */

/** The smallest of 1, 2, 5 × 10^n at or above `max` (at least 1), so ticks are round numbers. */
export function niceMax(max: number): number {
  if (max <= 1) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) {
    if (step * magnitude >= max) return step * magnitude;
  }
  return 10 * magnitude;
}

/**
 * Indexes of at most `count` buckets to label, a whole number of buckets apart (so labels are
 * evenly spaced), counted back from the newest bucket, which is always labelled.
 */
export function labelledIndexes(length: number, count: number): number[] {
  if (length === 0) return [];
  const step = Math.max(1, Math.ceil(length / Math.max(1, count)));
  const indexes: number[] = [];
  for (let index = length - 1; index >= 0; index -= step) indexes.unshift(index);
  return indexes;
}

const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const HOUR = new Intl.DateTimeFormat('en-GB', {
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
});

/** `28 Nov` for daily buckets, `14:00` for hourly ones (UTC, as the axis says). */
export function bucketLabel(start: string, bucketSeconds: number): string {
  const date = new Date(start);
  return bucketSeconds < 86_400 ? HOUR.format(date) : DAY.format(date);
}

/** `28 Nov, 14:00 UTC` or `28 Nov UTC`: the full name of a bucket for tooltips and tables. */
export function bucketName(start: string, bucketSeconds: number): string {
  const date = new Date(start);
  return bucketSeconds < 86_400
    ? `${DAY.format(date)}, ${HOUR.format(date)} UTC`
    : `${DAY.format(date)} UTC`;
}
