/**
 * Strict base64url decoding. Node's decoder skips characters outside the alphabet and ignores
 * the unused low bits of the last character, so two different strings can decode to the same
 * bytes; a stored secret must have exactly one spelling, otherwise an altered value could still
 * be accepted. Internal: not re-exported.
 */

const ALPHABET = /^[A-Za-z0-9_-]*$/;

/** Returns the bytes, or undefined unless `text` is the canonical unpadded base64url of them. */
export function decodeBase64url(text: string): Buffer | undefined {
  if (!ALPHABET.test(text) || text.length % 4 === 1) return undefined;
  const bytes = Buffer.from(text, 'base64url');
  return bytes.toString('base64url') === text ? bytes : undefined;
}

export function encodeBase64url(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64url');
}
