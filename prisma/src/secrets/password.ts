import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { decodeBase64url, encodeBase64url } from './base64url.js';

/** scrypt cost: N = 2^ln, block size r, parallelism p (RFC 7914). */
export interface ScryptParams {
  ln: number;
  r: number;
  p: number;
}

/**
 * 32 MiB and about 90 ms per hash on the 2-core reference machine (ln=16 took 175 ms, ln=14
 * 45 ms). Raise them as hardware gets faster; `needsRehash` then flags old hashes at login.
 */
export const DEFAULT_SCRYPT_PARAMS: Readonly<ScryptParams> = Object.freeze({ ln: 15, r: 8, p: 1 });

/** Longer inputs are rejected before any work, so a huge body cannot buy expensive hashing. */
export const MAX_PASSWORD_LENGTH = 1024;

const SALT_BYTES = 16;
const HASH_BYTES = 32;
// Bounds for parameters read back from the database: a damaged row must not make one login
// allocate gigabytes or run for minutes. The memory cap leaves room to raise ln to 18 with r=8
// (256 MiB plus scrypt's small extra buffers), and no further.
const MAX_LN = 20;
const MAX_R = 32;
const MAX_P = 16;
const MAX_MEMORY_BYTES = 257 * 1024 * 1024;
const STORED = /^scrypt\$ln=([1-9]\d?),r=([1-9]\d?),p=([1-9]\d?)\$([\w-]+)\$([\w-]+)$/;

/**
 * Hashes a password as `scrypt$ln=15,r=8,p=1$<salt>$<hash>` (base64url, 16-byte random salt).
 * Throws a TypeError for an empty password, one over MAX_PASSWORD_LENGTH characters (counted
 * before normalization) or one containing U+0000.
 *
 * @example
 * const passwordHash = await hashPassword(form.password);
 */
export async function hashPassword(
  password: string,
  params: ScryptParams = DEFAULT_SCRYPT_PARAMS,
): Promise<string> {
  const problem = passwordProblem(password);
  if (problem) throw new TypeError(problem);
  if (!withinBounds(params)) throw new TypeError('scrypt parameters out of bounds');
  const salt = randomBytes(SALT_BYTES);
  const hash = await derive(password, salt, HASH_BYTES, params);
  const { ln, r, p } = params;
  return `scrypt$ln=${ln},r=${r},p=${p}$${encodeBase64url(salt)}$${encodeBase64url(hash)}`;
}

/**
 * True when `password` matches `stored`. Never throws on bad input: a malformed or unsupported
 * stored value, or an unacceptable password, is simply no match.
 *
 * @example
 * if (!(await verifyPassword(form.password, user.passwordHash))) throw new InvalidCredentials();
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  if (passwordProblem(password) !== undefined) return false;
  const parsed = parseStored(stored);
  if (parsed === undefined) return false;
  const actual = await derive(password, parsed.salt, HASH_BYTES, parsed.params);
  return timingSafeEqual(actual, parsed.hash);
}

/**
 * True when `stored` was made with weaker parameters than `params` (or is unreadable), so the
 * caller should store a fresh `hashPassword` result after the next successful login.
 *
 * @example
 * if (await verifyPassword(pw, user.passwordHash) && needsRehash(user.passwordHash)) { ... }
 */
export function needsRehash(stored: string, params: ScryptParams = DEFAULT_SCRYPT_PARAMS): boolean {
  const parsed = parseStored(stored);
  if (parsed === undefined) return true;
  const old = parsed.params;
  return old.ln < params.ln || old.r < params.r || old.p < params.p;
}

function passwordProblem(password: unknown): string | undefined {
  if (typeof password !== 'string') return 'password must be a string';
  if (password.length === 0) return 'password must not be empty';
  if (password.length > MAX_PASSWORD_LENGTH) {
    return `password must be at most ${MAX_PASSWORD_LENGTH} characters`;
  }
  // scrypt keys HMAC-SHA256 with the password, and HMAC pads short keys with zero bytes, so
  // "pw" and "pw\0" would hash alike. No keyboard types U+0000; refusing it removes the alias.
  if (password.includes('\0')) return 'password must not contain U+0000';
  return undefined;
}

function parseStored(stored: unknown) {
  if (typeof stored !== 'string') return undefined;
  const match = STORED.exec(stored);
  if (match === null) return undefined;
  const [, ln, r, p, saltText = '', hashText = ''] = match;
  const params = { ln: Number(ln), r: Number(r), p: Number(p) };
  const salt = decodeBase64url(saltText);
  const hash = decodeBase64url(hashText);
  // Exact sizes only: scrypt's output for a shorter length is a prefix of the longer one, so a
  // truncated stored hash would still verify, with fewer bits to guess.
  if (salt?.length !== SALT_BYTES || hash?.length !== HASH_BYTES || !withinBounds(params)) {
    return undefined;
  }
  return { params, salt, hash };
}

function withinBounds({ ln, r, p }: ScryptParams): boolean {
  const integers = [ln, r, p].every((n) => Number.isSafeInteger(n) && n >= 1);
  return (
    integers &&
    ln <= MAX_LN &&
    r <= MAX_R &&
    p <= MAX_P &&
    memoryOf({ ln, r, p }) <= MAX_MEMORY_BYTES
  );
}

// What OpenSSL allocates: 128·r·(N + 2) for V plus 128·r·p for B. Node's default maxmem (32 MiB)
// is just below what ln=15, r=8 needs, so it is always passed explicitly.
function memoryOf({ ln, r, p }: ScryptParams): number {
  return 128 * r * (2 ** ln + 2 + p);
}

/**
 * NFKC first (NIST SP 800-63B 5.1.1.2): the same password typed on another device can arrive
 * composed or decomposed ("é" as one code point or as "e" + accent), with full-width digits from
 * an input method, or with a ligature such as "ﬁ" pasted from a document. Without normalizing,
 * the user's correct password would not match.
 */
function derive(password: string, salt: Buffer, length: number, params: ScryptParams) {
  const input = Buffer.from(password.normalize('NFKC'), 'utf8');
  const options = { N: 2 ** params.ln, r: params.r, p: params.p, maxmem: memoryOf(params) };
  return new Promise<Buffer>((resolve, reject) => {
    scrypt(input, salt, length, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}
