import { describe, expect, it } from 'vitest';
import { EnvError, readEnv } from '../../src/env';

describe('the environment', () => {
  it('defaults to a local development setup', () => {
    const env = readEnv({});
    expect(env).toMatchObject({
      production: false,
      port: 3000,
      host: '127.0.0.1',
      publicUrl: 'http://localhost:3000',
      dataDir: './data',
      trustProxy: false,
    });
  });

  it('treats empty variables as unset', () => {
    expect(readEnv({ PORT: '', OP_PUBLIC_URL: '' }).publicUrl).toBe('http://localhost:3000');
  });

  it('drops a trailing slash from the public URL', () => {
    expect(readEnv({ OP_PUBLIC_URL: 'https://id.example.com/' }).publicUrl).toBe(
      'https://id.example.com',
    );
  });

  it('rejects a public URL with a path', () => {
    expect(() => readEnv({ OP_PUBLIC_URL: 'https://id.example.com/op' })).toThrow(/without a path/);
  });

  it('lists every missing production setting in one error', () => {
    let error: unknown;
    try {
      readEnv({ NODE_ENV: 'production' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(EnvError);
    expect((error as Error).message).toMatch(/OP_PUBLIC_URL: required in production/);
    expect((error as Error).message).toMatch(/TESSERA_MASTER_KEY: required in production/);
  });

  it('requires https for a public production URL', () => {
    expect(() =>
      readEnv({
        NODE_ENV: 'production',
        OP_PUBLIC_URL: 'http://id.example.com',
        TESSERA_MASTER_KEY: 'x'.repeat(44),
      }),
    ).toThrow(/must use https/);
  });

  it('listens on every interface in production', () => {
    const env = readEnv({
      NODE_ENV: 'production',
      OP_PUBLIC_URL: 'https://id.example.com',
      TESSERA_MASTER_KEY: 'x'.repeat(44),
    });
    expect(env.host).toBe('0.0.0.0');
  });

  it('rejects a port that is not a number', () => {
    expect(() => readEnv({ PORT: 'eighty' })).toThrow(EnvError);
  });
});
