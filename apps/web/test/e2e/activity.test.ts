/**
 * A real sign-in at apps/op shows up in the admin API's `tenantActivity` once apps/op has flushed
 * its counters (every ACTIVITY_FLUSH_INTERVAL_MS), with the live session it opened.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ACTIVITY_FLUSH_INTERVAL_MS } from '../../../op/src/activity/activity-recorder';
import { createTenant, createUser, type TenantFixture } from '../../../op/test/support/fixtures';
import {
  asUser,
  loginWithCode,
  newBrowser,
  registerClient,
} from '../../../op/test/support/relying-party';
import { dataOf, graphql } from '../support/graphql-client';
import { databases, usePlatform } from '../support/platform';
import { accessTokenFor, createApiClient } from '../support/principals';

interface Activity {
  tenantActivity: {
    bucketSeconds: number;
    buckets: { signIns: number }[];
    totals: { signIns: number; failedSignIns: number; tokensIssued: number; changes: number };
    activeSessions: number;
  };
}

describe.each(databases())('Tenant activity from apps/op in the admin API on $name', (kind) => {
  const platform = usePlatform(kind);
  let tenant: TenantFixture;
  let adminToken: string;

  beforeAll(async () => {
    tenant = await createTenant(platform.db);
    const admin = await createApiClient(platform, [{ role: 'tenant_admin', tenantId: tenant.id }]);
    adminToken = await accessTokenFor(platform, admin);
  });

  const activity = async () =>
    dataOf(
      await graphql<Activity>(
        platform.web,
        `query($tenantId: ID!) {
          tenantActivity(tenantId: $tenantId, days: 1) {
            bucketSeconds
            buckets { signIns }
            totals { signIns failedSignIns tokensIssued changes }
            activeSessions
          }
        }`,
        { tenantId: tenant.id },
        { token: adminToken },
      ),
    ).tenantActivity;

  it('counts a sign-in with its code exchange and the session it opened', async () => {
    const alice = await createUser(platform.db, tenant.id, { login: 'alice' });
    const config = await registerClient(platform.op.issuer(tenant.slug));
    const before = await activity();
    expect(before.bucketSeconds).toBe(3_600);
    expect(before.buckets).toHaveLength(24);
    expect(before.totals).toMatchObject({ signIns: 0, tokensIssued: 0 });

    await loginWithCode(config, newBrowser(), asUser(alice));
    await expect
      .poll(async () => (await activity()).totals, {
        timeout: ACTIVITY_FLUSH_INTERVAL_MS * 3,
        interval: 250,
      })
      .toMatchObject({ signIns: 1, failedSignIns: 0, tokensIssued: 1 });
    expect((await activity()).activeSessions).toBe(1);
  });
});
