/**
 * Tenants by slug or custom domain, cached per instance. An admin change bumps the tenant's
 * `configVersion`; an instance sees it once its cached entry is older than TENANT_REFRESH_MS,
 * which is therefore the documented bound on how long another instance keeps serving the old
 * configuration.
 */
import { type Db, parseTenantSettings, type TenantSettings } from '@tessera/db';
import { Lru } from './lru';

/** How old a cached tenant may be before the next request re-reads it (the propagation bound). */
export const TENANT_REFRESH_MS = 1_000;
/** How long an unknown slug or host stays unknown, so a flood of bad URLs costs no queries. */
export const UNKNOWN_TENANT_TTL_MS = 2_000;
/** Cached lookups per instance; past this the least recently used are forgotten. */
export const TENANT_CACHE_SIZE = 10_000;

export type TenantStatus = 'active' | 'disabled' | 'misconfigured';

export interface TenantEntry {
  id: string;
  slug: string;
  name: string;
  status: TenantStatus;
  configVersion: number;
  /** Parsed settings; absent only when `status` is 'misconfigured'. */
  settings: TenantSettings | undefined;
  domains: string[];
}

interface Cached {
  entry: TenantEntry | undefined;
  fetchedAt: number;
  pending?: Promise<TenantEntry | undefined>;
}

type TenantRow = {
  id: string;
  slug: string;
  name: string;
  status: string;
  configVersion: number;
  settings: unknown;
  domains: { domain: string }[];
};

export interface TenantDirectoryOptions {
  db: Db;
  /** Milliseconds since the epoch; tests move it. */
  now?: () => number;
  onSettingsError?: (slug: string, error: unknown) => void;
}

export class TenantDirectory {
  private readonly bySlugCache = new Lru<string, Cached>(TENANT_CACHE_SIZE);
  private readonly byHostCache = new Lru<string, Cached>(TENANT_CACHE_SIZE);
  private readonly now: () => number;

  constructor(private readonly options: TenantDirectoryOptions) {
    this.now = options.now ?? Date.now;
  }

  /** @example await directory.bySlug('acme') // TenantEntry | undefined */
  bySlug(slug: string): Promise<TenantEntry | undefined> {
    return this.lookup(this.bySlugCache, slug, () =>
      this.options.db.tenant.findUnique({
        where: { slug },
        include: { domains: { select: { domain: true } } },
      }),
    );
  }

  /** The tenant owning custom domain `host` (lower-case host name, no port). */
  byHost(host: string): Promise<TenantEntry | undefined> {
    return this.lookup(this.byHostCache, host, async () => {
      const domain = await this.options.db.tenantDomain.findUnique({
        where: { domain: host },
        include: { tenant: { include: { domains: { select: { domain: true } } } } },
      });
      return domain?.tenant ?? null;
    });
  }

  private lookup(
    cache: Lru<string, Cached>,
    key: string,
    load: () => Promise<TenantRow | null>,
  ): Promise<TenantEntry | undefined> {
    const now = this.now();
    const cached = cache.get(key);
    if (cached) {
      const ttl = cached.entry ? TENANT_REFRESH_MS : UNKNOWN_TENANT_TTL_MS;
      if (now - cached.fetchedAt < ttl) return Promise.resolve(cached.entry);
      if (cached.pending) return cached.pending;
    }
    // One query per key at a time, however many requests arrive while it runs.
    const pending = load().then(
      (row) => {
        const entry = row ? this.toEntry(row) : undefined;
        cache.set(key, { entry, fetchedAt: this.now() });
        return entry;
      },
      (error: unknown) => {
        cache.delete(key);
        throw error;
      },
    );
    cache.set(key, { entry: cached?.entry, fetchedAt: cached?.fetchedAt ?? 0, pending });
    return pending;
  }

  private toEntry(row: TenantRow): TenantEntry {
    let settings: TenantSettings | undefined;
    try {
      settings = parseTenantSettings(row.settings);
    } catch (error) {
      this.options.onSettingsError?.(row.slug, error);
    }
    return {
      id: row.id,
      slug: row.slug,
      name: row.name,
      status:
        settings === undefined ? 'misconfigured' : row.status === 'active' ? 'active' : 'disabled',
      configVersion: row.configVersion,
      settings,
      domains: row.domains.map((d) => d.domain),
    };
  }
}
