import { requirePrincipal } from '../../server/principal';
import { createUser } from '../../server/users/create-user';
import { deleteUser } from '../../server/users/delete-user';
import { getUser } from '../../server/users/get-user';
import { listUserSessions } from '../../server/users/list-user-sessions';
import { listUsers } from '../../server/users/list-users';
import { revokeUserSession } from '../../server/users/revoke-user-session';
import { revokeUserSessions } from '../../server/users/revoke-user-sessions';
import { setUserDisabled } from '../../server/users/set-user-disabled';
import { setUserPassword } from '../../server/users/set-user-password';
import { updateUser } from '../../server/users/update-user';
import type { UserSessionView } from '../../server/users/user-session-view';
import type { UserView } from '../../server/users/user-view';
import { builder, connectionOf } from '../builder';

export const UserRef = builder.objectRef<UserView>('User').implement({
  description: 'An end user of a tenant. Passwords are write-only: only `hasPassword` shows.',
  fields: (t) => ({
    tenantId: t.exposeID('tenantId'),
    id: t.exposeID('id'),
    loginName: t.exposeString('loginName'),
    email: t.exposeString('email', {
      nullable: true,
      description: 'The login address, lower-cased. The `email` claim is set in `claims`.',
    }),
    claims: t.field({
      type: 'JSON',
      description: 'Standard (OIDC Core 5.1) and custom claims.',
      resolve: (user) => user.claims,
    }),
    disabled: t.exposeBoolean('disabled'),
    hasPassword: t.exposeBoolean('hasPassword'),
    createdAt: t.field({ type: 'DateTime', resolve: (user) => user.createdAt }),
    updatedAt: t.field({ type: 'DateTime', resolve: (user) => user.updatedAt }),
  }),
});

const UserSessionRef = builder.objectRef<UserSessionView>('UserSession').implement({
  description: "An end user's signed-in browser session at the OP.",
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The session id (`sid`).' }),
    userId: t.exposeID('userId'),
    authTime: t.field({ type: 'DateTime', resolve: (s) => s.authTime }),
    acr: t.exposeString('acr', { nullable: true }),
    amr: t.exposeStringList('amr'),
    clientIds: t.exposeStringList('clientIds', {
      description: 'Clients that received tokens in this session.',
    }),
    createdAt: t.field({ type: 'DateTime', resolve: (s) => s.createdAt }),
    expiresAt: t.field({ type: 'DateTime', resolve: (s) => s.expiresAt }),
  }),
});

const UserConnection = connectionOf('User', UserRef);

builder.queryFields((t) => ({
  users: t.field({
    type: UserConnection,
    description: "A tenant's users, ordered by login name.",
    args: {
      tenantId: t.arg.id({ required: true }),
      search: t.arg.string({
        required: false,
        description: 'Part of the login name, email address or name claim (any case).',
      }),
      first: t.arg.int({ required: false }),
      after: t.arg.string({ required: false }),
    },
    resolve: (_root, args, ctx) =>
      listUsers({
        ...args,
        tenantId: String(args.tenantId),
        deps: ctx.deps,
        principal: requirePrincipal(ctx.principal),
      }),
  }),
  user: t.field({
    type: UserRef,
    args: { tenantId: t.arg.id({ required: true }), userId: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) =>
      getUser({
        tenantId: String(args.tenantId),
        userId: String(args.userId),
        deps: ctx.deps,
        principal: requirePrincipal(ctx.principal),
      }),
  }),
  userSessions: t.field({
    type: [UserSessionRef],
    description: "A user's live sessions, newest first (at most 100).",
    args: { tenantId: t.arg.id({ required: true }), userId: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) =>
      listUserSessions({
        tenantId: String(args.tenantId),
        userId: String(args.userId),
        deps: ctx.deps,
        principal: requirePrincipal(ctx.principal),
      }),
  }),
}));

builder.mutationFields((t) => ({
  createUser: t.field({
    type: UserRef,
    description: 'Login names are unique per tenant; passwords are 8 to 1024 characters.',
    args: {
      tenantId: t.arg.id({ required: true }),
      loginName: t.arg.string({ required: true }),
      email: t.arg.string({ required: false }),
      password: t.arg.string({ required: false }),
      claims: t.arg({ type: 'JSON', required: false }),
    },
    resolve: (_root, args, ctx) =>
      createUser({
        ...args,
        tenantId: String(args.tenantId),
        deps: ctx.deps,
        principal: requirePrincipal(ctx.principal),
      }),
  }),
  updateUser: t.field({
    type: UserRef,
    description:
      'Changes only what is given. `claims` replaces all claims; `email: null` removes the address.',
    args: {
      tenantId: t.arg.id({ required: true }),
      userId: t.arg.id({ required: true }),
      loginName: t.arg.string({ required: false }),
      email: t.arg.string({ required: false }),
      claims: t.arg({ type: 'JSON', required: false }),
    },
    resolve: (_root, args, ctx) =>
      updateUser({
        ...args,
        tenantId: String(args.tenantId),
        userId: String(args.userId),
        deps: ctx.deps,
        principal: requirePrincipal(ctx.principal),
      }),
  }),
  setUserPassword: t.field({
    type: UserRef,
    args: {
      tenantId: t.arg.id({ required: true }),
      userId: t.arg.id({ required: true }),
      password: t.arg.string({ required: true }),
    },
    resolve: (_root, args, ctx) =>
      setUserPassword({
        ...args,
        tenantId: String(args.tenantId),
        userId: String(args.userId),
        deps: ctx.deps,
        principal: requirePrincipal(ctx.principal),
      }),
  }),
  setUserDisabled: t.field({
    type: UserRef,
    description: "Disabling ends the user's sessions; their tokens stop working.",
    args: {
      tenantId: t.arg.id({ required: true }),
      userId: t.arg.id({ required: true }),
      disabled: t.arg.boolean({ required: true }),
    },
    resolve: (_root, args, ctx) =>
      setUserDisabled({
        ...args,
        tenantId: String(args.tenantId),
        userId: String(args.userId),
        deps: ctx.deps,
        principal: requirePrincipal(ctx.principal),
      }),
  }),
  deleteUser: t.field({
    type: UserRef,
    description: 'Deletes a user with their sessions, grants and tokens; returns what was removed.',
    args: { tenantId: t.arg.id({ required: true }), userId: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) =>
      deleteUser({
        tenantId: String(args.tenantId),
        userId: String(args.userId),
        deps: ctx.deps,
        principal: requirePrincipal(ctx.principal),
      }),
  }),
  revokeUserSession: t.field({
    type: UserSessionRef,
    description: 'Ends one session and revokes the tokens issued in it; returns the session.',
    args: {
      tenantId: t.arg.id({ required: true }),
      userId: t.arg.id({ required: true }),
      sessionId: t.arg.id({ required: true }),
    },
    resolve: (_root, args, ctx) =>
      revokeUserSession({
        tenantId: String(args.tenantId),
        userId: String(args.userId),
        sessionId: String(args.sessionId),
        deps: ctx.deps,
        principal: requirePrincipal(ctx.principal),
      }),
  }),
  revokeUserSessions: t.field({
    type: 'Int',
    description: 'Ends every session of the user; returns how many ended.',
    args: { tenantId: t.arg.id({ required: true }), userId: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) =>
      revokeUserSessions({
        tenantId: String(args.tenantId),
        userId: String(args.userId),
        deps: ctx.deps,
        principal: requirePrincipal(ctx.principal),
      }),
  }),
}));
