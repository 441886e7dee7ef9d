/**
 * A scripted browser: follows the OP's redirects by hand, keeps cookies, "logs in" on the
 * host's interaction page and stops at the relying party's callback without loading it.
 */
import { CookieJar } from './cookie-jar.js';

/** Where a walk through the OP ended. */
export type Outcome =
  | { kind: 'callback'; url: URL }
  | { kind: 'form_post'; action: string; params: URLSearchParams; request: Request }
  | { kind: 'page'; response: Response; body: string; url: URL };

export interface WalkOptions {
  /** The user to log in as when a login page shows up. */
  user?: string;
  /** Answer a logout confirmation with "no". */
  declineLogout?: boolean;
  /** Stop on the interaction page instead of submitting it. */
  stopAtInteraction?: boolean;
}

const MAX_STEPS = 15;

export class UserAgent {
  readonly jar = new CookieJar();
  /** Every URL requested, in order, for assertions about the path taken. */
  readonly visited: string[] = [];

  constructor(
    /** URLs starting with one of these are the RP's: captured, never loaded. */
    private readonly callbacks: string[],
    private readonly interactionPrefix: string,
  ) {}

  /** Starts at `start` (an authorization or end-session URL) and walks until an outcome. */
  async walk(start: URL | string, options: WalkOptions = {}): Promise<Outcome> {
    let url = new URL(start);
    let init: RequestInit = {};
    for (let step = 0; step < MAX_STEPS; step++) {
      if (this.isCallback(url)) return { kind: 'callback', url };
      const response = await this.request(url, init);
      init = {};
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        url = new URL(location, url);
        continue;
      }
      const body = await response.text();
      const form = formPostOf(body);
      if (form && this.isCallback(new URL(form.action))) {
        const request = new Request(form.action, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: form.params.toString(),
        });
        return { kind: 'form_post', action: form.action, params: form.params, request };
      }
      if (response.status === 200 && url.href.startsWith(this.interactionPrefix)) {
        if (options.stopAtInteraction) return { kind: 'page', response, body, url };
        init = { method: 'POST', body: this.answer(url, options) };
        continue;
      }
      return { kind: 'page', response, body, url };
    }
    throw new Error(`Too many redirects; visited ${this.visited.join(' -> ')}`);
  }

  /** One request with the jar's cookies, storing what comes back; never follows redirects. */
  async request(url: URL, init: RequestInit = {}): Promise<Response> {
    this.visited.push(`${init.method ?? 'GET'} ${url.href}`);
    const headers = new Headers(init.headers);
    const cookie = this.jar.headerFor(url);
    if (cookie) headers.set('cookie', cookie);
    if (init.body instanceof URLSearchParams)
      headers.set('content-type', 'application/x-www-form-urlencoded');
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    this.jar.store(response);
    return response;
  }

  private answer(url: URL, options: WalkOptions): URLSearchParams {
    if (url.searchParams.get('prompt') === 'logout')
      return new URLSearchParams({ confirm: options.declineLogout ? 'no' : 'yes' });
    return new URLSearchParams({ user: options.user ?? 'alice' });
  }

  private isCallback(url: URL): boolean {
    return this.callbacks.some((callback) => url.href.startsWith(callback));
  }
}

/** Reads an OAuth 2.0 Form Post Response Mode page: the form's action and hidden inputs. */
export function formPostOf(html: string): { action: string; params: URLSearchParams } | undefined {
  const action = /<form[^>]*action="([^"]+)"/i.exec(html)?.[1];
  if (!action) return undefined;
  const params = new URLSearchParams();
  for (const match of html.matchAll(/<input[^>]*>/gi)) {
    const name = /name="([^"]*)"/i.exec(match[0])?.[1];
    const value = /value="([^"]*)"/i.exec(match[0])?.[1];
    if (name !== undefined) params.append(decodeEntities(name), decodeEntities(value ?? ''));
  }
  return { action: decodeEntities(action), params };
}

function decodeEntities(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
