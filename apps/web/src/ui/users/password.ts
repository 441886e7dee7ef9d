/**
 * Strong random passwords for people to copy: 20 characters from letters and digits (about 117
 * bits), drawn with rejection sampling so every character is equally likely.
 */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
const LENGTH = 20;

/** @example const password = generatePassword(); // 'k7Qx…' (20 characters) */
export function generatePassword(): string {
  // The largest multiple of the alphabet size below 256: bytes above it would bias the draw.
  const limit = 256 - (256 % ALPHABET.length);
  let password = '';
  while (password.length < LENGTH) {
    const bytes = crypto.getRandomValues(new Uint8Array(LENGTH * 2));
    for (const byte of bytes) {
      if (byte < limit && password.length < LENGTH) password += ALPHABET[byte % ALPHABET.length];
    }
  }
  return password;
}
