import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadMasterKey, MasterKeyError } from '../../src/secrets/index.js';

const GENERATE_COMMAND = `node -e "console.log(require('crypto').randomBytes(32).toString('base64'))"`;
const KEY = randomBytes(32);

let dataDir: string;
let logs: string[];
const log = (message: string) => logs.push(message);

beforeEach(async () => {
  const root = await mkdtemp(join(tmpdir(), 'tessera-master-key-'));
  dataDir = join(root, 'data');
  logs = [];
});

afterEach(async () => {
  await rm(join(dataDir, '..'), { recursive: true, force: true });
});

async function masterKeyError(promise: Promise<unknown>): Promise<MasterKeyError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(MasterKeyError);
  return error as MasterKeyError;
}

describe('Master key from TESSERA_MASTER_KEY', () => {
  it('accepts 32 bytes as base64, base64url or hex, with surrounding whitespace', async () => {
    const spellings = [
      KEY.toString('base64'),
      KEY.toString('base64').replace(/=+$/, ''),
      KEY.toString('base64url'),
      KEY.toString('hex'),
      KEY.toString('hex').toUpperCase(),
      ` ${KEY.toString('base64')}\n`,
    ];
    for (const value of spellings) {
      for (const production of [true, false]) {
        expect(await loadMasterKey({ value, production, dataDir, log })).toEqual(KEY);
      }
    }
    await expect(stat(dataDir)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('rejects a value of the wrong length or alphabet, naming the variable and the remedy', async () => {
    const secretLooking = randomBytes(31).toString('base64');
    const wrong = [
      randomBytes(16).toString('base64'),
      secretLooking,
      randomBytes(33).toString('base64'),
      randomBytes(32).toString('hex').slice(1),
      `${randomBytes(32).toString('hex')}00`,
      'correct horse battery staple',
      '*'.repeat(43),
    ];
    for (const value of wrong) {
      const error = await masterKeyError(loadMasterKey({ value, production: true, dataDir }));
      expect(error.code).toBe('master_key.invalid');
      expect(error.message).toContain('TESSERA_MASTER_KEY');
      expect(error.message).toContain(GENERATE_COMMAND);
      expect(error.message).not.toContain(value);
    }
  });

  it('refuses to start in production without a key, even when a development key exists', async () => {
    await loadMasterKey({ production: false, dataDir });
    for (const value of [undefined, '', '  ']) {
      const error = await masterKeyError(loadMasterKey({ value, production: true, dataDir }));
      expect(error.code).toBe('master_key.missing');
      expect(error.message).toContain('TESSERA_MASTER_KEY');
      expect(error.message).toContain(GENERATE_COMMAND);
    }
  });

  it('creates nothing on disk when production mode fails', async () => {
    await masterKeyError(loadMasterKey({ production: true, dataDir }));
    await expect(stat(dataDir)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('Development master key', () => {
  it('is generated once, owner-only, with a warning that never shows the key', async () => {
    const key = await loadMasterKey({ production: false, dataDir, log });
    const file = join(dataDir, 'master.key');

    expect(key).toHaveLength(32);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(dataDir)).mode & 0o777).toBe(0o700);
    expect(Buffer.from((await readFile(file, 'utf8')).trim(), 'base64')).toEqual(key);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(/generated/);
    expect(logs[0]).toContain(file);
    expect(logs[0]).toContain('TESSERA_MASTER_KEY');
    expect(await readdir(dataDir)).toEqual(['master.key']);

    const again = await loadMasterKey({ production: false, dataDir, log });
    expect(again).toEqual(key);
    expect(logs.slice(1).join('\n')).not.toMatch(/generated/);
    for (const message of logs) {
      for (const spelling of ['base64', 'base64url', 'hex'] as const) {
        expect(message).not.toContain(key.toString(spelling).slice(0, 16));
      }
    }
  });

  it('uses an existing key file and leaves it unchanged', async () => {
    await mkdir(dataDir, { recursive: true });
    const file = join(dataDir, 'master.key');
    await writeFile(file, `${KEY.toString('hex')}\n`, { mode: 0o600 });
    expect(await loadMasterKey({ production: false, dataDir, log })).toEqual(KEY);
    expect(await readFile(file, 'utf8')).toBe(`${KEY.toString('hex')}\n`);
  });

  it('refuses a damaged key file rather than replacing it', async () => {
    await mkdir(dataDir, { recursive: true });
    const file = join(dataDir, 'master.key');
    await writeFile(file, 'truncated', { mode: 0o600 });
    const error = await masterKeyError(loadMasterKey({ production: false, dataDir, log }));
    expect(error.code).toBe('master_key.invalid');
    expect(error.message).toContain(file);
    expect(await readFile(file, 'utf8')).toBe('truncated');
  });

  it('warns when the key file is readable by other users', async () => {
    await mkdir(dataDir, { recursive: true });
    await writeFile(join(dataDir, 'master.key'), KEY.toString('base64'), { mode: 0o644 });
    await loadMasterKey({ production: false, dataDir, log });
    expect(logs.some((message) => message.includes('chmod 600'))).toBe(true);
  });

  it('ends with one key everybody agrees on when many first starts race in one process', async () => {
    const keys = await Promise.all(
      Array.from({ length: 10 }, () => loadMasterKey({ production: false, dataDir, log })),
    );
    expect(new Set(keys.map((key) => key.toString('hex'))).size).toBe(1);
    expect(logs.filter((message) => /generated/.test(message))).toHaveLength(1);
    expect(await readdir(dataDir)).toEqual(['master.key']);
    const onDisk = Buffer.from(
      (await readFile(join(dataDir, 'master.key'), 'utf8')).trim(),
      'base64',
    );
    expect(onDisk).toEqual(keys[0]);
  });

  it('ends with one key both processes agree on when two processes start at once', async () => {
    const fixture = fileURLToPath(new URL('./fixtures/start-in-development.ts', import.meta.url));
    const startAt = String(Date.now() + 1500);
    const run = () =>
      promisify(execFile)(process.execPath, ['--import', 'tsx', fixture, dataDir, startAt], {
        cwd: fileURLToPath(new URL('../..', import.meta.url)),
      });
    const [first, second] = await Promise.all([run(), run()]);
    expect(first.stdout).toHaveLength(44);
    expect(second.stdout).toBe(first.stdout);
    expect((await readFile(join(dataDir, 'master.key'), 'utf8')).trim()).toBe(first.stdout);
    expect(await readdir(dataDir)).toEqual(['master.key']);
    // Two tsx start-ups on a busy two-core machine: allow far more than the usual few seconds.
  }, 30_000);
});
