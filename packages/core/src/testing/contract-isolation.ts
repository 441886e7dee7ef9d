/**
 * Contract: two-tenant isolation, one test per port method (the pattern of Hydra's
 * persister_nid_test.go). Tenant A is seeded with a full graph; tenant B uses the very same ids
 * and hashes and must neither see nor change anything of A.
 */

import type { ContractContext } from './context.js';
import { assertGraphIntact, buildGraph, seedGraph } from './graph.js';
import { BROWSER_ISOLATION_CASES } from './isolation-browser.js';
import { ISSUED_ISOLATION_CASES } from './isolation-issued.js';

/** Registers the tenant isolation tests. */
export function describeIsolation({ api, tenant }: ContractContext): void {
  api.describe('tenant isolation', () => {
    for (const { name, actInTenantB } of [...ISSUED_ISOLATION_CASES, ...BROWSER_ISOLATION_CASES]) {
      api.it(name, async () => {
        const [a, b] = [tenant(), tenant()];
        const graph = buildGraph();
        await seedGraph(a, graph);
        await actInTenantB(b, graph);
        await assertGraphIntact(a, graph);
      });
    }
  });
}
