/**
 * Platform principals: operators (people signing in to the console through the admin tenant)
 * and API clients (automation with client credentials). Platform operators only.
 */
import type { ApiClientRoleView, ApiClientView } from '../../server/api-clients/api-client-view';
import { type CreatedApiClient, createApiClient } from '../../server/api-clients/create-api-client';
import { deleteApiClient } from '../../server/api-clients/delete-api-client';
import { listApiClients } from '../../server/api-clients/list-api-clients';
import { type CreatedOperator, createOperator } from '../../server/operators/create-operator';
import { grantTenantAdmin } from '../../server/operators/grant-tenant-admin';
import { listOperators } from '../../server/operators/list-operators';
import type { MembershipView, OperatorView } from '../../server/operators/operator-view';
import { revokeMembership } from '../../server/operators/revoke-membership';
import { requirePrincipal } from '../../server/principal';
import { builder, connectionOf } from '../builder';

const PlatformRole = builder.enumType('PlatformRole', {
  values: {
    platform_operator: { description: 'Every tenant, and the platform itself.' },
    tenant_admin: { description: 'Only the tenant named with the role.' },
  } as const,
});

const MembershipRef = builder.objectRef<MembershipView>('Membership').implement({
  description: 'One role of an operator.',
  fields: (t) => ({
    id: t.exposeID('id'),
    role: t.field({ type: PlatformRole, resolve: (m) => m.role }),
    tenantId: t.exposeID('tenantId', { nullable: true }),
    tenantSlug: t.exposeString('tenantSlug', { nullable: true }),
    createdAt: t.field({ type: 'DateTime', resolve: (m) => m.createdAt }),
  }),
});

const OperatorRef = builder.objectRef<OperatorView>('Operator').implement({
  description: 'A person who signs in to the console through the admin tenant.',
  fields: (t) => ({
    id: t.exposeID('id'),
    subject: t.exposeString('subject', {
      description: "The admin tenant's `sub` of the operator.",
    }),
    email: t.exposeString('email'),
    name: t.exposeString('name', { nullable: true }),
    platformOperator: t.exposeBoolean('platformOperator'),
    memberships: t.field({ type: [MembershipRef], resolve: (o) => o.memberships }),
    createdAt: t.field({ type: 'DateTime', resolve: (o) => o.createdAt }),
  }),
});

const ApiClientRoleRef = builder.objectRef<ApiClientRoleView>('ApiClientRole').implement({
  fields: (t) => ({
    role: t.field({ type: PlatformRole, resolve: (r) => r.role }),
    tenantId: t.exposeID('tenantId', { nullable: true }),
    tenantSlug: t.exposeString('tenantSlug', { nullable: true }),
  }),
});

const ApiClientRef = builder.objectRef<ApiClientView>('ApiClient').implement({
  description: 'Automation: a client-credentials client of the admin tenant with roles.',
  fields: (t) => ({
    id: t.exposeID('id'),
    clientId: t.exposeString('clientId', { description: '`client_id` at the admin tenant.' }),
    name: t.exposeString('name'),
    roles: t.field({ type: [ApiClientRoleRef], resolve: (c) => c.roles }),
    createdAt: t.field({ type: 'DateTime', resolve: (c) => c.createdAt }),
  }),
});

const CreateOperatorPayload = builder
  .objectRef<CreatedOperator>('CreateOperatorPayload')
  .implement({
    fields: (t) => ({
      operator: t.field({ type: OperatorRef, resolve: (p) => p.operator }),
      login: t.exposeString('login', { description: 'The login at the admin tenant.' }),
      password: t.string({
        nullable: true,
        description: 'The generated password, shown this once (null when one was given).',
        resolve: (p) => p.password ?? null,
      }),
    }),
  });

const CreateApiClientPayload = builder
  .objectRef<CreatedApiClient>('CreateApiClientPayload')
  .implement({
    fields: (t) => ({
      apiClient: t.field({ type: ApiClientRef, resolve: (p) => p.apiClient }),
      clientSecret: t.exposeString('clientSecret', {
        description: 'Shown this once; only its hash is stored.',
      }),
    }),
  });

const CreateOperatorInput = builder.inputType('CreateOperatorInput', {
  fields: (t) => ({
    email: t.string({ required: true, description: 'Also the login at the admin tenant.' }),
    name: t.string({ required: false }),
    password: t.string({
      required: false,
      description: 'Generated (and returned once) if absent.',
    }),
    platformOperator: t.boolean({ required: false }),
    tenantIds: t.idList({ required: false, description: 'Tenants the operator administers.' }),
  }),
});

const ApiClientRoleInput = builder.inputType('ApiClientRoleInput', {
  fields: (t) => ({
    role: t.field({ type: PlatformRole, required: true }),
    tenantId: t.id({ required: false, description: 'Required for tenant_admin.' }),
  }),
});

const OperatorConnection = connectionOf('Operator', OperatorRef);
const ApiClientConnection = connectionOf('ApiClient', ApiClientRef);

builder.queryFields((t) => ({
  operators: t.field({
    type: OperatorConnection,
    description: 'Operators by email. Platform operators only.',
    args: { first: t.arg.int({ required: false }), after: t.arg.string({ required: false }) },
    resolve: (_root, args, ctx) =>
      listOperators({ ...args, deps: ctx.deps, principal: requirePrincipal(ctx.principal) }),
  }),
  apiClients: t.field({
    type: ApiClientConnection,
    description: 'API clients by client id. Platform operators only.',
    args: { first: t.arg.int({ required: false }), after: t.arg.string({ required: false }) },
    resolve: (_root, args, ctx) =>
      listApiClients({ ...args, deps: ctx.deps, principal: requirePrincipal(ctx.principal) }),
  }),
}));

builder.mutationFields((t) => ({
  createOperator: t.field({
    type: CreateOperatorPayload,
    description: 'An operator and its admin-tenant user. Platform operators only.',
    args: { input: t.arg({ type: CreateOperatorInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      createOperator({
        ...input,
        tenantIds: input.tenantIds?.map(String),
        deps: ctx.deps,
        principal: requirePrincipal(ctx.principal),
      }),
  }),
  grantTenantAdmin: t.field({
    type: OperatorRef,
    description: 'Makes an operator admin of one more tenant. Platform operators only.',
    args: { operatorId: t.arg.id({ required: true }), tenantId: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) =>
      grantTenantAdmin({
        operatorId: String(args.operatorId),
        tenantId: String(args.tenantId),
        deps: ctx.deps,
        principal: requirePrincipal(ctx.principal),
      }),
  }),
  revokeMembership: t.field({
    type: OperatorRef,
    description: 'Takes one role from an operator. Platform operators only.',
    args: { membershipId: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) =>
      revokeMembership({
        membershipId: String(args.membershipId),
        deps: ctx.deps,
        principal: requirePrincipal(ctx.principal),
      }),
  }),
  createApiClient: t.field({
    type: CreateApiClientPayload,
    description:
      'A client-credentials client of the admin tenant with roles. Platform operators only.',
    args: {
      name: t.arg.string({ required: true }),
      roles: t.arg({ type: [ApiClientRoleInput], required: true }),
    },
    resolve: (_root, args, ctx) =>
      createApiClient({
        name: args.name,
        roles: args.roles.map((r) =>
          r.tenantId === null || r.tenantId === undefined
            ? { role: r.role }
            : { role: r.role, tenantId: String(r.tenantId) },
        ),
        deps: ctx.deps,
        principal: requirePrincipal(ctx.principal),
      }),
  }),
  deleteApiClient: t.field({
    type: ApiClientRef,
    description: 'Deletes an API client; its tokens stop working at once. Platform operators only.',
    args: { clientId: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) =>
      deleteApiClient({ ...args, deps: ctx.deps, principal: requirePrincipal(ctx.principal) }),
  }),
}));
