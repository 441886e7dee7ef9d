import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDuration } from '../../../src/ui/components/format';

describe('formatDateTime', () => {
  it('writes an instant as a medium UTC date and time', () => {
    expect(formatDateTime('2026-11-28T12:00:00Z')).toBe('28 Nov 2026, 12:00 UTC');
    expect(formatDateTime('2026-01-05T09:07:59.999Z')).toBe('5 Jan 2026, 09:07 UTC');
  });

  it('writes nothing for a missing value', () => {
    expect(formatDateTime(null)).toBe('');
    expect(formatDateTime(undefined)).toBe('');
    expect(formatDateTime('')).toBe('');
  });

  it('writes nothing for a value that is not a date', () => {
    expect(formatDateTime('garbage')).toBe('');
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0 seconds'],
    [1, '1 second'],
    [59, '59 seconds'],
    [60, '1 minute'],
    [90, '1 minute 30 seconds'],
    [3600, '1 hour'],
    [3661, '1 hour 1 minute'],
    [86_400, '1 day'],
    [90_061, '1 day 1 hour'],
    [86_460, '1 day 1 minute'],
    [172_800, '2 days'],
  ])('writes %i seconds as "%s" (at most two units)', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });

  it('writes a value under one second as it is, so a wrong entry is visible', () => {
    expect(formatDuration(-5)).toBe('-5 seconds');
    expect(formatDuration(0.5)).toBe('0.5 seconds');
  });

  it('says never for no duration', () => {
    expect(formatDuration(null)).toBe('never');
    expect(formatDuration(undefined)).toBe('never');
  });
});
