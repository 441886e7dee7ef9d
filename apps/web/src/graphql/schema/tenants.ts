import { requirePrincipal } from '../../server/principal';
import { createTenant } from '../../server/tenants/create-tenant';
import { getTenant } from '../../server/tenants/get-tenant';
import { listTenants } from '../../server/tenants/list-tenants';
import type { TenantView } from '../../server/tenants/tenant-view';
import { builder, connectionOf } from '../builder';

export const TenantStatus = builder.enumType('TenantStatus', {
  values: { active: {}, disabled: {} } as const,
});

export const TenantRef = builder.objectRef<TenantView>('Tenant').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    slug: t.exposeString('slug'),
    name: t.exposeString('name'),
    status: t.field({
      type: TenantStatus,
      resolve: (tenant) => tenant.status as 'active' | 'disabled',
    }),
    configVersion: t.exposeInt('configVersion'),
    settings: t.field({ type: 'JSON', resolve: (tenant) => tenant.settings }),
    domains: t.exposeStringList('domains'),
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
}));
