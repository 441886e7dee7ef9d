import { type AuditEventView, listAuditEvents } from '../../server/audit/list-audit-events';
import { requirePrincipal } from '../../server/principal';
import { builder, connectionOf } from '../builder';

const AuditEventRef = builder.objectRef<AuditEventView>('AuditEvent').implement({
  description: 'Who did what to which object, when, from where. Written with every change.',
  fields: (t) => ({
    id: t.exposeID('id'),
    tenantId: t.exposeID('tenantId', {
      nullable: true,
      description: 'Null for platform-level events (API clients, operators).',
    }),
    actorType: t.exposeString('actorType', { description: 'operator, api_client or cli.' }),
    actorId: t.exposeString('actorId'),
    action: t.exposeString('action', { description: 'Dotted, e.g. tenant.settings.update.' }),
    objectType: t.exposeString('objectType'),
    objectId: t.exposeString('objectId', { nullable: true }),
    details: t.field({ type: 'JSON', nullable: true, resolve: (event) => event.details ?? null }),
    ip: t.exposeString('ip', { nullable: true }),
    at: t.field({ type: 'DateTime', resolve: (event) => event.at }),
  }),
});

const AuditEventConnection = connectionOf('AuditEvent', AuditEventRef);

const AuditEventFilter = builder.inputType('AuditEventFilter', {
  description: 'Every field given must match.',
  fields: (t) => ({
    tenantId: t.id(),
    actorId: t.string(),
    objectType: t.string(),
    objectId: t.string(),
    action: t.string({ description: 'The exact action, e.g. client.create.' }),
    from: t.field({ type: 'DateTime', description: 'At or after this time.' }),
    to: t.field({ type: 'DateTime', description: 'Before this time.' }),
  }),
});

builder.queryField('auditEvents', (t) =>
  t.field({
    type: AuditEventConnection,
    description:
      'The audit log, newest first (read-only). Platform operators see every event; tenant ' +
      'admins only events of their tenants (another tenant is FORBIDDEN), never platform-level ' +
      'ones. No total count: the log only grows.',
    args: {
      filter: t.arg({ type: AuditEventFilter, required: false }),
      first: t.arg.int({ required: false }),
      after: t.arg.string({ required: false }),
    },
    resolve: (_root, args, ctx) =>
      listAuditEvents({
        ...args.filter,
        tenantId: optionalId(args.filter?.tenantId),
        first: args.first,
        after: args.after,
        deps: ctx.deps,
        principal: requirePrincipal(ctx.principal),
      }),
  }),
);

function optionalId(id: string | number | null | undefined): string | undefined {
  return id === null || id === undefined ? undefined : String(id);
}
