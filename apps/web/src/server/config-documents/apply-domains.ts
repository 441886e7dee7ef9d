/** Step 3: custom domains, added when missing and (with prune) removed when not listed. */
import { addTenantDomain } from '../tenants/add-tenant-domain';
import { removeTenantDomain } from '../tenants/remove-tenant-domain';
import type { ApplyRun } from './apply-run';
import { atDocumentPath } from './config-change';

export async function applyDomains(run: ApplyRun): Promise<void> {
  const wanted = run.document.domains;
  if (wanted === undefined) return;
  const scope = { deps: run.deps, principal: run.principal, tenantId: run.tenant.id };
  const current = new Set(run.tenant.domains);
  for (const [index, domain] of wanted.entries()) {
    if (current.has(domain)) continue;
    const path = `domains.${index}`;
    run.tenant = await atDocumentPath(
      path,
      () => addTenantDomain({ ...scope, domain }),
      () => path,
    );
    run.record({ kind: 'domain', name: domain, action: 'created' });
  }
  if (!run.prune) return;
  for (const domain of current) {
    if (wanted.includes(domain)) continue;
    run.tenant = await removeTenantDomain({ ...scope, domain });
    run.record({ kind: 'domain', name: domain, action: 'deleted' });
  }
}
