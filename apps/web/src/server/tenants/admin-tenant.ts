/**
 * The platform's own tenant may be neither disabled nor deleted: that would lock every operator
 * out, with no API left to undo it.
 */
import { ADMIN_TENANT_SLUG } from '@tessera/db';

export { ADMIN_TENANT_SLUG };

export const isAdminTenant = (tenant: { slug: string }): boolean =>
  tenant.slug === ADMIN_TENANT_SLUG;
