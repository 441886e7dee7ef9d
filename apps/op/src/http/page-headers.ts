/**
 * What server.ts does for a tenant page before Next renders it:
 * - a Content Security Policy with a fresh nonce, on the response and on the *request*: Next
 *   reads the nonce from the request's `content-security-policy` header and puts it on the
 *   scripts it emits (next/dist/server/app-render/get-script-nonce-from-header);
 * - `no-store`: these pages carry CSRF tokens and per-interaction data;
 * - for login/consent/logout, logged-out and error pages: the page data, loaded here once and
 *   handed to the Next render under a random key (PAGE_DATA_HEADER), so the status is right
 *   (400 for an expired interaction or the error page) before Next writes anything.
 *
 * No `form-action`: Chrome applies it to the redirect that follows a form post, which here goes
 * to the relying party.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { OpRuntime } from '../runtime';
import { PAGE_DATA_HEADER } from '../ui/page-view';
import type { OpRoute } from './route';

/** The policy of the tenant pages, with `nonce` allowed to run scripts. */
export function pageContentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: https:",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join('; ');
}

type PageKind = { kind: 'interaction'; interactionId: string } | { kind: 'logged-out' | 'error' };

/** Which of our pages a Next path (`/{slug}/...`) is; undefined for any other path. */
export function tenantPageOf(path: string): PageKind | undefined {
  const [, , first, id, prompt, ...more] = path.split('/');
  if (more.length > 0) return undefined;
  if (first === 'interaction' && id && /^[A-Za-z0-9_-]{1,128}$/.test(id)) {
    return prompt === 'login' || prompt === 'consent' || prompt === 'logout'
      ? { kind: 'interaction', interactionId: id }
      : undefined;
  }
  if (id === undefined && (first === 'logged-out' || first === 'error')) return { kind: first };
  return undefined;
}

/**
 * @example if (route.kind === 'page') await preparePageRequest(runtime, route, req, res);
 */
export async function preparePageRequest(
  runtime: OpRuntime,
  route: Extract<OpRoute, { kind: 'page' }>,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const nonce = randomBytes(16).toString('base64');
  const policy = pageContentSecurityPolicy(nonce);
  // Whatever the client sent under these names must not reach Next.
  delete req.headers['content-security-policy-report-only'];
  delete req.headers[PAGE_DATA_HEADER];
  req.headers['content-security-policy'] = policy;
  res.setHeader('content-security-policy', policy);
  res.setHeader('cache-control', 'no-store');

  const page = tenantPageOf(route.path);
  if (!page || (req.method !== 'GET' && req.method !== 'HEAD')) return;
  const view = await runtime.pages.load({
    tenant: route.tenant,
    issuer: route.issuer,
    cookie: req.headers.cookie,
    acceptLanguage: req.headers['accept-language'],
    ...(page.kind === 'interaction' && { interactionId: page.interactionId }),
  });
  const key = runtime.pages.handoff.put(view);
  req.headers[PAGE_DATA_HEADER] = key;
  res.once('close', () => runtime.pages.handoff.delete(key));
  // Next keeps a status set before it renders unless the page redirects or is not found.
  if (page.kind === 'error' || view.interaction === 'expired') res.statusCode = 400;
}
