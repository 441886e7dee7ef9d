import { createInitialAccessToken } from '../../server/initial-access-tokens/create-initial-access-token';
import type { InitialAccessTokenView } from '../../server/initial-access-tokens/initial-access-token-view';
import { listInitialAccessTokens } from '../../server/initial-access-tokens/list-initial-access-tokens';
import { revokeInitialAccessToken } from '../../server/initial-access-tokens/revoke-initial-access-token';
import { requirePrincipal } from '../../server/principal';
import { builder } from '../builder';

const InitialAccessTokenRef = builder
  .objectRef<InitialAccessTokenView>('InitialAccessToken')
  .implement({
    description:
      'An RFC 7591 initial access token for dynamic registration (registration policy initial_access_token); the token itself is shown only at creation.',
    fields: (t) => ({
      id: t.exposeID('id'),
      description: t.exposeString('description', { nullable: true }),
      createdAt: t.field({ type: 'DateTime', resolve: (token) => token.createdAt }),
      expiresAt: t.field({
        type: 'DateTime',
        nullable: true,
        description: 'Null: works until revoked.',
        resolve: (token) => token.expiresAt,
      }),
    }),
  });

const CreateInitialAccessTokenPayload = builder
  .objectRef<{ token: string; initialAccessToken: InitialAccessTokenView }>(
    'CreateInitialAccessTokenPayload',
  )
  .implement({
    fields: (t) => ({
      token: t.exposeString('token', {
        description: 'The bearer token, shown this once; only its hash is stored.',
      }),
      initialAccessToken: t.field({
        type: InitialAccessTokenRef,
        resolve: (payload) => payload.initialAccessToken,
      }),
    }),
  });

builder.queryFields((t) => ({
  initialAccessTokens: t.field({
    type: [InitialAccessTokenRef],
    description: "The tenant's initial access tokens, newest first, expired ones included.",
    args: { tenantId: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) =>
      listInitialAccessTokens({
        deps: ctx.deps,
        principal: requirePrincipal(ctx.principal),
        tenantId: String(args.tenantId),
      }),
  }),
}));

builder.mutationFields((t) => ({
  createInitialAccessToken: t.field({
    type: CreateInitialAccessTokenPayload,
    description: 'Issues an initial access token; without expiresInSeconds it works until revoked.',
    args: {
      tenantId: t.arg.id({ required: true }),
      description: t.arg.string({ required: false }),
      expiresInSeconds: t.arg.int({ required: false }),
    },
    resolve: (_root, args, ctx) =>
      createInitialAccessToken({
        ...args,
        tenantId: String(args.tenantId),
        deps: ctx.deps,
        principal: requirePrincipal(ctx.principal),
      }),
  }),
  revokeInitialAccessToken: t.field({
    type: InitialAccessTokenRef,
    description: 'Revokes an initial access token; clients it registered stay.',
    args: { tenantId: t.arg.id({ required: true }), id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) =>
      revokeInitialAccessToken({
        tenantId: String(args.tenantId),
        id: String(args.id),
        deps: ctx.deps,
        principal: requirePrincipal(ctx.principal),
      }),
  }),
}));
