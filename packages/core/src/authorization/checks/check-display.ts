/**
 * `display` (OIDC Core 3.1.2.1): one of page, popup, touch or wap, the ASCII values the spec
 * defines; the host decides how to honour it.
 */
import { OAuthError } from '../../errors.js';
import type { Params } from '../../http/request.js';

const DISPLAYS: readonly string[] = ['page', 'popup', 'touch', 'wap'];

/** Returns the requested display, if any. */
export function checkDisplay(params: Params): string | undefined {
  const display = params.get('display');
  if (display !== undefined && !DISPLAYS.includes(display)) {
    throw new OAuthError('invalid_request', 'Unsupported display value');
  }
  return display;
}
