import { beforeEach, describe, expect, it } from 'vitest';
import { CookieJar, completeStep, interactionStep, requestAuthorization } from '../support/flow.js';
import { createTestProvider, putClient, type TestProvider } from '../support/harness.js';
import { CODE_REQUEST } from './helpers.js';

describe('Interaction details for the host pages', () => {
  let t: TestProvider;
  beforeEach(async () => {
    t = await createTestProvider();
  });

  it('describes the login page: client, scopes, implied and requested claims, hints', async () => {
    await putClient(t.stores, 'shiny', {
      client_name: 'Shiny App',
      logo_uri: 'https://client.example.com/logo.png',
      policy_uri: 'https://client.example.com/policy',
    });
    const jar = new CookieJar();
    const response = await requestAuthorization(
      t.provider,
      {
        ...CODE_REQUEST,
        client_id: 'shiny',
        scope: 'openid email unknown_scope',
        claims: JSON.stringify({ id_token: { nickname: null } }),
        login_hint: 'alice@example.com',
        ui_locales: 'de en',
        acr_values: 'urn:acr:mfa',
      },
      jar,
    );
    const step = interactionStep(response)!;
    const details = await t.provider.interactionDetails(
      new Request(step.url, { headers: jar.headers() }),
      step.id,
    );
    expect(details).toMatchObject({
      id: step.id,
      prompt: 'login',
      client: {
        clientId: 'shiny',
        name: 'Shiny App',
        logoUri: 'https://client.example.com/logo.png',
        policyUri: 'https://client.example.com/policy',
      },
      scopes: ['openid', 'email'],
      loginHint: 'alice@example.com',
      uiLocales: ['de', 'en'],
      acrValues: ['urn:acr:mfa'],
    });
    expect(details.claims.sort()).toEqual(['email', 'email_verified', 'nickname', 'sub']);
    expect(details.userId).toBeUndefined();
  });

  it('names the logged-in user on the consent page after login', async () => {
    const jar = new CookieJar();
    const step = interactionStep(await requestAuthorization(t.provider, CODE_REQUEST, jar))!;
    const next = interactionStep(
      await completeStep(t.provider, step, jar, { login: { userId: 'user1' } }),
    )!;
    expect(next).toMatchObject({ id: step.id, prompt: 'consent' });
    const details = await t.provider.interactionDetails(
      new Request(next.url, { headers: jar.headers() }),
      next.id,
    );
    expect(details).toMatchObject({ prompt: 'consent', userId: 'user1', scopes: ['openid'] });
  });

  it('describes a logout interaction by its client only', async () => {
    const binding = 'binding-token';
    const { hashToken } = await import('../../src/tokens/hash.js');
    await t.stores.interactions.create({
      id: 'logout1',
      bindingHash: hashToken(binding),
      clientId: 'client1',
      params: {},
      prompt: 'logout',
      createdAt: 0,
      expiresAt: Number.MAX_SAFE_INTEGER,
    });
    const request = new Request('https://op.example.com/x', {
      headers: { cookie: `tessera.interaction=${binding}` },
    });
    const details = await t.provider.interactionDetails(request, 'logout1');
    expect(details).toMatchObject({
      prompt: 'logout',
      client: { clientId: 'client1', name: 'Client One' },
      scopes: [],
      claims: [],
    });
  });
});
