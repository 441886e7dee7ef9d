/**
 * Encryption of secrets at rest (private JWKs, client secrets kept for client_secret_jwt).
 * `context` is bound as additional authenticated data (e.g. `signing-key:<tenantId>:<kid>`), so a
 * ciphertext copied to another row or tenant fails to decrypt.
 */
export interface SecretBox {
  encrypt(plaintext: string, context: string): string;
  /** Throws when the ciphertext was altered, moved to another context, or made with another key. */
  decrypt(ciphertext: string, context: string): string;
}
