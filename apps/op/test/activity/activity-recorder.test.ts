import { activityCounts, type Db } from '@tessera/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startActivityRecorder } from '../../src/activity/activity-recorder';
import {
  Browser,
  CODE_VERIFIER,
  createTenant,
  formOf,
  PASSWORD,
  REDIRECT_URI,
  startOp,
  startSignIn,
  type TestOp,
  type TestTenant,
} from '../interaction/harness';

/** 2026-11-28T10:20:00Z: every event of a test falls in the 10:00 hour. */
const NOW = Date.UTC(2026, 10, 28, 10, 20) / 1000;
const HOUR = new Date(Date.UTC(2026, 10, 28, 10));
const DAY_END = new Date(Date.UTC(2026, 10, 29));

describe('Activity counting at the OP', () => {
  let op: TestOp;
  let tenant: TestTenant;
  let other: TestTenant;
  beforeAll(async () => {
    // A flush interval no test waits for: the tests flush explicitly.
    op = await startOp({ clock: () => NOW, activityFlushMs: 3_600_000 });
    tenant = await createTenant(op.runtime);
    other = await createTenant(op.runtime);
  });
  afterAll(async () => {
    await op?.close();
  });

  const counts = (tenantId: string) =>
    activityCounts(op.runtime.database.prisma, tenantId, HOUR, DAY_END);

  async function login(browser: Browser, password: string) {
    const id = await startSignIn(op.runtime, browser, tenant);
    const form = await formOf(op.runtime, browser, tenant, id);
    const response = await browser.post(op.runtime, form.formAction, {
      csrf: form.csrf,
      action: 'login',
      login: 'ada',
      password,
    });
    return { id, response };
  }

  function redeem(code: string) {
    return op.runtime.handle(
      new Request(`${tenant.issuer}/token`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          authorization: `Basic ${Buffer.from(`${tenant.clientId}:${tenant.clientSecret}`).toString('base64')}`,
        },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          code,
          redirect_uri: REDIRECT_URI,
          code_verifier: CODE_VERIFIER,
        }),
      }),
      '127.0.0.1',
    );
  }

  it('counts a sign-in, a failed sign-in and a code exchange once flushed, for that tenant only', async () => {
    const failed = await login(new Browser('198.51.100.1'), 'not the password');
    expect(failed.response.headers.get('location')).toContain('error=invalid_credentials');

    const browser = new Browser();
    const { id, response } = await login(browser, PASSWORD);
    expect(response.status).toBe(303);
    const consent = await formOf(op.runtime, browser, tenant, id);
    const allowed = await browser.post(op.runtime, consent.formAction, {
      csrf: consent.csrf,
      action: 'consent',
      decision: 'allow',
    });
    const code = new URL(allowed.headers.get('location')!).searchParams.get('code')!;
    expect((await redeem(code))!.status).toBe(200);
    // A replayed code is refused (400): not counted.
    expect((await redeem(code))!.status).toBe(400);

    // Nothing is written on the request path.
    expect(await counts(tenant.id)).toEqual([]);
    await op.runtime.activity.flush();
    expect(await counts(tenant.id)).toEqual([
      { hour: HOUR, kind: 'sign_in', count: 1 },
      { hour: HOUR, kind: 'sign_in_failed', count: 1 },
      { hour: HOUR, kind: 'token_issued', count: 1 },
    ]);
    expect(await counts(other.id)).toEqual([]);
  });

  it('adds later flushes to the same counters', async () => {
    const before = await counts(tenant.id);
    await login(new Browser('198.51.100.2'), 'wrong again');
    await op.runtime.activity.flush();
    const failed = (rows: typeof before) =>
      rows.find((row) => row.kind === 'sign_in_failed')?.count ?? 0;
    expect(failed(await counts(tenant.id))).toBe(failed(before) + 1);
  });
});

describe('ActivityRecorder', () => {
  /** A database whose writes are captured; `failures` writes fail first. */
  function fakeDb(failures = 0) {
    const writes: unknown[][] = [];
    let left = failures;
    const db = {
      $executeRaw: async (_strings: TemplateStringsArray, ...values: unknown[]) => {
        if (left-- > 0) throw new Error('database unavailable');
        writes.push(values);
        return 1;
      },
    } as unknown as Db;
    return { db, writes };
  }

  it('aggregates events per tenant, UTC hour and kind into one write', async () => {
    const { db, writes } = fakeDb();
    const recorder = startActivityRecorder({ db, clock: () => NOW, intervalMs: 3_600_000 });
    recorder.record('t1', 'sign_in');
    recorder.record('t1', 'sign_in');
    recorder.record('t1', 'sign_in', NOW + 3_600);
    recorder.record('t2', 'token_issued');
    await recorder.flush();
    expect(writes).toHaveLength(1);
    const sql = JSON.stringify(writes[0]);
    expect(sql).toContain('"t1"');
    expect(sql).toContain('"t2"');
    await recorder.flush();
    expect(writes).toHaveLength(1);
    await recorder.close();
  });

  it('keeps the counts of a failed write for the next flush', async () => {
    const { db, writes } = fakeDb(1);
    const errors: unknown[] = [];
    const recorder = startActivityRecorder({
      db,
      clock: () => NOW,
      intervalMs: 3_600_000,
      onError: (error) => errors.push(error),
    });
    recorder.record('t1', 'sign_in_failed');
    await recorder.flush();
    expect(errors).toHaveLength(1);
    expect(writes).toHaveLength(0);
    recorder.record('t1', 'sign_in_failed');
    await recorder.close();
    expect(writes).toHaveLength(1);
  });

  it('flushes on its timer', async () => {
    const { db, writes } = fakeDb();
    const recorder = startActivityRecorder({ db, clock: () => NOW, intervalMs: 10 });
    recorder.record('t1', 'sign_in');
    await expect.poll(() => writes.length, { timeout: 5_000 }).toBe(1);
    await recorder.close();
  });
});
