import { gql } from '../graphql/document';

export interface ActivityCounts {
  signIns: number;
  failedSignIns: number;
  tokensIssued: number;
  changes: number;
}

export interface ActivityBucket extends ActivityCounts {
  start: string;
}

export interface TenantActivity {
  from: string;
  to: string;
  bucketSeconds: number;
  buckets: ActivityBucket[];
  totals: ActivityCounts;
  activeSessions: number;
}

export const OVERVIEW_ACTIVITY = gql<
  { tenantActivity: TenantActivity },
  { tenantId: string; days: number }
>(`
  query OverviewActivity($tenantId: ID!, $days: Int!) {
    tenantActivity(tenantId: $tenantId, days: $days) {
      from to bucketSeconds
      buckets { start signIns failedSignIns tokensIssued changes }
      totals { signIns failedSignIns tokensIssued changes }
      activeSessions
    }
  }
`);
