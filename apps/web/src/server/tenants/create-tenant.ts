import { randomUUID } from 'node:crypto';
import { isUniqueViolation, newTenantSettings, slugProblem } from '@tessera/db';
import type { ServiceDeps } from '../../graphql/context';
import { conflict, validationFailed } from '../errors';
import { assertPlatformOperator, type Principal } from '../principal';
import { recordChange } from '../record-change';
import { tenantNameProblem } from './tenant-name';
import { TENANT_VIEW_SELECT, type TenantView, tenantView } from './tenant-view';

export interface CreateTenantOptions {
  deps: ServiceDeps;
  principal: Principal;
  slug: string;
  name: string;
}

/**
 * A new tenant with safe default settings and a fresh subject salt; its signing keys are made by
 * apps/op when its provider is first built. Platform operators only.
 *
 * @example const tenant = await createTenant({ deps, principal, slug: 'acme', name: 'Acme' });
 */
export async function createTenant(options: CreateTenantOptions): Promise<TenantView> {
  const { deps, principal } = options;
  assertPlatformOperator(principal);
  const slug = options.slug.trim();
  const name = options.name.trim();
  const slugIssue = slugProblem(slug);
  const nameIssue = tenantNameProblem(name);
  const problems = [
    ...(slugIssue ? [{ path: 'slug', message: `The slug ${slugIssue}` }] : []),
    ...(nameIssue ? [{ path: 'name', message: nameIssue }] : []),
  ];
  if (problems.length > 0) throw validationFailed(problems);
  const id = randomUUID();
  try {
    const row = await recordChange(
      {
        db: deps.db,
        principal,
        tenantId: id,
        action: 'tenant.create',
        objectType: 'tenant',
        objectId: id,
        details: { slug, name },
        bumpConfigVersion: false,
        now: deps.now,
      },
      (tx) =>
        tx.tenant.create({
          data: { id, slug, name, settings: newTenantSettings() as object },
          select: TENANT_VIEW_SELECT,
        }),
    );
    return tenantView(row, deps.opPublicUrl);
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`A tenant with slug '${slug}' exists already`);
    throw error;
  }
}
