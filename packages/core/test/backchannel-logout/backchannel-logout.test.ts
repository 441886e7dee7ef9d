/**
 * Back-Channel Logout 1.0: when the OP session ends, clients of that session with a
 * `backchannel_logout_uri` receive a logout token (2.4) by form POST (2.5), retried on 5xx and
 * network errors only, in the background so logout never waits for them.
 */
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { describe, expect, it, vi } from 'vitest';
import type { Logger } from '../../src/context.js';
import {
  createTestProvider,
  ISSUER,
  NOW,
  putClient,
  type TestProvider,
} from '../support/harness.js';
import { createBrowserSession, issueTokens, logOutThroughEndpoint } from '../support/logout.js';

const BCL_URI = 'https://rp.example.org/backchannel';
const EVENT = 'http://schemas.openid.net/event/backchannel-logout';

interface Delivery {
  url: string;
  contentType: string | null;
  token: string;
}

/** A fake RP: answers each POST with the next scripted status (or throws for 'network'). */
function fakeRp(script: (number | 'network')[]) {
  const deliveries: Delivery[] = [];
  const rpFetch: typeof globalThis.fetch = async (input, init) => {
    const body = new URLSearchParams(String(init?.body));
    deliveries.push({
      url: String(input),
      contentType: new Headers(init?.headers).get('content-type'),
      token: body.get('logout_token') ?? '',
    });
    const step = script[Math.min(deliveries.length - 1, script.length - 1)] ?? 200;
    if (step === 'network') throw new TypeError('fetch failed');
    return new Response(null, { status: step });
  };
  return { fetch: rpFetch, deliveries };
}

function recordingLogger() {
  const warnings: Record<string, unknown>[] = [];
  const logger: Logger = {
    info() {},
    error() {},
    warn: (_message, details) => warnings.push(details),
  };
  return { logger, warnings };
}

async function setUp(script: (number | 'network')[], attempts = 3) {
  const rp = fakeRp(script);
  const log = recordingLogger();
  const t = await createTestProvider({
    fetch: rp.fetch,
    logger: log.logger,
    settings: { backchannelLogoutAttempts: attempts, backchannelLogoutRetryDelay: 0 },
  });
  await putClient(t.stores, 'rp-bcl', {
    redirect_uris: ['https://rp.example.org/cb'],
    subject_type: 'public',
    backchannel_logout_uri: BCL_URI,
  });
  return { t, rp, log };
}

async function logOut(t: TestProvider, clientIds = ['client1', 'rp-bcl'], userId = 'user1') {
  const { sid, cookie } = await createBrowserSession(t.provider, { clientIds, userId });
  const { done } = await logOutThroughEndpoint(t.provider, cookie);
  return { sid, done };
}

describe('Back-Channel Logout 1.0 logout token', () => {
  it('is a logout+jwt with iss, aud, iat, exp, jti, events, sub and sid, and no nonce', async () => {
    const { t, rp } = await setUp([200]);
    const { sid } = await logOut(t);
    await Promise.all(t.background);
    expect(rp.deliveries).toHaveLength(1);
    const [delivery] = rp.deliveries;
    expect(delivery!.url).toBe(BCL_URI);
    expect(delivery!.contentType).toBe('application/x-www-form-urlencoded');
    const { payload, protectedHeader } = await jwtVerify(
      delivery!.token,
      createLocalJWKSet(t.provider.jwks),
      { issuer: ISSUER, audience: 'rp-bcl', typ: 'logout+jwt', currentDate: new Date(NOW * 1000) },
    );
    expect(protectedHeader.alg).toBe('RS256');
    expect(payload.events).toEqual({ [EVENT]: {} });
    expect(payload.sid).toBe(sid);
    expect(payload.sub).toBe(t.provider.context.subjects.createPublicIdentifier('user1'));
    expect(payload.iat).toBe(NOW);
    expect(payload.exp).toBe(NOW + 120);
    expect(typeof payload.jti).toBe('string');
    expect(payload).not.toHaveProperty('nonce');
  });

  it('carries the sub recorded in the session grant for that client', async () => {
    const { t, rp } = await setUp([200]);
    const { sid, cookie } = await createBrowserSession(t.provider, { clientIds: ['rp-bcl'] });
    const issued = await issueTokens(t.provider, { clientId: 'rp-bcl', sid });
    await logOutThroughEndpoint(t.provider, cookie);
    await Promise.all(t.background);
    const header = decodeProtectedHeader(rp.deliveries[0]!.token);
    expect(header.typ).toBe('logout+jwt');
    const { payload } = await jwtVerify(
      rp.deliveries[0]!.token,
      createLocalJWKSet(t.provider.jwks),
      {
        currentDate: new Date(NOW * 1000),
      },
    );
    expect(payload.sub).toBe(issued.sub);
  });

  it('sends only sid when the user no longer exists', async () => {
    const { t, rp } = await setUp([200]);
    const { sid } = await logOut(t, ['rp-bcl'], 'deleted-user');
    await Promise.all(t.background);
    const { payload } = await jwtVerify(
      rp.deliveries[0]!.token,
      createLocalJWKSet(t.provider.jwks),
      {
        currentDate: new Date(NOW * 1000),
      },
    );
    expect(payload.sid).toBe(sid);
    expect(payload).not.toHaveProperty('sub');
  });

  it('notifies nobody when the session is kept (logout declined)', async () => {
    const { t, rp } = await setUp([200]);
    const { cookie } = await createBrowserSession(t.provider, { clientIds: ['rp-bcl'] });
    await logOutThroughEndpoint(t.provider, cookie, {}, false);
    await Promise.all(t.background);
    expect(rp.deliveries).toHaveLength(0);
  });
});

describe('Back-Channel Logout 1.0 delivery', () => {
  it('retries after 503 and stops at the first success', async () => {
    const { t, rp, log } = await setUp([503, 503, 204], 4);
    await logOut(t);
    await Promise.all(t.background);
    expect(rp.deliveries).toHaveLength(3);
    expect(log.warnings).toHaveLength(0);
  });

  it('retries network errors up to the configured number of attempts, then logs', async () => {
    const { t, rp, log } = await setUp(['network'], 3);
    await logOut(t);
    await Promise.all(t.background);
    expect(rp.deliveries).toHaveLength(3);
    expect(log.warnings).toHaveLength(1);
    expect(log.warnings[0]).toMatchObject({ clientId: 'rp-bcl', attempts: 3 });
  });

  it('does not retry when the RP answers 400, and never logs the token', async () => {
    const { t, rp, log } = await setUp([400, 200]);
    await logOut(t);
    await Promise.all(t.background);
    expect(rp.deliveries).toHaveLength(1);
    expect(log.warnings).toHaveLength(1);
    expect(log.warnings[0]).toMatchObject({ clientId: 'rp-bcl', status: 400 });
    expect(JSON.stringify(log.warnings)).not.toContain(rp.deliveries[0]!.token);
  });

  it('finishes the logout while a slow RP has not answered yet', async () => {
    let release: (response: Response) => void = () => {};
    let calls = 0;
    const fetch = (() => {
      calls += 1;
      return new Promise<Response>((resolve) => {
        release = resolve;
      });
    }) as unknown as typeof globalThis.fetch;
    const t = await createTestProvider({ fetch });
    await putClient(t.stores, 'rp-bcl', {
      redirect_uris: ['https://rp.example.org/cb'],
      backchannel_logout_uri: BCL_URI,
    });
    const { sid, done } = await logOut(t);
    expect(done.status).toBe(200);
    expect(await t.stores.sessions.get(sid)).toBeUndefined();
    expect(t.background).toHaveLength(2);
    // The background work reaches the RP only now, after the response was already returned.
    await vi.waitFor(() => expect(calls).toBe(1));
    release(new Response(null, { status: 200 }));
    await Promise.all(t.background);
  });

  it('skips clients without a backchannel_logout_uri', async () => {
    const { t, rp } = await setUp([200]);
    await logOut(t, ['client1']);
    await Promise.all(t.background);
    expect(rp.deliveries).toHaveLength(0);
  });
});
