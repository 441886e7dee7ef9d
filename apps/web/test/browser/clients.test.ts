/**
 * The clients screens in Chromium, each outcome checked where it matters: in the admin API's
 * answer and at apps/op, whose introspection endpoint authenticates client secrets.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { LAPTOP, PHONE, screenshot, useChromium } from '../support/chromium';
import { signInToConsole } from '../support/console-browser';
import { dataOf, graphql, outcomeOf } from '../support/graphql-client';
import { unique } from '../support/operations';
import { databases, OPERATOR_LOGIN, OPERATOR_PASSWORD, usePlatform } from '../support/platform';
import { accessTokenFor, createApiClient } from '../support/principals';

const OPERATOR = { login: OPERATOR_LOGIN, password: OPERATOR_PASSWORD };

interface StoredClient {
  clientId: string;
  clientName: string | null;
  tokenEndpointAuthMethod: string;
  applicationType: string;
  hasSecret: boolean;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  contacts: string[];
  logoUri: string | null;
  grantTypes: string[];
}

const CLIENT_FIELDS =
  'clientId clientName tokenEndpointAuthMethod applicationType hasSecret redirectUris postLogoutRedirectUris contacts logoUri grantTypes';

describe.each(databases())('the clients screens on $name', (kind) => {
  const platform = usePlatform(kind);
  const chromium = useChromium();
  let token: string;
  let tenant: { id: string; slug: string };

  const run = async <T>(query: string, variables: Record<string, unknown>): Promise<T> =>
    dataOf(await graphql<T>(platform.web, query, variables, { token }));

  /** The tenant's clients whose id or name contains `search`, as the API lists them. */
  const clientsNamed = async (search: string): Promise<StoredClient[]> =>
    (
      await run<{ clients: { nodes: StoredClient[] } }>(
        `query($tenantId: ID!, $search: String) {
          clients(tenantId: $tenantId, search: $search, first: 50) { nodes { ${CLIENT_FIELDS} } }
        }`,
        { tenantId: tenant.id, search },
      )
    ).clients.nodes;

  const createClient = async (metadata: Record<string, unknown>, clientId?: string) =>
    (
      await run<{ createClient: { client: StoredClient } }>(
        `mutation($tenantId: ID!, $metadata: JSON!, $clientId: String) {
          createClient(tenantId: $tenantId, metadata: $metadata, clientId: $clientId) { client { ${CLIENT_FIELDS} } }
        }`,
        { tenantId: tenant.id, metadata, clientId },
      )
    ).createClient.client;

  /** apps/op's verdict on a client secret: introspection answers 200 to an authenticated client. */
  async function introspectAs(clientId: string, secret: string): Promise<string> {
    const discovery = (await (
      await fetch(`${platform.op.issuer(tenant.slug)}/.well-known/openid-configuration`)
    ).json()) as { introspection_endpoint: string };
    const encode = (value: string) => encodeURIComponent(value);
    const response = await fetch(discovery.introspection_endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${encode(clientId)}:${encode(secret)}`).toString('base64')}`,
      },
      body: new URLSearchParams({ token: 'not-a-token' }),
    });
    if (response.status === 200) return 'ok';
    return `${response.status} ${((await response.json()) as { error: string }).error}`;
  }

  async function openNewClientForm(page: Page): Promise<void> {
    await signInToConsole(page, platform, OPERATOR, `/tenants/${tenant.slug}/new-client`);
    await page.getByRole('heading', { name: 'New client' }).waitFor();
  }

  beforeAll(async () => {
    token = await accessTokenFor(
      platform,
      await createApiClient(platform, [{ role: 'platform_operator' }]),
    );
    const slug = `cl-${unique()}`;
    const { createTenant } = await run<{ createTenant: { id: string; slug: string } }>(
      'mutation($slug: String!) { createTenant(slug: $slug, name: "Clients screens") { id slug } }',
      { slug },
    );
    tenant = createTenant;
  });

  it('offers to create the first client when the tenant has none', async () => {
    const page = await chromium.newPage({ viewport: LAPTOP });
    await signInToConsole(page, platform, OPERATOR, `/tenants/${tenant.slug}/clients`);
    await page.getByText('No clients yet').waitFor();
    await page.getByRole('link', { name: 'Create client' }).first().click();
    await page.waitForURL((url) => url.pathname === `/tenants/${tenant.slug}/new-client`);
  });

  it('creates a single-page app client with no secret and the given redirect URI', async () => {
    const page = await chromium.newPage({ viewport: LAPTOP });
    await openNewClientForm(page);
    const name = `SPA ${unique()}`;
    await page.getByRole('radio', { name: /Single-page app/ }).check();
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page
      .getByLabel('Redirect URIs', { exact: true })
      .fill('https://spa.example.com/callback');
    await screenshot(page, 'clients-new', kind.name);
    await page.getByRole('button', { name: 'Create client' }).click();
    await page.waitForURL((url) => /\/clients\/[^/]+$/.test(url.pathname));

    const [client] = await clientsNamed(name);
    expect(client?.tokenEndpointAuthMethod).toBe('none');
    expect(client?.hasSecret).toBe(false);
    expect(client?.redirectUris).toEqual(['https://spa.example.com/callback']);
    expect(client?.grantTypes).toEqual(['authorization_code']);
    expect(decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '')).toBe(
      client?.clientId,
    );
  });

  it.each([
    ['http://app.example.com/callback', /must use https for a web client/],
    ['not a url', /is not an absolute URL/],
  ])(
    'shows the API message for redirect URI %j next to the field and creates nothing',
    async (uri, message) => {
      const page = await chromium.newPage({ viewport: LAPTOP });
      await openNewClientForm(page);
      const name = `Refused ${unique()}`;
      await page.getByLabel('Name', { exact: true }).fill(name);
      const field = page.getByLabel('Redirect URIs', { exact: true });
      await field.fill(uri);
      await page.getByRole('button', { name: 'Create client' }).click();
      await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
      const errorId = (await field.getAttribute('aria-describedby'))
        ?.split(' ')
        .find((id) => id.endsWith('-error'));
      expect(errorId).toBeDefined();
      expect(await page.locator(`[id="${errorId}"]`).textContent()).toMatch(message);
      expect(await clientsNamed(name)).toEqual([]);
    },
  );

  it("shows a web app's secret once; it works at apps/op, and rotation replaces it", async () => {
    const page = await chromium.newPage({ viewport: LAPTOP });
    await openNewClientForm(page);
    const name = `Web ${unique()}`;
    await page.getByRole('radio', { name: /Web app/ }).check();
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page
      .getByLabel('Redirect URIs', { exact: true })
      .fill('https://web.example.com/callback');
    await page.getByRole('button', { name: 'Create client' }).click();
    const secretShown = page.getByTestId('one-time-secret');
    const firstSecret = (await secretShown.textContent()) ?? '';
    await screenshot(page, 'client-secret-once', kind.name);

    const [client] = await clientsNamed(name);
    if (!client) throw new Error('the web client was not created');
    expect(client.tokenEndpointAuthMethod).toBe('client_secret_basic');
    expect(await introspectAs(client.clientId, firstSecret)).toBe('ok');

    await page.getByRole('link', { name: 'Go to the client' }).click();
    await page.getByRole('heading', { name, level: 1 }).waitFor();
    await screenshot(page, 'client-page', kind.name);
    await page.getByRole('button', { name: 'Rotate secret' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Rotate secret' }).click();
    await expect
      .poll(async () => (await page.getByTestId('one-time-secret').textContent()) ?? firstSecret)
      .not.toBe(firstSecret);
    const rotatedSecret = (await page.getByTestId('one-time-secret').textContent()) ?? '';

    expect(await introspectAs(client.clientId, firstSecret)).toBe('401 invalid_client');
    expect(await introspectAs(client.clientId, rotatedSecret)).toBe('ok');

    await page.setViewportSize(PHONE);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'client-secret-phone', kind.name);
  });

  it('saves edited redirect URIs and keeps the metadata the form does not show', async () => {
    const created = await createClient({
      client_name: `Kept ${unique()}`,
      redirect_uris: ['https://kept.example.com/callback'],
      post_logout_redirect_uris: ['https://kept.example.com/bye'],
      contacts: ['ops@kept.example.com'],
      logo_uri: 'https://kept.example.com/logo.png',
      grant_types: ['authorization_code', 'refresh_token'],
      token_endpoint_auth_method: 'client_secret_post',
    });
    const page = await chromium.newPage({ viewport: LAPTOP });
    await signInToConsole(
      page,
      platform,
      OPERATOR,
      `/tenants/${tenant.slug}/clients/${encodeURIComponent(created.clientId)}`,
    );
    await page
      .getByLabel('Redirect URIs', { exact: true })
      .fill('https://kept.example.com/callback\nhttps://kept.example.com/second');
    await page.getByRole('button', { name: 'Save changes' }).click();

    await expect
      .poll(async () => (await clientsNamed(created.clientId))[0]?.redirectUris)
      .toEqual(['https://kept.example.com/callback', 'https://kept.example.com/second']);
    const [saved] = await clientsNamed(created.clientId);
    expect(saved).toEqual({
      ...created,
      redirectUris: ['https://kept.example.com/callback', 'https://kept.example.com/second'],
    });
  });

  it('shows the secret a save issues when the new auth method needs one, and it works', async () => {
    const created = await createClient({
      client_name: `Public ${unique()}`,
      redirect_uris: ['https://public.example.com/callback'],
      token_endpoint_auth_method: 'none',
    });
    const page = await chromium.newPage({ viewport: LAPTOP });
    await signInToConsole(
      page,
      platform,
      OPERATOR,
      `/tenants/${tenant.slug}/clients/${encodeURIComponent(created.clientId)}`,
    );
    await page.getByText('Advanced', { exact: true }).click();
    await page.getByLabel('Token endpoint auth method').selectOption('client_secret_basic');
    await page.getByRole('button', { name: 'Save changes' }).click();
    const secret = (await page.getByTestId('one-time-secret').textContent()) ?? '';

    const [saved] = await clientsNamed(created.clientId);
    expect(saved?.tokenEndpointAuthMethod).toBe('client_secret_basic');
    expect(saved?.hasSecret).toBe(true);
    expect(await introspectAs(created.clientId, secret)).toBe('ok');
  });

  it('deletes a client only once its id is typed, then lists the rest', async () => {
    const created = await createClient(
      { client_name: 'Doomed', grant_types: ['client_credentials'], response_types: [] },
      `doomed-${unique()}`,
    );
    const page = await chromium.newPage({ viewport: LAPTOP });
    await signInToConsole(
      page,
      platform,
      OPERATOR,
      `/tenants/${tenant.slug}/clients/${encodeURIComponent(created.clientId)}`,
    );
    await page.getByRole('button', { name: 'Delete client' }).click();
    const dialog = page.getByRole('dialog');
    const confirm = dialog.getByRole('button', { name: 'Delete client' });
    await dialog.getByLabel(/to confirm/).fill('doomed');
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel(/to confirm/).fill(created.clientId);
    await confirm.click();
    await page.waitForURL((url) => url.pathname === `/tenants/${tenant.slug}/clients`);
    await page.getByText(`Client Doomed deleted`).waitFor();

    const answer = await graphql(
      platform.web,
      'query($tenantId: ID!, $clientId: String!) { client(tenantId: $tenantId, clientId: $clientId) { clientId } }',
      { tenantId: tenant.id, clientId: created.clientId },
      { token },
    );
    expect(outcomeOf(answer)).toBe('NOT_FOUND');
  });

  it('finds clients by part of their id or name', async () => {
    const marker = unique();
    await createClient({
      client_name: `Billing ${marker}`,
      grant_types: ['client_credentials'],
      response_types: [],
    });
    await createClient(
      { client_name: 'Reports', grant_types: ['client_credentials'], response_types: [] },
      `reports-${marker}`,
    );
    const page = await chromium.newPage({ viewport: LAPTOP });
    await signInToConsole(page, platform, OPERATOR, `/tenants/${tenant.slug}/clients`);
    const rows = page.locator('table.table tbody tr');
    await rows.first().waitFor();
    await screenshot(page, 'clients-list', kind.name);

    await page.getByLabel('Search clients').fill(marker);
    await expect.poll(() => rows.count()).toBe(2);
    await page.getByLabel('Search clients').fill(`Billing ${marker}`);
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('Machine to machine');
  });

  it('pages through the clients 25 at a time', async () => {
    const marker = `page-${unique()}`;
    for (let index = 0; index < 27; index++) {
      const id = `${marker}-${String(index).padStart(2, '0')}`;
      await createClient({ grant_types: ['client_credentials'], response_types: [] }, id);
    }
    const page = await chromium.newPage({ viewport: LAPTOP });
    await signInToConsole(page, platform, OPERATOR, `/tenants/${tenant.slug}/clients`);
    await page.getByLabel('Search clients').fill(marker);
    const rows = page.locator('table.table tbody tr');
    // The tenant has more than 25 clients in all: wait for the search to apply first.
    await expect.poll(() => rows.first().textContent()).toContain(`${marker}-00`);
    await expect.poll(() => rows.count()).toBe(25);
    await page.getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.first().textContent()).toContain(`${marker}-25`);
    await page.getByRole('button', { name: 'Previous' }).click();
    await expect.poll(() => rows.count()).toBe(25);
  });
});
