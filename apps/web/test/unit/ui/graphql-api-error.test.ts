import { describe, expect, it } from 'vitest';
import { ApiError, errorForNotice } from '../../../src/ui/graphql/api-error';

const invalid = (...paths: string[]) =>
  new ApiError(
    'VALIDATION_FAILED',
    'invalid',
    paths.map((path) => ({ path, message: `${path} is wrong` })),
  );

describe('ApiError.fieldError', () => {
  it('finds the message at a path or below it, not beside it', () => {
    const error = invalid('settings.protocol.pkce.required');
    expect(error.fieldError('settings.protocol.pkce')).toBe(
      'settings.protocol.pkce.required is wrong',
    );
    expect(error.fieldError('settings.protocol.pk')).toBeUndefined();
  });
});

describe('errorForNotice', () => {
  it('leaves the notice empty when the form shows every field error', () => {
    const error = invalid('schedule.intervalDays', 'schedule.overlapDays');
    expect(
      errorForNotice(error, ['schedule.intervalDays', 'schedule.overlapDays']),
    ).toBeUndefined();
    expect(
      errorForNotice(invalid('settings.protocol.pkce.required'), ['settings.protocol.pkce']),
    ).toBeUndefined();
  });

  it('keeps the error when a field error lies outside the shown paths', () => {
    const error = invalid('schedule.intervalDays', 'tenantId');
    expect(errorForNotice(error, ['schedule.intervalDays'])).toBe(error);
  });

  it('keeps errors without field errors and errors that are not the API’s', () => {
    const forbidden = new ApiError('FORBIDDEN', 'no');
    const network = new Error('offline');
    expect(errorForNotice(forbidden, ['name'])).toBe(forbidden);
    expect(errorForNotice(network, ['name'])).toBe(network);
    expect(errorForNotice(undefined, ['name'])).toBeUndefined();
  });
});
