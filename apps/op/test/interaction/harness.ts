/**
 * A real OP runtime on a temporary SQLite database, driven without Next: the router and fast
 * lane answer protocol requests and form posts, and `runtime.pages.load` stands in for the page
 * render (it is what the page shows, CSRF token included). Plus a one-issuer cookie jar.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashPassword, newTenantSettings, type TenantSettings } from '@tessera/db';
import { readEnv } from '../../src/env';
import { type CreateOpRuntimeOptions, createOpRuntime, type OpRuntime } from '../../src/runtime';
import type { InteractionView } from '../../src/ui/page-view';

export const PUBLIC_URL = 'http://localhost:3999';
export const REDIRECT_URI = 'https://rp.example.com/cb';
export const PASSWORD = 'correct horse battery staple';
/** Cheap scrypt parameters: tests hash in microseconds. */
const FAST_HASH = { ln: 4, r: 8, p: 1 };

export class Browser {
  private readonly cookies = new Map<string, string>();

  constructor(private readonly address = '203.0.113.7') {}

  get cookieHeader(): string | undefined {
    const header = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    return header || undefined;
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  async send(runtime: OpRuntime, url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookieHeader) headers.set('cookie', this.cookieHeader);
    const response = await runtime.handle(new Request(url, { ...init, headers }), this.address);
    if (!response) throw new Error(`no fast-lane answer for ${url}`);
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      const [name, value] = [pair.slice(0, at), pair.slice(at + 1)];
      if (value === '' || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  /** Posts a form the way a browser on the issuer's origin does. */
  post(runtime: OpRuntime, url: string, fields: Record<string, string>, headers = {}) {
    return this.send(runtime, url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: new URL(url).origin,
        ...headers,
      },
      body: new URLSearchParams(fields).toString(),
    });
  }
}

export interface TestOp {
  runtime: OpRuntime;
  close(): Promise<void>;
}

export async function startOp(options: CreateOpRuntimeOptions = {}): Promise<TestOp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tessera-op-pages-'));
  const runtime = await createOpRuntime(
    readEnv({
      TESSERA_DATA_DIR: dataDir,
      OP_PUBLIC_URL: PUBLIC_URL,
      TESSERA_MASTER_KEY: randomBytes(32).toString('base64'),
      LOG_LEVEL: 'silent',
    }),
    options,
  );
  return {
    runtime,
    async close() {
      await runtime.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface TestTenant {
  id: string;
  slug: string;
  issuer: string;
  userId: string;
  clientId: string;
  clientSecret: string;
}

/** A tenant with the user `ada` (password PASSWORD) and a registered confidential client. */
export async function createTenant(
  runtime: OpRuntime,
  adjust: (settings: TenantSettings) => void = () => {},
): Promise<TestTenant> {
  const db = runtime.database.prisma;
  const id = randomUUID();
  const slug = `t-${id.slice(0, 8)}`;
  const settings = newTenantSettings();
  adjust(settings);
  await db.tenant.create({ data: { id, slug, name: `Tenant ${slug}`, settings } });
  const userId = randomUUID();
  await db.user.create({
    data: {
      tenantId: id,
      id: userId,
      loginName: 'ada',
      email: 'ada@example.com',
      passwordHash: await hashPassword(PASSWORD, FAST_HASH),
      claims: { name: 'Ada Lovelace' },
    },
  });
  const issuer = `${PUBLIC_URL}/${slug}`;
  const registration = await runtime.handle(
    new Request(`${issuer}/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        redirect_uris: [REDIRECT_URI],
        client_name: 'Example RP',
        policy_uri: 'https://rp.example.com/privacy',
        logo_uri: 'https://rp.example.com/logo.png',
      }),
    }),
    '127.0.0.1',
  );
  const client = (await registration!.json()) as { client_id: string; client_secret: string };
  return {
    id,
    slug,
    issuer,
    userId,
    clientId: client.client_id,
    clientSecret: client.client_secret,
  };
}

export const CODE_VERIFIER = 'a-code-verifier-that-is-long-enough-for-pkce-0123456789';
const CODE_CHALLENGE = createHash('sha256').update(CODE_VERIFIER).digest('base64url');

/** GET /authorize; returns the interaction id it redirected to. */
export async function startSignIn(
  runtime: OpRuntime,
  browser: Browser,
  tenant: TestTenant,
  extra: Record<string, string> = {},
): Promise<string> {
  const params = new URLSearchParams({
    client_id: tenant.clientId,
    redirect_uri: REDIRECT_URI,
    response_type: 'code',
    scope: 'openid profile email',
    state: 'state-1',
    nonce: 'nonce-1',
    code_challenge: CODE_CHALLENGE,
    code_challenge_method: 'S256',
    ...extra,
  });
  const response = await browser.send(runtime, `${tenant.issuer}/authorize?${params}`);
  const location = response.headers.get('location') ?? '';
  const match = /\/interaction\/([^/]+)\/(login|consent)$/.exec(location);
  if (response.status !== 303 || !match) {
    throw new Error(
      `expected a redirect to an interaction page, got ${response.status} ${location}`,
    );
  }
  return match[1] as string;
}

/** What the interaction page would render for this browser (its form, CSRF token included). */
export async function pageFor(
  runtime: OpRuntime,
  browser: Browser,
  tenant: TestTenant,
  interactionId: string,
  acceptLanguage?: string,
) {
  const view = await runtime.pages.loadBySlug({
    slug: tenant.slug,
    host: undefined,
    cookie: browser.cookieHeader,
    acceptLanguage,
    interactionId,
  });
  if (!view) throw new Error('tenant not found');
  return view;
}

export async function formOf(
  runtime: OpRuntime,
  browser: Browser,
  tenant: TestTenant,
  interactionId: string,
): Promise<InteractionView> {
  const view = await pageFor(runtime, browser, tenant, interactionId);
  if (view.interaction === undefined || view.interaction === 'expired') {
    throw new Error('the interaction is not available to this browser');
  }
  return view.interaction;
}
