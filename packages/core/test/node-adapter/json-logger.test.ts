import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/node/json-logger.js';

function capture(level: 'debug' | 'info' | 'warn' | 'error' | 'silent' = 'info') {
  const lines: Record<string, unknown>[] = [];
  const log = createLogger({
    level,
    write: (line) => lines.push(JSON.parse(line)),
    now: () => new Date('2026-11-28T00:00:00Z'),
  });
  return { log, lines };
}

describe('the JSON logger', () => {
  it('writes one JSON object per line with time, level and message', () => {
    const { log, lines } = capture();
    log.info('listening', { port: 3000 });
    expect(lines).toEqual([
      { time: '2026-11-28T00:00:00.000Z', level: 'info', msg: 'listening', port: 3000 },
    ]);
  });

  it('redacts fields that look like secrets whatever the caller passes', () => {
    const { log, lines } = capture();
    log.info('oops', {
      password: 'hunter2',
      client_secret: 's',
      refreshToken: 't',
      code: 'c',
      cookie: 'k',
      tenant: 'acme',
    });
    expect(lines[0]).toMatchObject({
      password: '[redacted]',
      client_secret: '[redacted]',
      refreshToken: '[redacted]',
      code: '[redacted]',
      cookie: '[redacted]',
      tenant: 'acme',
    });
  });

  it('adds child fields to every line', () => {
    const { log, lines } = capture();
    log.child({ requestId: 'r1', tenant: 'acme' }).warn('slow');
    expect(lines[0]).toMatchObject({ requestId: 'r1', tenant: 'acme', level: 'warn' });
  });

  it('keeps only the name and message of errors', () => {
    const { log, lines } = capture();
    log.error('failed', { error: new TypeError('bad') });
    expect(lines[0]?.error).toEqual({ name: 'TypeError', message: 'bad' });
  });

  it('drops lines below its level', () => {
    const { log, lines } = capture('warn');
    log.info('quiet');
    log.debug('quieter');
    log.warn('loud');
    expect(lines.map((line) => line.msg)).toEqual(['loud']);
  });
});
