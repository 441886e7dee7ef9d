import { randomBytes } from 'node:crypto';

/** 18 random bytes: a 24-character generated password (144 bits), shown once. */
export const GENERATED_PASSWORD_BYTES = 18;

/** `bytes` random bytes as base64url: generated passwords, client ids and secrets. */
export function randomSecret(bytes: number): string {
  return randomBytes(bytes).toString('base64url');
}
