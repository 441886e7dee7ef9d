import { requirePrincipal } from '../../server/principal';
import { addTenantDomain } from '../../server/tenants/add-tenant-domain';
import { createTenant } from '../../server/tenants/create-tenant';
import { deleteTenant } from '../../server/tenants/delete-tenant';
import { getTenant } from '../../server/tenants/get-tenant';
import { listTenants } from '../../server/tenants/list-tenants';
import { removeTenantDomain } from '../../server/tenants/remove-tenant-domain';
import { renameTenant } from '../../server/tenants/rename-tenant';
import { setTenantStatus } from '../../server/tenants/set-tenant-status';
import { settingsView } from '../../server/tenants/settings-view';
import type { TenantView } from '../../server/tenants/tenant-view';
import { updateTenantSettings } from '../../server/tenants/update-tenant-settings';
import { builder, connectionOf } from '../builder';
import { TenantSettingsInput, TenantSettingsRef } from './tenant-settings';

export const TenantStatus = builder.enumType('TenantStatus', {
  values: { active: {}, disabled: {} } as const,
});

export const TenantRef = builder.objectRef<TenantView>('Tenant').implement({
  description:
    'A complete, isolated OpenID Provider. Platform operators create, disable and delete tenants; ' +
    "a tenant's admins may read it, rename it and change its settings and custom domains.",
  fields: (t) => ({
    id: t.exposeID('id'),
    slug: t.exposeString('slug'),
    name: t.exposeString('name'),
    status: t.field({
      type: TenantStatus,
      resolve: (tenant) => tenant.status as 'active' | 'disabled',
    }),
    configVersion: t.exposeInt('configVersion'),
    settings: t.field({
      type: TenantSettingsRef,
      resolve: (tenant) => settingsView(tenant.settings),
    }),
    domains: t.exposeStringList('domains', {
      description: 'Custom domains; each is also an issuer (`https://{domain}`).',
    }),
    issuer: t.exposeString('issuer'),
    discoveryUrl: t.exposeString('discoveryUrl'),
    createdAt: t.field({ type: 'DateTime', resolve: (tenant) => tenant.createdAt }),
    updatedAt: t.field({ type: 'DateTime', resolve: (tenant) => tenant.updatedAt }),
  }),
});

const TenantConnection = connectionOf('Tenant', TenantRef);

builder.queryFields((t) => ({
  tenants: t.field({
    type: TenantConnection,
    description: 'Tenants the caller may see, ordered by slug.',
    args: {
      first: t.arg.int({ required: false }),
      after: t.arg.string({ required: false }),
      search: t.arg.string({ required: false, description: 'Part of the slug or name.' }),
      status: t.arg({ type: TenantStatus, required: false }),
    },
    resolve: (_root, args, ctx) =>
      listTenants({ ...args, deps: ctx.deps, principal: requirePrincipal(ctx.principal) }),
  }),
  tenant: t.field({
    type: TenantRef,
    args: { id: t.arg.id({ required: false }), slug: t.arg.string({ required: false }) },
    resolve: (_root, args, ctx) =>
      getTenant({
        deps: ctx.deps,
        principal: requirePrincipal(ctx.principal),
        id: args.id === null || args.id === undefined ? undefined : String(args.id),
        slug: args.slug,
      }),
  }),
}));

builder.mutationFields((t) => ({
  createTenant: t.field({
    type: TenantRef,
    description: 'Platform operators only.',
    args: { slug: t.arg.string({ required: true }), name: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) =>
      createTenant({ ...args, deps: ctx.deps, principal: requirePrincipal(ctx.principal) }),
  }),
  updateTenantSettings: t.field({
    type: TenantRef,
    description:
      "Merges a partial settings document into the tenant's; apps/op serves it within a second. " +
      "Platform operators and the tenant's admins.",
    args: {
      tenantId: t.arg.id({ required: true }),
      settings: t.arg({ type: TenantSettingsInput, required: true }),
    },
    resolve: (_root, args, ctx) =>
      updateTenantSettings({
        deps: ctx.deps,
        principal: requirePrincipal(ctx.principal),
        tenantId: String(args.tenantId),
        settings: args.settings,
      }),
  }),
  renameTenant: t.field({
    type: TenantRef,
    description:
      "Changes the display name (not the slug). Platform operators and the tenant's admins.",
    args: { tenantId: t.arg.id({ required: true }), name: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) =>
      renameTenant({
        deps: ctx.deps,
        principal: requirePrincipal(ctx.principal),
        tenantId: String(args.tenantId),
        name: args.name,
      }),
  }),
  setTenantStatus: t.field({
    type: TenantRef,
    description:
      'Disables a tenant (apps/op refuses its requests; data stays) or enables it. The admin ' +
      'tenant cannot be disabled. Platform operators only.',
    args: {
      tenantId: t.arg.id({ required: true }),
      status: t.arg({ type: TenantStatus, required: true }),
    },
    resolve: (_root, args, ctx) =>
      setTenantStatus({
        deps: ctx.deps,
        principal: requirePrincipal(ctx.principal),
        tenantId: String(args.tenantId),
        status: args.status,
      }),
  }),
  deleteTenant: t.field({
    type: 'ID',
    description:
      'Deletes a tenant and all its data; `confirmSlug` must repeat its slug. Returns its id. The ' +
      'admin tenant cannot be deleted. Platform operators only.',
    args: { tenantId: t.arg.id({ required: true }), confirmSlug: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) =>
      deleteTenant({
        deps: ctx.deps,
        principal: requirePrincipal(ctx.principal),
        tenantId: String(args.tenantId),
        confirmSlug: args.confirmSlug,
      }),
  }),
  addTenantDomain: t.field({
    type: TenantRef,
    description:
      'Serves the tenant on a custom domain (a host name such as id.acme.com, stored lower-case). ' +
      "A domain belongs to one tenant (else CONFLICT). Platform operators and the tenant's admins.",
    args: { tenantId: t.arg.id({ required: true }), domain: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) =>
      addTenantDomain({
        deps: ctx.deps,
        principal: requirePrincipal(ctx.principal),
        tenantId: String(args.tenantId),
        domain: args.domain,
      }),
  }),
  removeTenantDomain: t.field({
    type: TenantRef,
    description: "Platform operators and the tenant's admins.",
    args: { tenantId: t.arg.id({ required: true }), domain: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) =>
      removeTenantDomain({
        deps: ctx.deps,
        principal: requirePrincipal(ctx.principal),
        tenantId: String(args.tenantId),
        domain: args.domain,
      }),
  }),
}));
