/**
 * The platform's own tenant: operators sign in to the console through it and API clients get
 * their tokens from it, so it may be neither disabled nor deleted (that would lock every
 * operator out, with no API left to undo it).
 */
export const ADMIN_TENANT_SLUG = 'admin';

export const isAdminTenant = (tenant: { slug: string }): boolean =>
  tenant.slug === ADMIN_TENANT_SLUG;
