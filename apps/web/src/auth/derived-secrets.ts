/**
 * Secrets the admin plane derives from the master key instead of storing: every instance with
 * the same key derives the same values, and rotating the master key rotates them.
 */
import { hkdfSync } from 'node:crypto';

/** Labels of the derived secrets; a new use gets a new label, never a reused one. */
export const SECRET_LABELS = {
  /** next-auth's JWT encryption secret for console sessions. */
  sessions: 'tessera/web/next-auth-session',
  /** The console's client secret at the admin tenant (its hash is what apps/op stores). */
  consoleClient: 'tessera/web/console-client-secret',
} as const;

/** @example deriveSecret(masterKey, SECRET_LABELS.sessions) // 43-character base64url */
export function deriveSecret(masterKey: Uint8Array, label: string): string {
  return Buffer.from(hkdfSync('sha256', masterKey, new Uint8Array(0), label, 32)).toString(
    'base64url',
  );
}
