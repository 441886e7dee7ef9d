import { getTenantActivity } from '../../server/activity/get-tenant-activity';
import type {
  ActivityBucket,
  ActivityFigures,
  TenantActivity,
} from '../../server/activity/tenant-activity-view';
import { requirePrincipal } from '../../server/principal';
import { builder } from '../builder';

const ActivityCountsRef = builder.objectRef<ActivityFigures>('ActivityCounts').implement({
  fields: (t) => ({
    signIns: t.exposeInt('signIns'),
    failedSignIns: t.exposeInt('failedSignIns'),
    tokensIssued: t.exposeInt('tokensIssued'),
    changes: t.exposeInt('changes'),
  }),
});

const ActivityBucketRef = builder.objectRef<ActivityBucket>('ActivityBucket').implement({
  fields: (t) => ({
    start: t.field({ type: 'DateTime', resolve: (bucket) => bucket.start }),
    signIns: t.exposeInt('signIns'),
    failedSignIns: t.exposeInt('failedSignIns'),
    tokensIssued: t.exposeInt('tokensIssued'),
    changes: t.exposeInt('changes'),
  }),
});

const TenantActivityRef = builder.objectRef<TenantActivity>('TenantActivity').implement({
  fields: (t) => ({
    from: t.field({
      type: 'DateTime',
      description: 'Start of the first bucket.',
      resolve: (activity) => activity.from,
    }),
    to: t.field({ type: 'DateTime', resolve: (activity) => activity.to }),
    bucketSeconds: t.exposeInt('bucketSeconds', {
      description: '3600 when days <= 2, else 86400 (UTC days).',
    }),
    buckets: t.field({
      type: [ActivityBucketRef],
      description: 'Oldest first; every bucket present, zeros included.',
      resolve: (activity) => activity.buckets,
    }),
    totals: t.field({ type: ActivityCountsRef, resolve: (activity) => activity.totals }),
    activeSessions: t.exposeInt('activeSessions', {
      description: 'Sessions of the tenant not yet expired.',
    }),
  }),
});

builder.queryFields((t) => ({
  tenantActivity: t.field({
    type: TenantActivityRef,
    description:
      "Sign-ins, failed sign-ins, tokens issued and configuration changes of a tenant over the last `days` days (1 to 90), in buckets, and its live sessions now. Platform operators and the tenant's admins.",
    args: {
      tenantId: t.arg.id({ required: true }),
      days: t.arg.int({ required: true, defaultValue: 14 }),
    },
    resolve: (_root, args, ctx) =>
      getTenantActivity({
        deps: ctx.deps,
        principal: requirePrincipal(ctx.principal),
        tenantId: String(args.tenantId),
        days: args.days,
      }),
  }),
}));
