/**
 * CSRF tokens of the interaction forms.
 *
 * token = base64url(HMAC-SHA256(key, issuer, interaction id, browser binding)), where the browser
 * binding is the value of the core's HttpOnly interaction-binding cookie and `key` is derived
 * from the master key with HKDF (its own `info`, so it shares no key with the secret box).
 *
 * - Stateless and instance-independent: every instance derives the same key from the same master
 *   key, so a form rendered by one instance verifies on another behind a load balancer.
 * - Bound to the browser: a token is only valid together with the cookie it was computed from,
 *   which another site can neither read nor set; a token copied out of one browser is useless in
 *   another. Bound to one interaction and one issuer (tenant), too.
 * - Lives as long as the interaction (the cookie and the stored interaction expire together).
 *   A master-key rotation invalidates open forms; reloading the page issues a fresh token.
 * Verification compares in constant time.
 */
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

const CSRF_KEY_INFO = 'tessera/op/interaction-csrf/v1';
const KEY_BYTES = 32;
/** HMAC-SHA256 output; a token of any other length is rejected before comparing. */
const TOKEN_BYTES = 32;

export interface CsrfBinding {
  issuer: string;
  interactionId: string;
  /** The interaction-binding cookie's value. */
  browserBinding: string;
}

export interface CsrfTokens {
  /** The token the form of this interaction carries in this browser. */
  tokenFor(binding: CsrfBinding): string;
  /** Whether `token` is the one for `binding` (constant time; false for missing or malformed). */
  verify(token: string | undefined, binding: CsrfBinding): boolean;
}

/**
 * @example
 * const csrf = createCsrfTokens(masterKey);
 * const token = csrf.tokenFor({ issuer, interactionId, browserBinding });
 * csrf.verify(form.get('csrf') ?? undefined, { issuer, interactionId, browserBinding }); // true
 */
export function createCsrfTokens(masterKey: Uint8Array): CsrfTokens {
  const key = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), CSRF_KEY_INFO, KEY_BYTES));
  const mac = (binding: CsrfBinding) =>
    createHmac('sha256', key)
      // Length-prefixed fields: no two different bindings serialize to the same input.
      .update(lengthPrefixed(binding.issuer, binding.interactionId, binding.browserBinding))
      .digest();
  return {
    tokenFor: (binding) => mac(binding).toString('base64url'),
    verify(token, binding) {
      if (typeof token !== 'string' || !/^[A-Za-z0-9_-]{43}$/.test(token)) return false;
      const given = Buffer.from(token, 'base64url');
      return given.length === TOKEN_BYTES && timingSafeEqual(given, mac(binding));
    },
  };
}

function lengthPrefixed(...fields: string[]): string {
  return fields.map((field) => `${field.length}:${field}`).join('');
}
