/**
 * The end-user pages' view of the runtime (`OpRuntime.pages`): loading page data, the CSRF
 * tokens, and the hand-off of data `server.ts` loaded before Next renders, so a page is loaded
 * once and its HTTP status (400 for an expired interaction) is known before Next answers.
 */
import { randomBytes } from 'node:crypto';
import type { Provider } from '@tessera/core';
import { issuerFor } from '../http/route';
import type { TenantDirectory, TenantEntry } from '../tenants/tenant-directory';
import type { PageView } from '../ui/page-view';
import { type CsrfTokens, createCsrfTokens } from './csrf';
import { type LoadPageInput, loadPageView } from './load-page-view';

/** Hand-offs older than this are dropped even if their response never closed. */
const HANDOFF_TTL_MS = 60_000;
/** Hand-offs kept at most; a flood of page requests cannot grow the map without bound. */
const HANDOFF_CAPACITY = 10_000;

export interface PageHandoff {
  /** Stores `view` for the Next render of this request; returns the key for the request header. */
  put(view: PageView): string;
  get(key: string): PageView | undefined;
  delete(key: string): void;
}

export interface InteractionPages {
  csrf: CsrfTokens;
  handoff: PageHandoff;
  load(input: LoadPageInput): Promise<PageView>;
  /**
   * Resolves the tenant by slug (and the issuer by Host) and loads; undefined for an unknown or
   * unavailable tenant. For Next renders that got no hand-off (`next dev` without the server).
   */
  loadBySlug(
    input: Omit<LoadPageInput, 'tenant' | 'issuer'> & {
      slug: string;
      host: string | undefined;
    },
  ): Promise<PageView | undefined>;
}

export interface CreateInteractionPagesOptions {
  masterKey: Uint8Array;
  directory: TenantDirectory;
  provider: (tenant: TenantEntry, issuer: string) => Promise<Provider>;
  publicUrl: string;
  now?: () => number;
}

/** @example const pages = createInteractionPages({ masterKey, directory, provider: pool.get.bind(pool), publicUrl }); */
export function createInteractionPages(options: CreateInteractionPagesOptions): InteractionPages {
  const csrf = createCsrfTokens(options.masterKey);
  const deps = { provider: options.provider, csrf };
  const load = (input: LoadPageInput) => loadPageView(deps, input);
  return {
    csrf,
    handoff: createHandoff(options.now ?? Date.now),
    load,
    async loadBySlug({ slug, host, ...rest }) {
      const tenant = await options.directory.bySlug(slug);
      if (tenant?.status !== 'active') return undefined;
      return load({ ...rest, tenant, issuer: issuerFor(tenant, host, options.publicUrl) });
    },
  };
}

function createHandoff(now: () => number): PageHandoff {
  const entries = new Map<string, { view: PageView; at: number }>();
  return {
    put(view) {
      const at = now();
      // Insertion order is age order: drop from the front.
      for (const [key, entry] of entries) {
        if (at - entry.at < HANDOFF_TTL_MS && entries.size < HANDOFF_CAPACITY) break;
        entries.delete(key);
      }
      const key = randomBytes(16).toString('base64url');
      entries.set(key, { view, at });
      return key;
    },
    get: (key) => entries.get(key)?.view,
    delete: (key) => void entries.delete(key),
  };
}
