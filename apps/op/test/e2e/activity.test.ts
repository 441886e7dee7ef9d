import { activityCounts } from '@tessera/db';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACTIVITY_FLUSH_INTERVAL_MS } from '../../src/activity/activity-recorder';
import { databases } from '../support/e2e-databases';
import { createTenant, createUser, type UserFixture } from '../support/fixtures';
import { useOp } from '../support/op-harness';
import {
  asUser,
  codeAuthorization,
  loginWithCode,
  newBrowser,
  registerClient,
} from '../support/relying-party';

describe.each(databases())('Activity counters written by the running OP on $name', (kind) => {
  const op = useOp(kind);
  let tenantId: string;
  let otherTenantId: string;
  let alice: UserFixture;
  let config: Awaited<ReturnType<typeof registerClient>>;

  beforeAll(async () => {
    const tenant = await createTenant(op.db);
    tenantId = tenant.id;
    otherTenantId = (await createTenant(op.db)).id;
    alice = await createUser(op.db, tenant.id, { login: 'alice' });
    config = await registerClient(op.server.issuer(tenant.slug));
  });

  const totals = async (id: string) => {
    const rows = await activityCounts(op.db, id, new Date(0), new Date(Date.now() + 3_600_000));
    const sum: Record<string, number> = {};
    for (const row of rows) sum[row.kind] = (sum[row.kind] ?? 0) + row.count;
    return sum;
  };

  it('counts a sign-in, the code exchange and a failed sign-in within one flush interval', async () => {
    await loginWithCode(config, newBrowser(), asUser(alice));
    const failed = await newBrowser().walk(
      (await codeAuthorization(config)).url,
      asUser({ ...alice, password: 'not-the-password' }),
    );
    expect(failed.kind).toBe('page');

    await expect
      .poll(() => totals(tenantId), { timeout: ACTIVITY_FLUSH_INTERVAL_MS * 3, interval: 250 })
      .toEqual({ sign_in: 1, sign_in_failed: 1, token_issued: 1 });
    expect(await totals(otherTenantId)).toEqual({});
  });
});
