import type { Provider } from '@tessera/core';
import { describe, expect, it } from 'vitest';
import { ProviderPool } from '../../src/tenants/provider-pool';
import type { TenantEntry } from '../../src/tenants/tenant-directory';

function tenant(id: string, configVersion = 1): TenantEntry {
  return {
    id,
    slug: id,
    name: id,
    status: 'active',
    configVersion,
    settings: undefined,
    domains: [],
  };
}

// The pool only stores what the builder returns; a tagged object stands in for a Provider.
function countingBuilder() {
  const builds: string[] = [];
  const build = async (entry: TenantEntry, issuer: string) => {
    builds.push(`${entry.id}@${entry.configVersion} ${issuer}`);
    return { tag: builds.length } as unknown as Provider;
  };
  return { builds, build };
}

describe('the provider pool', () => {
  it('builds a provider once per tenant, issuer and config version', async () => {
    const { builds, build } = countingBuilder();
    const pool = new ProviderPool(build);
    const first = await pool.get(tenant('a'), 'https://op.test/a');
    expect(await pool.get(tenant('a'), 'https://op.test/a')).toBe(first);
    await pool.get(tenant('a'), 'https://id.a.test');
    expect(builds).toEqual(['a@1 https://op.test/a', 'a@1 https://id.a.test']);
  });

  it('rebuilds when the tenant configuration version changes', async () => {
    const { builds, build } = countingBuilder();
    const pool = new ProviderPool(build);
    const old = await pool.get(tenant('a', 1), 'https://op.test/a');
    const fresh = await pool.get(tenant('a', 2), 'https://op.test/a');
    expect(fresh).not.toBe(old);
    expect(builds).toHaveLength(2);
    expect(pool.size).toBe(1);
  });

  it('shares one build between concurrent first requests', async () => {
    const { builds, build } = countingBuilder();
    const pool = new ProviderPool(build);
    const [x, y] = await Promise.all([
      pool.get(tenant('a'), 'https://op.test/a'),
      pool.get(tenant('a'), 'https://op.test/a'),
    ]);
    expect(x).toBe(y);
    expect(builds).toHaveLength(1);
  });

  it('forgets the least recently used provider beyond its capacity', async () => {
    const { builds, build } = countingBuilder();
    const pool = new ProviderPool(build, 2);
    await pool.get(tenant('a'), 'i');
    await pool.get(tenant('b'), 'i');
    await pool.get(tenant('a'), 'i');
    await pool.get(tenant('c'), 'i');
    await pool.get(tenant('a'), 'i');
    await pool.get(tenant('b'), 'i');
    expect(builds).toEqual(['a@1 i', 'b@1 i', 'c@1 i', 'b@1 i']);
  });

  it('does not keep a failed build, so the next request tries again', async () => {
    let attempts = 0;
    const pool = new ProviderPool(async () => {
      attempts++;
      if (attempts === 1) throw new Error('database down');
      return {} as Provider;
    });
    await expect(pool.get(tenant('a'), 'i')).rejects.toThrow('database down');
    await expect(pool.get(tenant('a'), 'i')).resolves.toEqual({});
    expect(attempts).toBe(2);
  });
});
