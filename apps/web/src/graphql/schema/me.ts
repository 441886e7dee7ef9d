import { getMe, type MeView } from '../../server/me/get-me';
import { requirePrincipal } from '../../server/principal';
import { builder } from '../builder';

const PrincipalKind = builder.enumType('PrincipalKind', {
  values: { operator: {}, api_client: {}, cli: {} } as const,
});

const MeRef = builder.objectRef<MeView>('Me').implement({
  description: 'The caller and its roles.',
  fields: (t) => ({
    kind: t.field({ type: PrincipalKind, resolve: (me) => me.kind }),
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    platformOperator: t.exposeBoolean('platformOperator'),
    tenantSlugs: t.exposeStringList('tenantSlugs', {
      description: 'Tenants administered (empty for platform operators, who administer all).',
    }),
  }),
});

builder.queryField('me', (t) =>
  t.field({
    type: MeRef,
    resolve: (_root, _args, ctx) =>
      getMe({ deps: ctx.deps, principal: requirePrincipal(ctx.principal) }),
  }),
);
