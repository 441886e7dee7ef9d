/**
 * A scripted user agent for tests: a tiny cookie jar and `signIn`, which walks the whole
 * front-channel dance through the provider (GET /authorize -> the host's login page -> the
 * consent page -> the redirect or form_post back to the RP) and hands back what the RP gets.
 *
 * The "host" is simulated: where a real app renders login and consent, `signIn` calls
 * `provider.completeInteraction` with the decision from its options.
 */
import type { Provider } from '../../src/provider.js';

/** Cookies by name, fed from Set-Cookie headers (Max-Age=0 deletes); no path/domain logic. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  /** Takes every Set-Cookie of `response`; returns the response for chaining. */
  store(response: Response): Response {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const index = pair!.indexOf('=');
      const name = pair!.slice(0, index).trim();
      const value = pair!.slice(index + 1).trim();
      const expired = attributes.some((a) => a.trim().toLowerCase() === 'max-age=0');
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  get(name: string): string | undefined {
    return this.cookies.get(name);
  }

  set(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  delete(name: string): void {
    this.cookies.delete(name);
  }

  /** The Cookie request header ('' when empty). */
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  /** Headers carrying this jar's cookies, for hand-built requests. */
  headers(): Record<string, string> {
    const cookie = this.header();
    return cookie ? { cookie } : {};
  }

  clone(): CookieJar {
    const copy = new CookieJar();
    for (const [name, value] of this.cookies) copy.set(name, value);
    return copy;
  }
}

/** GET /authorize?params with the jar's cookies; stores the response's cookies in the jar. */
export async function requestAuthorization(
  provider: Provider,
  params: Record<string, string>,
  jar: CookieJar,
): Promise<Response> {
  const url = `${provider.issuer}/authorize?${new URLSearchParams(params)}`;
  return jar.store(await provider.handle(new Request(url, { headers: jar.headers() })));
}

/** An interaction page URL the provider redirected to (the harness's `/interaction/{id}?prompt=`). */
export interface InteractionStep {
  url: URL;
  id: string;
  prompt: string;
}

/** Parses a 303 to the host's interaction page, or undefined when `response` is not one. */
export function interactionStep(response: Response): InteractionStep | undefined {
  const location = response.headers.get('location');
  if (response.status !== 303 || !location) return undefined;
  const url = new URL(location);
  const match = /\/interaction\/([^/]+)$/.exec(url.pathname);
  if (!match) return undefined;
  return { url, id: match[1]!, prompt: url.searchParams.get('prompt') ?? '' };
}

/** Calls `provider.completeInteraction` as the host would, from this jar's browser. */
export async function completeStep(
  provider: Provider,
  step: InteractionStep,
  jar: CookieJar,
  result: Parameters<Provider['completeInteraction']>[2],
): Promise<Response> {
  const request = new Request(step.url, { headers: jar.headers() });
  return jar.store(await provider.completeInteraction(request, step.id, result));
}

/** The action and fields of a form_post page (OAuth 2.0 Form Post Response Mode). */
export async function readFormPost(
  response: Response,
): Promise<{ action: string; params: URLSearchParams }> {
  const html = await response.text();
  const action = /<form method="post" action="([^"]*)"/.exec(html)?.[1];
  if (action === undefined) throw new Error(`Not a form_post page: ${html.slice(0, 200)}`);
  const params = new URLSearchParams();
  for (const m of html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)) {
    params.append(unescapeHtml(m[1]!), unescapeHtml(m[2]!));
  }
  return { action: unescapeHtml(action), params };
}

function unescapeHtml(value: string): string {
  return value.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
}

/** The response parameters of an RP redirect: the fragment when there is one, else the query. */
export function redirectParams(location: URL): URLSearchParams {
  return location.hash
    ? new URLSearchParams(location.hash.slice(1))
    : new URLSearchParams(location.search);
}

export interface SignInOptions {
  /** Who logs in at the login page (default `user1`). */
  userId?: string;
  acr?: string;
  amr?: string[];
  /** At the consent page: true (default) grants everything, a list grants those scopes, false denies. */
  consent?: boolean | string[];
  /** Reuse a browser (cookies of an earlier sign-in); a fresh jar otherwise. */
  existingJar?: CookieJar;
}

export interface SignInResult {
  /** Where the RP receives the response: the redirect URL, or the form_post action. */
  location: URL;
  /** The response parameters (query, fragment or form fields, as delivered). */
  params: URLSearchParams;
  jar: CookieJar;
  /** The prompts of the interaction pages passed through, in order (e.g. ['login','consent']). */
  prompts: string[];
  /** The final response (303 to the RP or the 200 form_post page). */
  response: Response;
}

/**
 * Runs an authorization request to its end in a scripted browser.
 *
 * @example
 * const { params, jar } = await signIn(provider, { client_id: 'client1', ... });
 * const code = params.get('code');
 */
export async function signIn(
  provider: Provider,
  params: Record<string, string>,
  options: SignInOptions = {},
): Promise<SignInResult> {
  const jar = options.existingJar ?? new CookieJar();
  const prompts: string[] = [];
  let response = await requestAuthorization(provider, params, jar);
  for (let step = interactionStep(response); step; step = interactionStep(response)) {
    if (prompts.length > 3) throw new Error(`Interaction loop: ${prompts.join(', ')}`);
    prompts.push(step.prompt);
    response = await completeStep(provider, step, jar, decide(step.prompt, options));
  }
  if (response.status === 200 && response.headers.get('content-type')?.startsWith('text/html')) {
    const form = await readFormPost(response.clone());
    return { location: new URL(form.action), params: form.params, jar, prompts, response };
  }
  const location = response.headers.get('location');
  if (response.status !== 303 || !location) {
    throw new Error(`Unexpected ${response.status}: ${await response.clone().text()}`);
  }
  const url = new URL(location);
  return { location: url, params: redirectParams(url), jar, prompts, response };
}

function decide(prompt: string, options: SignInOptions) {
  if (prompt === 'login') {
    const { userId = 'user1', acr, amr } = options;
    return { login: { userId, acr, amr } };
  }
  const consent = options.consent ?? true;
  if (consent === false) return { error: 'access_denied' as const };
  return { consent: consent === true ? {} : { scopes: consent } };
}
