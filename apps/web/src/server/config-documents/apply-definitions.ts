/**
 * Step 4: claim and scope definitions. Claims are written before the scopes that may release
 * them; with prune, unlisted scopes go before unlisted claims (a claim a scope still releases
 * cannot be deleted).
 */
import { deleteClaimDefinition } from '../claims/delete-claim-definition';
import { deleteScopeDefinition } from '../claims/delete-scope-definition';
import { listClaimDefinitions } from '../claims/list-claim-definitions';
import { listScopeDefinitions } from '../claims/list-scope-definitions';
import { upsertClaimDefinition } from '../claims/upsert-claim-definition';
import { upsertScopeDefinition } from '../claims/upsert-scope-definition';
import { diffSettings } from '../tenants/settings-diff';
import type { ApplyRun } from './apply-run';
import { atDocumentPath } from './config-change';

export async function applyDefinitions(run: ApplyRun): Promise<void> {
  const scope = { deps: run.deps, principal: run.principal, tenantId: run.tenant.id };
  const { claims, scopes } = run.document;
  const currentClaims = new Map((await listClaimDefinitions(scope)).map((c) => [c.name, c]));
  const currentScopes = new Map((await listScopeDefinitions(scope)).map((s) => [s.name, s]));

  for (const [index, claim] of (claims ?? []).entries()) {
    const current = currentClaims.get(claim.name);
    const fields = current ? diffSettings(fieldsOf(current), fieldsOf(claim)) : [];
    if (current && fields.length === 0) continue;
    await atDocumentPath(`claims.${index}`, () => upsertClaimDefinition({ ...scope, ...claim }));
    run.record({
      kind: 'claim',
      name: claim.name,
      action: current ? 'updated' : 'created',
      fields,
    });
  }
  for (const [index, wanted] of (scopes ?? []).entries()) {
    const current = currentScopes.get(wanted.name);
    const fields = current ? diffSettings(fieldsOf(current), fieldsOf(wanted)) : [];
    if (current && fields.length === 0) continue;
    await atDocumentPath(`scopes.${index}`, () => upsertScopeDefinition({ ...scope, ...wanted }));
    run.record({
      kind: 'scope',
      name: wanted.name,
      action: current ? 'updated' : 'created',
      fields,
    });
  }
  if (!run.prune) return;
  if (scopes !== undefined) {
    const listed = new Set(scopes.map((s) => s.name));
    for (const name of currentScopes.keys()) {
      if (listed.has(name)) continue;
      await deleteScopeDefinition({ ...scope, name });
      run.record({ kind: 'scope', name, action: 'deleted' });
    }
  }
  if (claims !== undefined) {
    const listed = new Set(claims.map((c) => c.name));
    for (const name of currentClaims.keys()) {
      if (listed.has(name)) continue;
      await atDocumentPath('claims', () => deleteClaimDefinition({ ...scope, name }));
      run.record({ kind: 'claim', name, action: 'deleted' });
    }
  }
}

/** The fields a definition is compared by (its tenant and name identify it). */
function fieldsOf(definition: { description: string | null; type?: string; claims?: string[] }) {
  const { description, type, claims } = definition;
  return {
    description,
    ...(type !== undefined && { type }),
    ...(claims !== undefined && { claims }),
  };
}
