/**
 * Step 5: clients, by client id. A listed client's metadata is normalized by the same
 * validation the services apply (defaults filled in) before it is compared, so a document
 * that names only a few fields is as idempotent as an exported one. New clients print their
 * secret once; with prune, unlisted clients are deleted with everything issued to them.
 */
import { createClient } from '../clients/create-client';
import { deleteClient } from '../clients/delete-client';
import { updateClient } from '../clients/update-client';
import { validateClientInput } from '../clients/validate-client-input';
import { diffSettings } from '../tenants/settings-diff';
import type { ApplyRun } from './apply-run';
import { atDocumentPath } from './config-change';
import { documentClients } from './tenant-objects';

export async function applyClients(run: ApplyRun): Promise<void> {
  const wanted = run.document.clients;
  if (wanted === undefined) return;
  const scope = { deps: run.deps, principal: run.principal, tenantId: run.tenant.id };
  const current = await documentClients({ ...scope, slug: run.tenant.slug });
  for (const [index, { clientId, metadata }] of wanted.entries()) {
    const path = `clients.${index}`;
    const existing = current.get(clientId);
    if (!existing) {
      const created = await atDocumentPath(path, () =>
        createClient({ ...scope, clientId, metadata }),
      );
      run.record({
        kind: 'client',
        name: clientId,
        action: 'created',
        ...(created.clientSecret !== undefined && { clientSecret: created.clientSecret }),
      });
      continue;
    }
    const normalized = await atDocumentPath(path, () =>
      validateClientInput(run.deps, run.tenant.id, metadata),
    );
    const fields = diffSettings(existing.metadata, normalized).map((field) => ({
      ...field,
      path: `metadata.${field.path}`,
    }));
    if (fields.length === 0) continue;
    const updated = await atDocumentPath(path, () =>
      updateClient({ ...scope, clientId, metadata }),
    );
    run.record({
      kind: 'client',
      name: clientId,
      action: 'updated',
      fields,
      ...(updated.clientSecret !== undefined && { clientSecret: updated.clientSecret }),
    });
  }
  if (!run.prune) return;
  const listed = new Set(wanted.map((c) => c.clientId));
  for (const clientId of current.keys()) {
    if (listed.has(clientId)) continue;
    await deleteClient({ ...scope, clientId });
    run.record({ kind: 'client', name: clientId, action: 'deleted' });
  }
}
