/**
 * The user agent's cookies: enough of RFC 6265 for the suite. Cookies belong to the origin that
 * set them and are sent only on paths under their Path (default-path per 5.1.4); Max-Age=0 or a
 * past Expires deletes one. Secure and SameSite are not enforced (every origin here is a
 * loopback http origin, which browsers treat as secure, and the RP is never loaded).
 */

interface StoredCookie {
  origin: string;
  name: string;
  value: string;
  path: string;
}

export class CookieJar {
  private readonly cookies = new Map<string, StoredCookie>();

  /** Takes every Set-Cookie of `response`, which answered a request to `url`. */
  store(url: URL, response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
      const equals = pair.indexOf('=');
      if (equals <= 0) continue;
      const name = pair.slice(0, equals);
      const value = pair.slice(equals + 1);
      let path = defaultPath(url);
      let expired = false;
      for (const attribute of attributes) {
        const at = attribute.indexOf('=');
        const key = (at === -1 ? attribute : attribute.slice(0, at)).toLowerCase();
        const attributeValue = at === -1 ? '' : attribute.slice(at + 1);
        if (key === 'path' && attributeValue.startsWith('/')) path = attributeValue;
        if (key === 'max-age' && Number(attributeValue) <= 0) expired = true;
        if (key === 'expires' && Date.parse(attributeValue) <= Date.now()) expired = true;
      }
      this.set({ origin: url.origin, name, value, path }, expired);
    }
  }

  /** Puts a cookie in by hand (tests that replay one somewhere else). */
  set(cookie: StoredCookie, remove = false): void {
    const key = `${cookie.origin} ${cookie.path} ${cookie.name}`;
    if (remove) this.cookies.delete(key);
    else this.cookies.set(key, cookie);
  }

  /** The Cookie header for a request to `url`, longer paths first (5.4), or undefined. */
  headerFor(url: URL): string | undefined {
    const matching = [...this.cookies.values()]
      .filter((cookie) => cookie.origin === url.origin && pathMatches(url.pathname, cookie.path))
      .sort((a, b) => b.path.length - a.path.length);
    return matching.length > 0
      ? matching.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ')
      : undefined;
  }

  /** The cookies held, for assertions and replays. */
  all(): StoredCookie[] {
    return [...this.cookies.values()];
  }
}

function pathMatches(requestPath: string, cookiePath: string): boolean {
  if (requestPath === cookiePath) return true;
  if (!requestPath.startsWith(cookiePath)) return false;
  return cookiePath.endsWith('/') || requestPath[cookiePath.length] === '/';
}

function defaultPath(url: URL): string {
  const last = url.pathname.lastIndexOf('/');
  return last <= 0 ? '/' : url.pathname.slice(0, last);
}
