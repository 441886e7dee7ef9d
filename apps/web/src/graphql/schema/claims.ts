import { CLAIM_TYPES } from '../../server/claims/definition-rules';
import type {
  ClaimDefinitionView,
  ScopeDefinitionView,
} from '../../server/claims/definition-views';
import { deleteClaimDefinition } from '../../server/claims/delete-claim-definition';
import { deleteScopeDefinition } from '../../server/claims/delete-scope-definition';
import { listClaimDefinitions } from '../../server/claims/list-claim-definitions';
import { listScopeDefinitions } from '../../server/claims/list-scope-definitions';
import { upsertClaimDefinition } from '../../server/claims/upsert-claim-definition';
import { upsertScopeDefinition } from '../../server/claims/upsert-scope-definition';
import { requirePrincipal } from '../../server/principal';
import { builder } from '../builder';

const ClaimType = builder.enumType('ClaimType', { values: CLAIM_TYPES });

const ClaimDefinitionRef = builder.objectRef<ClaimDefinitionView>('ClaimDefinition').implement({
  description: "A custom user claim of a tenant; scopes release it, users' claims hold its values.",
  fields: (t) => ({
    tenantId: t.exposeID('tenantId'),
    name: t.exposeString('name'),
    description: t.exposeString('description', { nullable: true }),
    type: t.field({ type: ClaimType, resolve: (claim) => claim.type }),
  }),
});

const ScopeDefinitionRef = builder.objectRef<ScopeDefinitionView>('ScopeDefinition').implement({
  description: 'A scope of a tenant and the claims it releases at userinfo and in ID tokens.',
  fields: (t) => ({
    tenantId: t.exposeID('tenantId'),
    name: t.exposeString('name'),
    description: t.exposeString('description', { nullable: true }),
    claims: t.exposeStringList('claims'),
  }),
});

builder.queryFields((t) => ({
  claimDefinitions: t.field({
    type: [ClaimDefinitionRef],
    description: "The tenant's custom claims, by name.",
    args: { tenantId: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) =>
      listClaimDefinitions({
        deps: ctx.deps,
        principal: requirePrincipal(ctx.principal),
        tenantId: String(args.tenantId),
      }),
  }),
  scopeDefinitions: t.field({
    type: [ScopeDefinitionRef],
    description: "The tenant's custom (or redefined standard) scopes, by name.",
    args: { tenantId: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) =>
      listScopeDefinitions({
        deps: ctx.deps,
        principal: requirePrincipal(ctx.principal),
        tenantId: String(args.tenantId),
      }),
  }),
}));

builder.mutationFields((t) => ({
  upsertClaimDefinition: t.field({
    type: ClaimDefinitionRef,
    description: 'Defines a custom claim, or changes its description or type.',
    args: {
      tenantId: t.arg.id({ required: true }),
      name: t.arg.string({ required: true }),
      type: t.arg({ type: ClaimType, required: true, defaultValue: 'string' }),
      description: t.arg.string({ required: false }),
    },
    resolve: (_root, args, ctx) =>
      upsertClaimDefinition({
        ...args,
        tenantId: String(args.tenantId),
        deps: ctx.deps,
        principal: requirePrincipal(ctx.principal),
      }),
  }),
  deleteClaimDefinition: t.field({
    type: ClaimDefinitionRef,
    description: 'Removes a custom claim no scope releases; returns what was removed.',
    args: { tenantId: t.arg.id({ required: true }), name: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) =>
      deleteClaimDefinition({
        ...args,
        tenantId: String(args.tenantId),
        deps: ctx.deps,
        principal: requirePrincipal(ctx.principal),
      }),
  }),
  upsertScopeDefinition: t.field({
    type: ScopeDefinitionRef,
    description: 'Defines a scope and the (defined or standard) claims it releases.',
    args: {
      tenantId: t.arg.id({ required: true }),
      name: t.arg.string({ required: true }),
      claims: t.arg.stringList({ required: true }),
      description: t.arg.string({ required: false }),
    },
    resolve: (_root, args, ctx) =>
      upsertScopeDefinition({
        ...args,
        tenantId: String(args.tenantId),
        deps: ctx.deps,
        principal: requirePrincipal(ctx.principal),
      }),
  }),
  deleteScopeDefinition: t.field({
    type: ScopeDefinitionRef,
    description: 'Removes a scope; returns what was removed.',
    args: { tenantId: t.arg.id({ required: true }), name: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) =>
      deleteScopeDefinition({
        ...args,
        tenantId: String(args.tenantId),
        deps: ctx.deps,
        principal: requirePrincipal(ctx.principal),
      }),
  }),
}));
