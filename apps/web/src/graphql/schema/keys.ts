import { generateSigningKey } from '../../server/keys/generate-signing-key';
import { getKeyRotationSchedule } from '../../server/keys/get-key-rotation-schedule';
import { SIGNING_ALGORITHMS } from '../../server/keys/key-store';
import { listSigningKeys } from '../../server/keys/list-signing-keys';
import { retireSigningKey } from '../../server/keys/retire-signing-key';
import { rotateSigningKeys } from '../../server/keys/rotate-signing-keys';
import { setKeyRotationSchedule } from '../../server/keys/set-key-rotation-schedule';
import type { SigningKeyView } from '../../server/keys/signing-key-view';
import { requirePrincipal } from '../../server/principal';
import { builder } from '../builder';

const SigningKeyAlgorithm = builder.enumType('SigningKeyAlgorithm', { values: SIGNING_ALGORITHMS });

const SigningKeyState = builder.enumType('SigningKeyState', {
  values: {
    next: { description: 'Published, not signing yet; the next rotation activates it.' },
    active: { description: 'Signs new tokens.' },
    retired: { description: 'Published so earlier tokens verify, until pruned.' },
  } as const,
});

const SigningKeyRef = builder.objectRef<SigningKeyView>('SigningKey').implement({
  description: "One of a tenant's signing keys; only its public half is ever shown.",
  fields: (t) => ({
    kid: t.exposeID('kid'),
    alg: t.field({ type: SigningKeyAlgorithm, resolve: (key) => key.alg }),
    state: t.field({ type: SigningKeyState, resolve: (key) => key.state }),
    publicJwk: t.field({ type: 'JSON', resolve: (key) => key.publicJwk }),
    createdAt: t.field({ type: 'DateTime', resolve: (key) => key.createdAt }),
    activatedAt: t.field({ type: 'DateTime', nullable: true, resolve: (key) => key.activatedAt }),
    retiredAt: t.field({ type: 'DateTime', nullable: true, resolve: (key) => key.retiredAt }),
  }),
});

interface Schedule {
  intervalDays: number;
  overlapDays: number;
}

const KeyRotationScheduleRef = builder.objectRef<Schedule>('KeyRotationSchedule').implement({
  fields: (t) => ({
    intervalDays: t.exposeInt('intervalDays', { description: 'Days an active key signs.' }),
    overlapDays: t.exposeInt('overlapDays', {
      description: 'Days a retired key stays published.',
    }),
  }),
});

const KeyRotationScheduleInput = builder.inputType('KeyRotationScheduleInput', {
  fields: (t) => ({
    intervalDays: t.int({ required: true }),
    overlapDays: t.int({ required: true }),
  }),
});

builder.queryFields((t) => ({
  signingKeys: t.field({
    type: [SigningKeyRef],
    description: "The tenant's signing keys (what its JWKS publishes), newest first.",
    args: { tenantId: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) =>
      listSigningKeys({
        deps: ctx.deps,
        principal: requirePrincipal(ctx.principal),
        tenantId: String(args.tenantId),
      }),
  }),
  keyRotationSchedule: t.field({
    type: KeyRotationScheduleRef,
    nullable: true,
    description: 'Null when keys rotate on request only.',
    args: { tenantId: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) =>
      getKeyRotationSchedule({
        deps: ctx.deps,
        principal: requirePrincipal(ctx.principal),
        tenantId: String(args.tenantId),
      }),
  }),
}));

builder.mutationFields((t) => ({
  generateSigningKey: t.field({
    type: SigningKeyRef,
    description: 'A new key: active when none of its algorithm is, else staged as next.',
    args: {
      tenantId: t.arg.id({ required: true }),
      alg: t.arg({ type: SigningKeyAlgorithm, required: true, defaultValue: 'RS256' }),
    },
    resolve: (_root, args, ctx) =>
      generateSigningKey({
        ...args,
        tenantId: String(args.tenantId),
        deps: ctx.deps,
        principal: requirePrincipal(ctx.principal),
      }),
  }),
  rotateSigningKeys: t.field({
    type: [SigningKeyRef],
    description:
      'Rotates now (next -> active -> retired, new next) for one or every algorithm in use; returns all keys.',
    args: {
      tenantId: t.arg.id({ required: true }),
      alg: t.arg({ type: SigningKeyAlgorithm, required: false }),
    },
    resolve: (_root, args, ctx) =>
      rotateSigningKeys({
        ...args,
        tenantId: String(args.tenantId),
        deps: ctx.deps,
        principal: requirePrincipal(ctx.principal),
      }),
  }),
  retireSigningKey: t.field({
    type: SigningKeyRef,
    description: 'Stops a key signing (it stays published); not the only active RS256 key.',
    args: { tenantId: t.arg.id({ required: true }), kid: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) =>
      retireSigningKey({
        ...args,
        tenantId: String(args.tenantId),
        deps: ctx.deps,
        principal: requirePrincipal(ctx.principal),
      }),
  }),
  setKeyRotationSchedule: t.field({
    type: KeyRotationScheduleRef,
    nullable: true,
    description: 'Sets (or, with null, removes) scheduled rotation; returns the schedule.',
    args: {
      tenantId: t.arg.id({ required: true }),
      schedule: t.arg({ type: KeyRotationScheduleInput, required: false }),
    },
    resolve: (_root, args, ctx) =>
      setKeyRotationSchedule({
        tenantId: String(args.tenantId),
        schedule: args.schedule ?? null,
        deps: ctx.deps,
        principal: requirePrincipal(ctx.principal),
      }),
  }),
}));
