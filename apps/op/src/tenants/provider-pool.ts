/**
 * Ready `Provider`s per tenant and issuer, built once per `configVersion` and kept in a bounded
 * LRU. Building one reads keys (and creates the first ones), so it is single-flight: concurrent
 * first requests share one build.
 */
import type { Provider } from '@tessera/core';
import { Lru } from './lru';
import type { TenantEntry } from './tenant-directory';

/** Providers kept per instance; each holds a tenant's keys and settings, a few KB. */
export const PROVIDER_POOL_SIZE = 1_000;

interface Pooled {
  configVersion: number;
  provider: Promise<Provider>;
}

export type BuildProvider = (tenant: TenantEntry, issuer: string) => Promise<Provider>;

export class ProviderPool {
  private readonly pool: Lru<string, Pooled>;

  constructor(
    private readonly build: BuildProvider,
    capacity = PROVIDER_POOL_SIZE,
  ) {
    this.pool = new Lru(capacity);
  }

  /** @example const provider = await pool.get(tenant, 'https://op.example.com/acme'); */
  get(tenant: TenantEntry, issuer: string): Promise<Provider> {
    const key = `${tenant.id} ${issuer}`;
    const pooled = this.pool.get(key);
    if (pooled && pooled.configVersion === tenant.configVersion) return pooled.provider;
    const provider = this.build(tenant, issuer);
    this.pool.set(key, { configVersion: tenant.configVersion, provider });
    // A failed build is not cached: the next request tries again.
    provider.catch(() => {
      if (this.pool.get(key)?.provider === provider) this.pool.delete(key);
    });
    return provider;
  }

  get size(): number {
    return this.pool.size;
  }
}
