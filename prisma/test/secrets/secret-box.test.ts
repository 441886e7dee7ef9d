import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSecretBox, SecretDecryptionError } from '../../src/secrets/index.js';

const CONTEXT = 'signing-key:tenant-a:kid-1';
const FORMAT = /^v1\.[\w-]{8}\.[\w-]{16}\.[\w-]*\.[\w-]{22}$/;
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function decryptionError(run: () => unknown): SecretDecryptionError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(SecretDecryptionError);
    return error as SecretDecryptionError;
  }
  throw new Error('expected decryption to fail');
}

describe('AES-256-GCM secret box', () => {
  it('decrypts what it encrypted, for empty, unicode and large plaintexts', () => {
    const box = createSecretBox(randomBytes(32));
    for (const plaintext of ['', 'x', '{"kty":"RSA","d":"…"} ключ 🔑', 'a'.repeat(100_000)]) {
      const ciphertext = box.encrypt(plaintext, CONTEXT);
      expect(ciphertext).toMatch(FORMAT);
      expect(box.decrypt(ciphertext, CONTEXT)).toBe(plaintext);
    }
  });

  it('accepts a plain Uint8Array as the master key', () => {
    const key = new Uint8Array(randomBytes(32));
    const box = createSecretBox(key);
    expect(box.decrypt(box.encrypt('secret', CONTEXT), CONTEXT)).toBe('secret');
  });

  it('produces a different ciphertext every time for the same plaintext', () => {
    const box = createSecretBox(randomBytes(32));
    const ciphertexts = Array.from({ length: 20 }, () => box.encrypt('same', CONTEXT));
    expect(new Set(ciphertexts).size).toBe(20);
    expect(new Set(ciphertexts.map((c) => c.split('.')[2])).size).toBe(20);
  });

  it('refuses to decrypt under another context', () => {
    const box = createSecretBox(randomBytes(32));
    const ciphertext = box.encrypt('secret', 'signing-key:tenant-a:kid-1');
    for (const other of ['signing-key:tenant-b:kid-1', 'signing-key:tenant-a:kid-2', 'x']) {
      expect(decryptionError(() => box.decrypt(ciphertext, other)).code).toBe(
        'secret.authentication_failed',
      );
    }
  });

  it('rejects a change to any single character of the ciphertext', () => {
    const box = createSecretBox(randomBytes(32));
    const ciphertext = box.encrypt('a private JWK', CONTEXT);
    for (let i = 0; i < ciphertext.length; i++) {
      const original = ciphertext[i]!;
      for (const replacement of [BASE64URL[(BASE64URL.indexOf(original) + 1) % 64]!, '.']) {
        if (replacement === original) continue;
        const altered = ciphertext.slice(0, i) + replacement + ciphertext.slice(i + 1);
        decryptionError(() => box.decrypt(altered, CONTEXT));
      }
    }
  });

  it('rejects a ciphertext relabelled with another known key id', () => {
    const oldKey = randomBytes(32);
    const box = createSecretBox(randomBytes(32), { previous: [oldKey] });
    const oldKeyId = createSecretBox(oldKey).keyId;
    const [version, , ...rest] = box.encrypt('secret', CONTEXT).split('.');
    const relabelled = [version, oldKeyId, ...rest].join('.');
    expect(decryptionError(() => box.decrypt(relabelled, CONTEXT)).code).toBe(
      'secret.authentication_failed',
    );
  });

  it('reports malformed input with a typed error', () => {
    const box = createSecretBox(randomBytes(32));
    const valid = box.encrypt('secret', CONTEXT);
    const malformed = [
      '',
      'not a secret',
      valid.slice(0, valid.lastIndexOf('.')),
      `${valid}.extra`,
      valid.replace(/^v1/, 'V1'),
      `${valid}=`,
      valid.replace(/\.([\w-]{16})\./, '.$1AAAA.'),
      null,
      42,
    ];
    for (const input of malformed) {
      expect(decryptionError(() => box.decrypt(input as string, CONTEXT)).code).toBe(
        'secret.malformed',
      );
    }
    expect(decryptionError(() => box.decrypt(valid.replace(/^v1/, 'v2'), CONTEXT)).code).toBe(
      'secret.unsupported_version',
    );
  });

  it('reports a ciphertext made under an unknown master key', () => {
    const ciphertext = createSecretBox(randomBytes(32)).encrypt('secret', CONTEXT);
    const box = createSecretBox(randomBytes(32), { previous: [randomBytes(32)] });
    expect(decryptionError(() => box.decrypt(ciphertext, CONTEXT)).code).toBe('secret.unknown_key');
  });

  it('decrypts with a previous key after a rotation but encrypts with the current one', () => {
    const oldKey = randomBytes(32);
    const newKey = randomBytes(32);
    const beforeRotation = createSecretBox(oldKey).encrypt('kept across rotation', CONTEXT);
    const rotated = createSecretBox(newKey, { previous: [oldKey] });
    expect(rotated.decrypt(beforeRotation, CONTEXT)).toBe('kept across rotation');

    const afterRotation = rotated.encrypt('new', CONTEXT);
    expect(afterRotation.split('.')[1]).toBe(rotated.keyId);
    expect(rotated.keyId).not.toBe(createSecretBox(oldKey).keyId);
    expect(
      decryptionError(() => createSecretBox(oldKey).decrypt(afterRotation, CONTEXT)).code,
    ).toBe('secret.unknown_key');
  });

  it('derives a stable key id that differs between keys and does not contain the key', () => {
    const key = randomBytes(32);
    const { keyId } = createSecretBox(key);
    expect(createSecretBox(Buffer.from(key)).keyId).toBe(keyId);
    expect(createSecretBox(randomBytes(32)).keyId).not.toBe(keyId);
    expect(key.toString('base64url')).not.toContain(keyId);
  });

  it('accepts only 32-byte master keys, current or previous', () => {
    for (const bad of [randomBytes(16), randomBytes(31), randomBytes(33), Buffer.alloc(0)]) {
      expect(() => createSecretBox(bad)).toThrow(TypeError);
      expect(() => createSecretBox(randomBytes(32), { previous: [bad] })).toThrow(TypeError);
    }
    expect(() => createSecretBox('x'.repeat(32) as unknown as Uint8Array)).toThrow(TypeError);
  });

  it('requires a non-empty context so that every ciphertext is bound to something', () => {
    const box = createSecretBox(randomBytes(32));
    expect(() => box.encrypt('secret', '')).toThrow(TypeError);
    expect(() => box.decrypt(box.encrypt('secret', CONTEXT), '')).toThrow(TypeError);
  });
});
