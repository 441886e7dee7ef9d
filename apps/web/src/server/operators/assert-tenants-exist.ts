import { validationFailed } from '../errors';
import type { Tx } from '../record-change';

/** Unknown tenant ids are input errors, each reported at its own field path. */
export async function assertTenantsExist(
  db: Tx,
  references: readonly { tenantId: string; path: string }[],
): Promise<void> {
  if (references.length === 0) return;
  const found = await db.tenant.findMany({
    where: { id: { in: references.map((r) => r.tenantId) } },
    select: { id: true },
  });
  const known = new Set(found.map((t) => t.id));
  const problems = references.flatMap(({ tenantId, path }) =>
    known.has(tenantId) ? [] : [{ path, message: `No tenant '${tenantId}'` }],
  );
  if (problems.length > 0) throw validationFailed(problems);
}
