/**
 * Errors of the secrets module. Callers switch on `code` (dotted `domain.reason`, as elsewhere
 * in Tessera); messages are for logs only and never contain key material or plaintext.
 */

export type SecretDecryptionErrorCode =
  /** Not a ciphertext this box produced: wrong shape, encoding or field length. */
  | 'secret.malformed'
  /** A format version this code does not know (written by a newer release?). */
  | 'secret.unsupported_version'
  /** Encrypted under a master key that is neither the current one nor a `previous` one. */
  | 'secret.unknown_key'
  /** The authentication tag did not verify: altered bytes or another context. */
  | 'secret.authentication_failed';

/** A ciphertext could not be decrypted. Nothing of the plaintext is ever returned. */
export class SecretDecryptionError extends Error {
  readonly code: SecretDecryptionErrorCode;

  constructor(code: SecretDecryptionErrorCode, message: string) {
    super(message);
    this.name = 'SecretDecryptionError';
    this.code = code;
  }
}

export type MasterKeyErrorCode =
  /** Production mode without TESSERA_MASTER_KEY. */
  | 'master_key.missing'
  /** A value or key file that is not 32 bytes in base64, base64url or hex. */
  | 'master_key.invalid';

/** The master key could not be loaded; the message says how to fix it. Start-up must stop. */
export class MasterKeyError extends Error {
  readonly code: MasterKeyErrorCode;

  constructor(code: MasterKeyErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MasterKeyError';
    this.code = code;
  }
}
