/**
 * A scripted browser: follows redirects by hand, keeps cookies per origin and path, fills in
 * the OP's login, consent and logout pages as told, and stops at the relying party (whose URLs
 * are captured, never loaded). Form posts carry an Origin header, as browsers send them.
 */
import { CookieJar } from './cookie-jar';
import { formBody, type HtmlForm, readForms } from './html-form';

/** The end-user pages of the contract: `{issuer}/interaction/{id}/{prompt}`. */
export type InteractionPage = 'login' | 'consent' | 'logout';

export type Outcome =
  /** The browser was sent to the RP (query or fragment response). */
  | { kind: 'callback'; url: URL }
  /** The OP answered with a self-submitting form to the RP (response_mode=form_post). */
  | { kind: 'form_post'; action: string; params: URLSearchParams }
  /** Anything else: a page the script does not answer, or an error page. */
  | { kind: 'page'; url: URL; status: number; body: string; page?: InteractionPage };

export interface Script {
  /** Credentials to type when a login page shows; without them the walk stops there. */
  login?: { login: string; password: string };
  /** The consent decision; without it the walk stops at a consent page. */
  consent?: 'allow' | 'deny';
  /** The logout decision; without it the walk stops at a logout confirmation. */
  logout?: 'logout' | 'cancel';
}

const MAX_STEPS = 20;
const INTERACTION_PAGE = /\/interaction\/[^/]+\/(login|consent|logout)$/;

export class Browser {
  readonly jar = new CookieJar();
  /** `METHOD url` of every request, in order. */
  readonly visited: string[] = [];

  /** `rpPrefixes`: URLs starting with one of these belong to the RP and end the walk. */
  constructor(private readonly rpPrefixes: string[]) {}

  /** Navigates to `start` and walks through the OP until an outcome. */
  walk(start: URL | string, script: Script = {}): Promise<Outcome> {
    return this.run(new URL(start), {}, script);
  }

  /** Submits the form of an interaction page where a walk stopped, then walks on. */
  submit(page: { url: URL; body: string }, script: Script): Promise<Outcome> {
    const kind = interactionPageOf(page.url);
    const submit = kind && this.answer(kind, readForms(page.body, page.url), script);
    if (!submit) throw new Error(`nothing to submit on ${page.url.href}`);
    const post = { method: 'POST', body: submit.body };
    return this.run(new URL(submit.form.action), post, script, new Set([kind]));
  }

  private async run(
    start: URL,
    first: RequestInit,
    script: Script,
    answered = new Set<InteractionPage>(),
  ): Promise<Outcome> {
    let url = start;
    let init = first;
    for (let step = 0; step < MAX_STEPS; step++) {
      if (this.isRp(url)) return { kind: 'callback', url };
      const response = await this.request(url, init);
      init = {};
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        url = new URL(location, url);
        continue;
      }
      const body = await response.text();
      const forms = readForms(body, url);
      const toRp = forms.find((form) => this.isRp(new URL(form.action)));
      if (toRp) return { kind: 'form_post', action: toRp.action, params: formBody(toRp) };
      const page = interactionPageOf(url);
      const submit = page && response.status === 200 && this.answer(page, forms, script);
      // A page answered once and shown again (a failed login) is the walk's outcome.
      if (!submit || answered.has(page)) {
        return { kind: 'page', url, status: response.status, body, ...(page && { page }) };
      }
      answered.add(page);
      url = new URL(submit.form.action);
      init = { method: 'POST', body: submit.body };
    }
    throw new Error(`too many steps: ${this.visited.join(' -> ')}`);
  }

  /** One request with the jar's cookies; stores what comes back and never follows redirects. */
  async request(url: URL, init: RequestInit = {}): Promise<Response> {
    const method = init.method ?? 'GET';
    this.visited.push(`${method} ${url.href}`);
    const headers = new Headers(init.headers);
    const cookie = this.jar.headerFor(url);
    if (cookie) headers.set('cookie', cookie);
    if (!headers.has('accept')) headers.set('accept', 'text/html,application/xhtml+xml,*/*;q=0.8');
    if (method === 'POST' && !headers.has('origin')) headers.set('origin', url.origin);
    if (init.body instanceof URLSearchParams)
      headers.set('content-type', 'application/x-www-form-urlencoded');
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    this.jar.store(url, response);
    return response;
  }

  private answer(
    page: InteractionPage,
    forms: HtmlForm[],
    script: Script,
  ): { form: HtmlForm; body: URLSearchParams } | undefined {
    const form = forms.find((candidate) => candidate.method === 'post');
    if (!form) return undefined;
    if (page === 'login' && script.login) {
      const { login, password } = script.login;
      return { form, body: formBody(form, { login, password }) };
    }
    if (page === 'consent' && script.consent) {
      return { form, body: formBody(form, {}, { name: 'decision', value: script.consent }) };
    }
    if (page === 'logout' && script.logout) {
      return { form, body: formBody(form, {}, { name: 'decision', value: script.logout }) };
    }
    return undefined;
  }

  private isRp(url: URL): boolean {
    return this.rpPrefixes.some((prefix) => url.href.startsWith(prefix));
  }
}

/** Which interaction page `url` shows, if any. */
export function interactionPageOf(url: URL): InteractionPage | undefined {
  return INTERACTION_PAGE.exec(url.pathname)?.[1] as InteractionPage | undefined;
}
