import { beforeEach, describe, expect, it } from 'vitest';
import { CookieJar, completeStep, interactionStep, requestAuthorization } from '../support/flow.js';
import { createTestProvider, type TestProvider } from '../support/harness.js';
import { CODE_REQUEST } from './helpers.js';

async function errorOf(promise: Promise<unknown>) {
  return promise.then(
    () => undefined,
    (error: { error?: string; status?: number }) => error,
  );
}

describe('Interaction binding to the browser (OAuth 2.0 Security BCP 4.2, session fixation)', () => {
  let t: TestProvider;
  let jar: CookieJar;
  let step: NonNullable<ReturnType<typeof interactionStep>>;
  beforeEach(async () => {
    t = await createTestProvider();
    jar = new CookieJar();
    step = interactionStep(await requestAuthorization(t.provider, CODE_REQUEST, jar))!;
  });

  it('refuses another browser that knows the interaction id', async () => {
    const other = new CookieJar();
    await requestAuthorization(t.provider, CODE_REQUEST, other);
    const request = new Request(step.url, { headers: other.headers() });
    for (const attempt of [
      t.provider.interactionDetails(request, step.id),
      t.provider.completeInteraction(request, step.id, { login: { userId: 'user1' } }),
    ]) {
      expect(await errorOf(attempt)).toMatchObject({ error: 'invalid_request', status: 400 });
    }
    const noCookie = new Request(step.url);
    expect(await errorOf(t.provider.interactionDetails(noCookie, step.id))).toMatchObject({
      error: 'invalid_request',
    });
    // The rightful browser can still finish.
    const response = await completeStep(t.provider, step, jar, {
      login: { userId: 'user1' },
      consent: {},
    });
    expect(response.status).toBe(303);
  });

  it('refuses an expired interaction', async () => {
    t.clock.advance(t.provider.context.settings.lifetimes.interaction + 1);
    const error = await errorOf(
      completeStep(t.provider, step, jar, { login: { userId: 'user1' } }),
    );
    expect(error).toMatchObject({ error: 'invalid_request' });
  });

  it('refuses an unknown interaction id', async () => {
    const request = new Request(step.url, { headers: jar.headers() });
    expect(await errorOf(t.provider.interactionDetails(request, 'nope'))).toMatchObject({
      error: 'invalid_request',
    });
  });

  it('completes an interaction at most once', async () => {
    const result = { login: { userId: 'user1' }, consent: {} };
    const replayJar = jar.clone();
    expect((await completeStep(t.provider, step, jar, result)).status).toBe(303);
    const error = await errorOf(completeStep(t.provider, step, replayJar, result));
    expect(error).toMatchObject({ error: 'invalid_request' });
  });

  it('completes a denied interaction at most once', async () => {
    const replayJar = jar.clone();
    await completeStep(t.provider, step, jar, { error: 'access_denied' });
    const error = await errorOf(
      completeStep(t.provider, step, replayJar, { error: 'access_denied' }),
    );
    expect(error).toMatchObject({ error: 'invalid_request' });
  });

  it('redirects access_denied when the host logs in an unknown user', async () => {
    const response = await completeStep(t.provider, step, jar, { login: { userId: 'ghost' } });
    const params = new URL(response.headers.get('location')!).searchParams;
    expect(params.get('error')).toBe('access_denied');
    expect(jar.get('tessera.session')).toBeUndefined();
  });

  it('refuses a consent-only result for an interaction still waiting for login', async () => {
    const error = await errorOf(completeStep(t.provider, step, jar, { consent: {} }));
    expect(error).toMatchObject({ error: 'invalid_request' });
  });
});
