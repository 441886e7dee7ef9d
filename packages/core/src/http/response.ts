/** Response builders. Token-bearing responses are never cached (RFC 6749 5.1). */
import { createHash } from 'node:crypto';

export const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' } as const;

export function jsonResponse(
  body: unknown,
  status = 200,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...NO_STORE, ...headers },
  });
}

/** Public, cacheable JSON (discovery, JWKS); a string body is taken as already serialized. */
export function publicJsonResponse(body: unknown, maxAge: number): Response {
  return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
    status: 200,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': `public, max-age=${maxAge}`,
      'access-control-allow-origin': '*',
    },
  });
}

export function redirectResponse(location: string, headers: HeadersInit = {}): Response {
  const response = new Response(null, { status: 303, headers });
  response.headers.set('location', location);
  response.headers.set('cache-control', 'no-store');
  return response;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A minimal HTML page (errors shown to the end user when redirecting is not allowed). */
export function htmlResponse(status: number, title: string, message: string): Response {
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title></head><body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p></main></body></html>`;
  return new Response(body, {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
      'x-content-type-options': 'nosniff',
      ...NO_STORE,
    },
  });
}

/**
 * OAuth 2.0 Form Post Response Mode: an auto-submitting form. The inline script is allowed by
 * its hash only; without JavaScript the user presses the button.
 */
export function formPostResponse(action: string, params: Record<string, string>): Response {
  const inputs = Object.entries(params)
    .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
    .join('');
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Submit</title></head><body><form method="post" action="${escapeHtml(action)}">${inputs}<noscript><button type="submit">Continue</button></noscript></form><script>${FORM_POST_SCRIPT}</script></body></html>`;
  return new Response(body, {
    status: 200,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': `default-src 'none'; script-src 'sha256-${FORM_POST_SCRIPT_HASH}'; form-action ${cspSource(action)}; frame-ancestors 'none'`,
      ...NO_STORE,
    },
  });
}

// The only inline script the page runs, allowed by its hash in the CSP.
const FORM_POST_SCRIPT = 'document.forms[0].submit()';
const FORM_POST_SCRIPT_HASH = createHash('sha256').update(FORM_POST_SCRIPT).digest('base64');

function cspSource(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}`;
}
