/**
 * The fast lane's own answers (health, unknown or unavailable tenant): small bodies, JSON for
 * programs and HTML for browsers, never cached.
 */

const NO_STORE = { 'cache-control': 'no-store' };

/** A JSON body with `no-store`. */
export function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...NO_STORE },
  });
}

/**
 * An error as JSON (`{ error, error_description }`) or, when a browser asks for HTML, as a
 * minimal page without scripts.
 */
export function errorResponse(
  request: Request,
  status: number,
  error: string,
  description: string,
): Response {
  const accept = request.headers.get('accept') ?? '';
  if (!accept.includes('text/html')) {
    return jsonResponse(status, { error, error_description: description });
  }
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(description)}</title></head><body style="font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#1f2933"><h1 style="font-size:1.4rem">${escapeHtml(description)}</h1><p>Error code: <code>${escapeHtml(error)}</code></p></body></html>`;
  return new Response(html, {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy':
        "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
      ...NO_STORE,
    },
  });
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] as string);
}
