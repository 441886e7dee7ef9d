/**
 * Reading HTTP Basic client credentials (RFC 6749 2.3.1, RFC 7617). Every malformed header is
 * an `invalid_client`, never an exception: pyOP crashed on an unencoded ':' (defect 11).
 */
import type { ProviderContext } from '../context.js';
import { clientAuthenticationFailed } from './failure.js';

export interface BasicCredentials {
  clientId: string;
  secret: string;
}

// Standard alphabet, plus the URL-safe one pyOP also accepted; padding is optional.
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

/**
 * RFC 6749 2.3.1: id and secret are form-urlencoded before being joined, so '+' is a space
 * and %XX an octet. Returns undefined when the percent-encoding is broken.
 */
function formDecode(value: string): string | undefined {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

/** Decodes `Basic <base64(id:secret)>`; the first ':' separates, later ones belong to the secret. */
export function decodeBasicCredentials(
  ctx: Pick<ProviderContext, 'logger'>,
  encoded: string,
): BasicCredentials {
  if (!BASE64.test(encoded) || encoded.replace(/=+$/, '').length % 4 === 1) {
    throw clientAuthenticationFailed(ctx, 'Basic credentials are not base64');
  }
  let text: string;
  try {
    const bytes = Buffer.from(encoded.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw clientAuthenticationFailed(ctx, 'Basic credentials are not UTF-8');
  }
  const colon = text.indexOf(':');
  if (colon === -1) throw clientAuthenticationFailed(ctx, 'Basic credentials without a colon');
  const clientId = formDecode(text.slice(0, colon));
  const secret = formDecode(text.slice(colon + 1));
  if (clientId === undefined || secret === undefined) {
    throw clientAuthenticationFailed(ctx, 'Basic credentials have a broken percent-encoding');
  }
  if (clientId === '')
    throw clientAuthenticationFailed(ctx, 'Basic credentials without a client id');
  return { clientId, secret };
}
