import { randomBytes } from 'node:crypto';
import { link, mkdir, open, readFile, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { MasterKeyError } from './errors.js';

/** The environment variable the app reads and passes in as `value`; named in every error. */
export const MASTER_KEY_VARIABLE = 'TESSERA_MASTER_KEY';
/** The development key's file name inside `dataDir`. */
export const DEVELOPMENT_KEY_FILE = 'master.key';

const KEY_BYTES = 32;
const GENERATE_COMMAND = `node -e "console.log(require('crypto').randomBytes(32).toString('base64'))"`;
const HEX = /^[0-9a-fA-F]{64}$/;
// Node's base64 decoder accepts both alphabets, so base64 and base64url share one pattern.
const BASE64 = /^[A-Za-z0-9+/_-]{43}=?$/;

export interface LoadMasterKeyOptions {
  /** The raw TESSERA_MASTER_KEY value: 32 bytes as base64, base64url or 64 hex digits. */
  value?: string | undefined;
  /** In production a missing value is an error; a development key is never used there. */
  production: boolean;
  /** Where a development key is kept (`<dataDir>/master.key`), e.g. `./data`. */
  dataDir: string;
  /** Receives warnings; never the key. */
  log?: (message: string) => void;
}

/**
 * Returns the 32-byte master key for `createSecretBox`. Without a value, production mode throws a
 * `MasterKeyError` ('master_key.missing'); development mode reads `<dataDir>/master.key`,
 * creating it once (mode 0600) if absent. Safe when several processes start at once: they all
 * end up with the same key file.
 *
 * @example
 * const masterKey = await loadMasterKey({
 *   value: env.TESSERA_MASTER_KEY,
 *   production: env.NODE_ENV === 'production',
 *   dataDir: './data',
 *   log: console.warn,
 * });
 */
export async function loadMasterKey(options: LoadMasterKeyOptions): Promise<Buffer> {
  // An empty variable (`TESSERA_MASTER_KEY=` in a .env file) means "not set", not "invalid".
  const value = options.value?.trim();
  if (value) return parseMasterKey(value, MASTER_KEY_VARIABLE);
  if (options.production) {
    throw new MasterKeyError(
      'master_key.missing',
      `${MASTER_KEY_VARIABLE} is not set. Production mode needs a 32-byte master key to encrypt ` +
        `signing keys and client secrets at rest. Generate one with\n  ${GENERATE_COMMAND}\n` +
        `and keep it in your secret store: losing it makes every encrypted secret unreadable.`,
    );
  }
  return loadDevelopmentKey(options.dataDir, options.log ?? (() => {}));
}

/** Decodes a key; `source` names where it came from. The message never echoes the value. */
function parseMasterKey(text: string, source: string): Buffer {
  const key = HEX.test(text)
    ? Buffer.from(text, 'hex')
    : BASE64.test(text)
      ? Buffer.from(text, 'base64')
      : undefined;
  if (key?.length === KEY_BYTES) return key;
  throw new MasterKeyError(
    'master_key.invalid',
    `${source} must be ${KEY_BYTES} random bytes as base64, base64url or 64 hex digits ` +
      `(got ${text.length} characters). Generate one with\n  ${GENERATE_COMMAND}`,
  );
}

async function loadDevelopmentKey(dataDir: string, log: (message: string) => void) {
  const path = join(dataDir, DEVELOPMENT_KEY_FILE);
  const existing = await readKeyFile(path, log);
  if (existing !== undefined) {
    log(`${MASTER_KEY_VARIABLE} is not set; using the development master key in ${path}.`);
    return existing;
  }
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const key = randomBytes(KEY_BYTES);
  if (await publishKeyFile(path, key)) {
    log(
      `WARNING: ${MASTER_KEY_VARIABLE} is not set, so a development master key was generated ` +
        `in ${path} (readable by its owner only). Keep that file: the secrets encrypted with it ` +
        `cannot be read without it. Production must set ${MASTER_KEY_VARIABLE}; generate one ` +
        `with\n  ${GENERATE_COMMAND}`,
    );
    return key;
  }
  // Another process created the file between our read and our link: its key is the key.
  const winner = await readKeyFile(path, log);
  if (winner === undefined) throw new Error(`${path} vanished while it was being created`);
  return winner;
}

async function readKeyFile(path: string, log: (message: string) => void) {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  // A damaged file is an error, never a reason to generate a new key: that would orphan every
  // secret already encrypted with the old one.
  const key = parseMasterKey(text.trim(), path);
  if (process.platform !== 'win32' && ((await stat(path)).mode & 0o077) !== 0) {
    log(`WARNING: ${path} is readable by other users; run chmod 600 on it.`);
  }
  return key;
}

/**
 * Writes the key to a private temporary file, then hard-links it into place. `link` is atomic
 * and fails when the name exists, so nobody reads a half-written key and a key another process
 * published first is never replaced (`rename` would silently replace it). Returns false when
 * that other process won.
 */
async function publishKeyFile(path: string, key: Buffer): Promise<boolean> {
  const temporary = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const file = await open(temporary, 'wx', 0o600);
    try {
      // The umask can only clear bits, but 0600 must not depend on it.
      await file.chmod(0o600);
      await file.writeFile(`${key.toString('base64')}\n`);
      await file.sync();
    } finally {
      await file.close();
    }
    try {
      await link(temporary, path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw error;
    }
    await syncDirectory(dirname(path));
    return true;
  } finally {
    await rm(temporary, { force: true });
  }
}

// Without this a crash right after start-up could lose the new directory entry while secrets
// encrypted with the key are already committed to the database.
async function syncDirectory(directory: string): Promise<void> {
  try {
    const handle = await open(directory, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some platforms (Windows) cannot open or fsync a directory; the file itself is synced.
  }
}
