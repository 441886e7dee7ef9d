import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { decodeBase64url, encodeBase64url } from './base64url.js';
import { SecretDecryptionError } from './errors.js';
import type { SecretBox } from './secret-box.js';

/** The only key size accepted: AES-256. */
const MASTER_KEY_BYTES = 32;
/** 96 bits, the IV size GCM is designed for (NIST SP 800-38D 8.2); random per encryption. */
const IV_BYTES = 12;
/** The full 128-bit tag; truncated tags weaken GCM's integrity guarantee. */
const TAG_BYTES = 16;
/** 48 bits: enough to tell a handful of rotated keys apart, too short to say anything about them. */
const KEY_ID_BYTES = 6;
const VERSION = 'v1';

// The master key is never used directly: HKDF derives one key per purpose, so the same master
// key can later protect something else without two purposes sharing an AES key, and the key id
// stored next to every ciphertext is a one-way fingerprint rather than a hash of the key itself.
const ENCRYPTION_INFO = 'tessera/secret-box/v1/aes-256-gcm';
const KEY_ID_INFO = 'tessera/secret-box/v1/key-id';

export interface SecretBoxOptions {
  /** Older master keys, still accepted for decryption after a rotation; never used to encrypt. */
  previous?: ReadonlyArray<Uint8Array>;
}

/** A SecretBox that also tells which master key it encrypts with (to find rows to re-encrypt). */
export interface AesGcmSecretBox extends SecretBox {
  /** The fingerprint written into every ciphertext made by this box. */
  readonly keyId: string;
}

interface DerivedKey {
  id: string;
  aesKey: Buffer;
}

/**
 * AES-256-GCM under a 32-byte master key. Output: `v1.<keyId>.<iv>.<ciphertext>.<tag>`, each part
 * base64url. `context` is authenticated (not encrypted): decrypting with another context fails.
 *
 * @example
 * const box = createSecretBox(currentKey, { previous: [oldKey] });
 * const stored = box.encrypt(privateJwk, `signing-key:${tenantId}:${kid}`);
 * box.decrypt(stored, `signing-key:${tenantId}:${kid}`); // === privateJwk
 */
export function createSecretBox(
  masterKey: Uint8Array,
  options: SecretBoxOptions = {},
): AesGcmSecretBox {
  const current = deriveKey(masterKey);
  const keys = new Map<string, Buffer>([[current.id, current.aesKey]]);
  for (const old of options.previous ?? []) {
    const derived = deriveKey(old);
    if (!keys.has(derived.id)) keys.set(derived.id, derived.aesKey);
  }

  return {
    keyId: current.id,
    encrypt(plaintext, context) {
      assertString(plaintext, 'plaintext');
      assertContext(context);
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', current.aesKey, iv, {
        authTagLength: TAG_BYTES,
      });
      cipher.setAAD(additionalData(current.id, context));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [VERSION, current.id, ...[iv, body, tag].map(encodeBase64url)].join('.');
    },
    decrypt(ciphertext, context) {
      assertContext(context);
      const parts = parse(ciphertext);
      const aesKey = keys.get(parts.keyId);
      if (aesKey === undefined) {
        throw new SecretDecryptionError(
          'secret.unknown_key',
          `Encrypted under master key ${parts.keyId}, which is neither the current key nor a previous one`,
        );
      }
      const decipher = createDecipheriv('aes-256-gcm', aesKey, parts.iv, {
        authTagLength: TAG_BYTES,
      });
      decipher.setAAD(additionalData(parts.keyId, context));
      decipher.setAuthTag(parts.tag);
      const head = decipher.update(parts.body);
      try {
        // final() is where GCM checks the tag; nothing decrypted is returned unless it passes.
        return Buffer.concat([head, decipher.final()]).toString('utf8');
      } catch {
        throw new SecretDecryptionError(
          'secret.authentication_failed',
          'The ciphertext was altered or belongs to another context',
        );
      }
    },
  };
}

function deriveKey(masterKey: Uint8Array): DerivedKey {
  if (!(masterKey instanceof Uint8Array) || masterKey.byteLength !== MASTER_KEY_BYTES) {
    throw new TypeError(`A master key must be exactly ${MASTER_KEY_BYTES} bytes`);
  }
  const derive = (info: string, length: number) =>
    Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), info, length));
  return {
    id: encodeBase64url(derive(KEY_ID_INFO, KEY_ID_BYTES)),
    aesKey: derive(ENCRYPTION_INFO, MASTER_KEY_BYTES),
  };
}

// The version and key id are authenticated too, so the header cannot be rewritten either.
// Unambiguous: neither contains a dot, and the context comes last.
function additionalData(keyId: string, context: string): Buffer {
  return Buffer.from(`${VERSION}.${keyId}.${context}`, 'utf8');
}

function parse(ciphertext: string) {
  if (typeof ciphertext !== 'string') throw malformed('not a string');
  const fields = ciphertext.split('.');
  if (fields.length !== 5) throw malformed('expected v1.<keyId>.<iv>.<ciphertext>.<tag>');
  const [version = '', keyId = '', ivText = '', bodyText = '', tagText = ''] = fields;
  if (version !== VERSION) {
    throw /^v\d+$/.test(version)
      ? new SecretDecryptionError('secret.unsupported_version', `Unknown format ${version}`)
      : malformed('unknown prefix');
  }
  const id = decodeBase64url(keyId);
  const iv = decodeBase64url(ivText);
  const body = decodeBase64url(bodyText);
  const tag = decodeBase64url(tagText);
  if (id?.length !== KEY_ID_BYTES) throw malformed('bad key id');
  if (iv?.length !== IV_BYTES) throw malformed('bad IV');
  if (body === undefined) throw malformed('bad ciphertext encoding');
  if (tag?.length !== TAG_BYTES) throw malformed('bad authentication tag');
  return { keyId, iv, body, tag };
}

function malformed(detail: string): SecretDecryptionError {
  return new SecretDecryptionError('secret.malformed', `Not a Tessera secret: ${detail}`);
}

function assertString(value: unknown, name: string): asserts value is string {
  if (typeof value !== 'string') throw new TypeError(`${name} must be a string`);
}

// An empty context would bind nothing, and then a ciphertext could be moved between rows.
function assertContext(context: unknown): asserts context is string {
  assertString(context, 'context');
  if (context.length === 0) throw new TypeError('context must not be empty');
}
