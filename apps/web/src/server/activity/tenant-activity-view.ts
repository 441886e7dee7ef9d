/** What `tenantActivity` answers: figures per bucket, their totals and the live sessions. */

export interface ActivityFigures {
  signIns: number;
  failedSignIns: number;
  tokensIssued: number;
  /** Audit events of the tenant (configuration changes). */
  changes: number;
}

export interface ActivityBucket extends ActivityFigures {
  start: Date;
}

export interface TenantActivity {
  /** Start of the first bucket. */
  from: Date;
  /** The instant of the query; the last bucket is the one it falls in. */
  to: Date;
  bucketSeconds: number;
  /** Oldest first, every bucket present. */
  buckets: ActivityBucket[];
  totals: ActivityFigures;
  activeSessions: number;
}

export const emptyFigures = (): ActivityFigures => ({
  signIns: 0,
  failedSignIns: 0,
  tokensIssued: 0,
  changes: 0,
});
