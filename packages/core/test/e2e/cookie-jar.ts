/** The cookie store of the scripted user agent: enough of RFC 6265 for one OP host. */

interface StoredCookie {
  value: string;
  path: string;
}

export class CookieJar {
  private readonly cookies = new Map<string, StoredCookie>();

  /** Takes every Set-Cookie of a response; Max-Age=0 (or a past Expires) deletes the cookie. */
  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
      const index = pair.indexOf('=');
      const name = pair.slice(0, index);
      const value = pair.slice(index + 1);
      let path = '/';
      let expired = false;
      for (const attribute of attributes) {
        const [key = '', attributeValue = ''] = attribute.split('=');
        const lower = key.toLowerCase();
        if (lower === 'path') path = attributeValue;
        if (lower === 'max-age' && Number(attributeValue) <= 0) expired = true;
        if (lower === 'expires' && Date.parse(attributeValue) <= Date.now()) expired = true;
      }
      const key = `${name};${path}`;
      if (expired) this.cookies.delete(key);
      else this.cookies.set(key, { value, path });
    }
  }

  /** The Cookie header for a request to `url` (path-matched), or undefined. */
  headerFor(url: URL): string | undefined {
    const pairs: string[] = [];
    for (const [key, cookie] of this.cookies) {
      if (url.pathname === cookie.path || url.pathname.startsWith(cookie.path.replace(/\/?$/, '/')))
        pairs.push(`${key.slice(0, key.indexOf(';'))}=${cookie.value}`);
    }
    return pairs.length > 0 ? pairs.join('; ') : undefined;
  }

  /** Names of the cookies currently held. */
  names(): string[] {
    return [...this.cookies.keys()].map((key) => key.slice(0, key.indexOf(';')));
  }

  clear(): void {
    this.cookies.clear();
  }
}
