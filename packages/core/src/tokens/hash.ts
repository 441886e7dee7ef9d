import { createHash, timingSafeEqual } from 'node:crypto';

/** The only form in which codes, tokens and generated secrets reach storage. */
export function hashToken(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('base64url');
}

/**
 * Constant-time comparison of two digests (token hashes, PKCE challenges). The time does not
 * depend on where the values differ; a length difference returns at once, which reveals nothing
 * here because digests have a public, fixed length.
 */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}
