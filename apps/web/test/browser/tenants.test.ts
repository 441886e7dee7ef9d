/**
 * The tenant screens of the console against the real platform: the list (search, pages, create),
 * Settings (lifetimes reach apps/op, API validation shown inline, delete), Branding (live
 * preview, colours on apps/op's login page) and what a tenant admin may see.
 */
import { createHash, randomBytes } from 'node:crypto';
import { newTenantSettings } from '@tessera/db';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { LAPTOP, PHONE, screenshot, settled, useChromium } from '../support/chromium';
import { signInToConsole } from '../support/console-browser';
import { dataOf, graphql } from '../support/graphql-client';
import { databases, OPERATOR_LOGIN, OPERATOR_PASSWORD, usePlatform } from '../support/platform';
import { accessTokenFor, createApiClient } from '../support/principals';

const OPERATOR = { login: OPERATOR_LOGIN, password: OPERATOR_PASSWORD };
/** apps/op refreshes its tenant directory within 1 s; 3 s leaves room for a slow machine. */
const PROPAGATION = { timeout: 3_000, interval: 50 };
const BULK_TENANTS = 60;
const CALLBACK = 'https://rp.example.test/cb';

describe.each(databases())('the tenant screens on $name', (kind) => {
  const platform = usePlatform(kind);
  const chromium = useChromium();
  let operatorToken: string;

  beforeAll(async () => {
    const operator = await createApiClient(platform, [{ role: 'platform_operator' }]);
    operatorToken = await accessTokenFor(platform, operator);
    // Enough rows for three pages of 25; the names share a word to search for.
    await platform.db.tenant.createMany({
      data: Array.from({ length: BULK_TENANTS }, (_, index) => {
        const number = String(index + 1).padStart(2, '0');
        return {
          id: `bulk-${number}-${randomBytes(6).toString('hex')}`,
          slug: `bulk-${number}`,
          name: `Bulk Tenant ${number}${index === 41 ? ' Marmalade' : ''}`,
          settings: newTenantSettings() as object,
        };
      }),
    });
  });

  const api = async <T>(query: string, variables: Record<string, unknown> = {}) =>
    dataOf(await graphql<T>(platform.web, query, variables, { token: operatorToken }));

  const createTenantViaApi = async (slug: string) =>
    (
      await api<{ createTenant: { id: string; slug: string } }>(
        'mutation($slug: String!) { createTenant(name: $slug, slug: $slug) { id slug } }',
        { slug },
      )
    ).createTenant;

  const discoveryStatus = async (slug: string) =>
    (await fetch(`${platform.op.issuer(slug)}/.well-known/openid-configuration`)).status;

  const operatorPage = async (path = '/', viewport: { width: number; height: number } = LAPTOP) => {
    const page = await chromium.newPage({ viewport });
    await signInToConsole(page, platform, OPERATOR, path);
    return page;
  };

  const tenantRows = (page: Page) => page.locator('table.table tbody tr');

  it('lets an operator create a tenant from the list, land on its page and have apps/op serve it', async () => {
    const page = await operatorPage();
    await page.getByRole('button', { name: 'Create tenant' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Fresh Fruit Co');
    // The slug follows the name until edited.
    expect(await page.getByLabel('Slug', { exact: true }).inputValue()).toBe('fresh-fruit-co');
    await screenshot(page, 'tenants-create', kind.name);
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/tenants/fresh-fruit-co');
    await page
      .getByRole('navigation', { name: 'Breadcrumbs' })
      .getByText('Fresh Fruit Co')
      .waitFor();

    const response = await fetch(
      `${platform.op.publicUrl}/fresh-fruit-co/.well-known/openid-configuration`,
    );
    expect(response.status).toBe(200);
    expect(((await response.json()) as { issuer: string }).issuer).toBe(
      `${platform.op.publicUrl}/fresh-fruit-co`,
    );
  });

  it('shows a taken slug next to the slug field and creates nothing', async () => {
    const page = await operatorPage();
    await page.getByRole('button', { name: 'Create tenant' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Another Bulk');
    await page.getByLabel('Slug', { exact: true }).fill('bulk-01');
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await page.getByText('The slug “bulk-01” is taken').waitFor();
    expect(await page.getByLabel('Slug', { exact: true }).getAttribute('aria-invalid')).toBe(
      'true',
    );
    expect(await platform.db.tenant.count({ where: { name: 'Another Bulk' } })).toBe(0);
  });

  it('finds a tenant by part of its name and pages through the rest 25 at a time', async () => {
    const page = await operatorPage();
    await settled(page);
    const total = await platform.db.tenant.count();
    await page.getByText(`Page 1 · ${total} tenants`).waitFor();
    expect(await tenantRows(page).count()).toBe(25);
    const firstPage = await tenantRows(page).first().locator('code').textContent();
    await screenshot(page, 'tenants-list', kind.name);

    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText(`Page 2 · ${total} tenants`).waitFor();
    await settled(page);
    const secondPage = await tenantRows(page).locator('td:nth-child(2)').allInnerTexts();
    expect(secondPage).toHaveLength(25);
    expect(secondPage).not.toContain(firstPage);
    // Ordered by slug, as the API pages them.
    expect(secondPage).toEqual([...secondPage].sort());

    await page.getByRole('button', { name: 'Previous' }).click();
    await page.getByText(`Page 1 · ${total} tenants`).waitFor();

    await page.getByLabel('Search tenants by name or slug').fill('marma');
    await page.getByText('Page 1 · 1 tenants').waitFor();
    await settled(page);
    expect(await tenantRows(page).locator('td:nth-child(2)').allInnerTexts()).toEqual(['bulk-42']);

    await page.getByLabel('Search tenants by name or slug').fill('no-such-tenant-anywhere');
    await page.getByText('No tenants match “no-such-tenant-anywhere”').waitFor();
  });

  it('filters the list by status', async () => {
    await platform.db.tenant.update({ where: { slug: 'bulk-07' }, data: { status: 'disabled' } });
    const page = await operatorPage();
    await page.getByLabel('Status').selectOption('disabled');
    await page.getByText('Page 1 · 1 tenants').waitFor();
    await settled(page);
    expect(await tenantRows(page).locator('td:nth-child(2)').allInnerTexts()).toEqual(['bulk-07']);
  });

  it('fits the tenants list on a phone without sideways scrolling', async () => {
    const page = await operatorPage('/', PHONE);
    await tenantRows(page).first().waitFor();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'tenants-list-phone', kind.name);
  });

  it('applies an access-token lifetime changed in Settings to the next tokens apps/op issues', async () => {
    const tenant = await createTenantViaApi('lifetime-co');
    const created = await api<{
      createClient: { client: { clientId: string }; clientSecret: string };
    }>(
      `mutation($tenantId: ID!, $metadata: JSON!) {
        createClient(tenantId: $tenantId, metadata: $metadata) { client { clientId } clientSecret }
      }`,
      {
        tenantId: tenant.id,
        metadata: {
          client_name: 'Service',
          grant_types: ['client_credentials'],
          response_types: [],
          redirect_uris: [],
          token_endpoint_auth_method: 'client_secret_basic',
        },
      },
    );
    const { clientId } = created.createClient.client;
    const secret = created.createClient.clientSecret;
    const expiresIn = async () => {
      const response = await fetch(`${platform.op.issuer(tenant.slug)}/token`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`,
        },
        body: new URLSearchParams({ grant_type: 'client_credentials' }),
      });
      return ((await response.json()) as { expires_in?: number }).expires_in;
    };
    expect(await expiresIn()).toBe(3600);

    const page = await operatorPage(`/tenants/${tenant.slug}/settings`);
    const field = page.getByLabel('Access token (seconds)');
    expect(await field.inputValue()).toBe('3600');
    await field.fill('120');
    await page.getByText('2 minutes. At most 1 day.').waitFor();
    await page.getByRole('button', { name: 'Save lifetimes' }).click();
    await page.getByText('Token lifetimes saved').waitFor();
    await expect.poll(expiresIn, PROPAGATION).toBe(120);
    await screenshot(page, 'tenant-settings', kind.name);
  });

  it('shows the API’s message beside an out-of-bounds lifetime and saves nothing', async () => {
    const tenant = await createTenantViaApi('bounds-co');
    const before = await platform.db.tenant.findUniqueOrThrow({ where: { id: tenant.id } });
    // What the API says about the same value, to compare with what the screen shows.
    const refused = await graphql(
      platform.web,
      'mutation($id: ID!) { updateTenantSettings(tenantId: $id, settings: { protocol: { lifetimes: { accessToken: 90000 } } }) { id } }',
      { id: tenant.id },
      { token: operatorToken },
    );
    const message = refused.errors?.[0]?.extensions?.fieldErrors?.find(
      (error) => error.path === 'settings.protocol.lifetimes.accessToken',
    )?.message;
    expect(message).toBeTruthy();

    const page = await operatorPage(`/tenants/${tenant.slug}/settings`);
    const field = page.getByLabel('Access token (seconds)');
    await field.fill('90000');
    await page.getByRole('button', { name: 'Save lifetimes' }).click();
    await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
    const errorId = (await field.getAttribute('aria-describedby'))
      ?.split(' ')
      .find((id) => id.endsWith('-error'));
    expect(await page.locator(`[id="${errorId}"]`).textContent()).toBe(message);

    const after = await platform.db.tenant.findUniqueOrThrow({ where: { id: tenant.id } });
    expect(after.settings).toEqual(before.settings);
    expect(after.configVersion).toBe(before.configVersion);
  });

  it('shows a tenant admin only their tenant, hides the others and offers no Create tenant', async () => {
    const mine = await createTenantViaApi('admins-own');
    const email = `olga-${randomBytes(4).toString('hex')}@example.test`;
    const password = 'tenant-admin-password-1';
    await api(
      'mutation($email: String!, $password: String!, $tenantId: ID!) { createOperator(input: { email: $email, password: $password, tenantIds: [$tenantId] }) { operator { id } } }',
      { email, password, tenantId: mine.id },
    );
    const page = await chromium.newPage();
    await signInToConsole(page, platform, { login: email, password });
    await expect.poll(() => page.getByTestId('signed-in-as').textContent()).toMatch(/Tenant admin/);
    await page.getByText('Page 1 · 1 tenants').waitFor();
    expect(await tenantRows(page).locator('td:nth-child(2)').allInnerTexts()).toEqual([
      'admins-own',
    ]);
    expect(await page.getByRole('button', { name: 'Create tenant' }).count()).toBe(0);

    for (const path of ['/tenants/bulk-03', '/tenants/bulk-03/settings']) {
      await page.goto(`${platform.web.url}${path}`);
      await page.getByText('Tenant not found').waitFor();
    }
    await page.goto(`${platform.web.url}/tenants/admins-own/settings`);
    await page.getByLabel('Access token (seconds)').waitFor();
    expect(await page.getByRole('button', { name: 'Delete tenant' }).count()).toBe(0);
  });

  it('previews branding as it is typed and shows the saved colours on apps/op’s login page', async () => {
    const tenant = await createTenantViaApi('brand-co');
    const page = await operatorPage(`/tenants/${tenant.slug}/branding`);
    const preview = page.getByTestId('branding-preview');
    await page.getByLabel('Display name').fill('Brand & Co');
    await expect.poll(() => page.getByTestId('preview-name').textContent()).toBe('Brand & Co');
    await page.getByLabel('Primary colour', { exact: true }).fill('#ffcc00');
    await page.getByLabel('Background colour', { exact: true }).fill('#123456');
    const style = (testId: string, property: 'backgroundColor' | 'color') =>
      page
        .getByTestId(testId)
        .evaluate((element, name) => getComputedStyle(element)[name], property);
    await expect.poll(() => style('preview-button', 'backgroundColor')).toBe('rgb(255, 204, 0)');
    // Black text on yellow, white on dark blue: the contrast rule apps/op applies.
    expect(await style('preview-button', 'color')).toBe('rgb(0, 0, 0)');
    expect(await preview.evaluate((element) => getComputedStyle(element).backgroundColor)).toBe(
      'rgb(18, 52, 86)',
    );
    expect(await style('preview-name', 'color')).toBe('rgb(255, 255, 255)');
    await screenshot(page, 'tenant-branding', kind.name);
    await page.getByRole('button', { name: 'Save branding' }).click();
    await page.getByText('Branding saved').waitFor();

    const saved = await platform.db.tenant.findUniqueOrThrow({ where: { id: tenant.id } });
    expect((saved.settings as { branding: unknown }).branding).toMatchObject({
      displayName: 'Brand & Co',
      primaryColor: '#ffcc00',
      backgroundColor: '#123456',
    });

    // The tenant's real login page, reached by an authorization request of one of its clients.
    const created = await api<{ createClient: { client: { clientId: string } } }>(
      `mutation($tenantId: ID!, $metadata: JSON!) {
        createClient(tenantId: $tenantId, metadata: $metadata) { client { clientId } }
      }`,
      {
        tenantId: tenant.id,
        metadata: {
          client_name: 'Brand app',
          redirect_uris: [CALLBACK],
          response_types: ['code'],
          grant_types: ['authorization_code'],
          token_endpoint_auth_method: 'client_secret_basic',
        },
      },
    );
    const verifier = randomBytes(32).toString('base64url');
    const authorize = new URL(`${platform.op.issuer(tenant.slug)}/authorize`);
    const discovery = (await (
      await fetch(`${platform.op.issuer(tenant.slug)}/.well-known/openid-configuration`)
    ).json()) as { authorization_endpoint: string };
    authorize.href = discovery.authorization_endpoint;
    authorize.search = new URLSearchParams({
      client_id: created.createClient.client.clientId,
      redirect_uri: CALLBACK,
      response_type: 'code',
      scope: 'openid',
      state: randomBytes(8).toString('hex'),
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
    }).toString();
    const op = await chromium.newPage();
    await expect
      .poll(async () => {
        await op.goto(authorize.href);
        await op.locator('.page').waitFor();
        return op
          .locator('.button.primary')
          .evaluate((element) => getComputedStyle(element).backgroundColor);
      }, PROPAGATION)
      .toBe('rgb(255, 204, 0)');
    expect(
      await op.locator('.page').evaluate((element) => getComputedStyle(element).backgroundColor),
    ).toBe('rgb(18, 52, 86)');
    expect(await op.locator('.brand-name').textContent()).toBe('Brand & Co');
  });

  it('refuses a logo file over 64 KiB with a clear message and resets branding to defaults', async () => {
    const tenant = await createTenantViaApi('reset-co');
    await api(
      'mutation($id: ID!) { updateTenantSettings(tenantId: $id, settings: { branding: { primaryColor: "#aa0000", displayName: "Reset Me" } }) { id } }',
      { id: tenant.id },
    );
    const page = await operatorPage(`/tenants/${tenant.slug}/branding`);
    expect(await page.getByLabel('Primary colour', { exact: true }).inputValue()).toBe('#aa0000');
    await page.getByLabel('Logo image file').setInputFiles({
      name: 'huge.png',
      mimeType: 'image/png',
      buffer: randomBytes(70 * 1024),
    });
    await page
      .getByText(/That image is too large: \d+ KiB as a data: URL, and at most 64 KiB fit/)
      .waitFor();

    await page.getByRole('button', { name: 'Reset to defaults' }).click();
    await page.getByText('Branding reset to defaults').waitFor();
    expect(await page.getByLabel('Primary colour', { exact: true }).inputValue()).toBe('');
    const saved = await platform.db.tenant.findUniqueOrThrow({ where: { id: tenant.id } });
    expect((saved.settings as { branding: unknown }).branding).toEqual({});
  });

  it('issues an initial access token that registers a client at apps/op until it is revoked', async () => {
    const tenant = await createTenantViaApi('iat-co');
    const page = await operatorPage(`/tenants/${tenant.slug}/settings`);
    await page.getByLabel('Dynamic client registration').selectOption('initial_access_token');
    await page.getByRole('button', { name: 'Save registration policy' }).click();
    await page.getByText('Registration policy saved').waitFor();
    await page.getByLabel('Description').fill('Partner onboarding');
    await page.getByRole('button', { name: 'Issue token' }).click();
    const token = (await page.getByTestId('one-time-secret').textContent()) ?? '';
    expect(token.length).toBeGreaterThan(20);
    await page.getByRole('cell', { name: 'Partner onboarding', exact: true }).waitFor();

    const discovery = (await (
      await fetch(`${platform.op.issuer(tenant.slug)}/.well-known/openid-configuration`)
    ).json()) as { registration_endpoint: string };
    const register = () =>
      fetch(discovery.registration_endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ redirect_uris: [CALLBACK], client_name: 'Partner app' }),
      }).then((response) => response.status);
    await expect.poll(register, PROPAGATION).toBe(201);

    await page.getByRole('button', { name: 'Revoke Partner onboarding' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
    await page.getByText('Initial access token revoked').waitFor();
    expect(await page.getByRole('cell', { name: 'Partner onboarding', exact: true }).count()).toBe(
      0,
    );
    await expect.poll(register, PROPAGATION).not.toBe(201);
  });

  it('refuses to disable the admin tenant and shows the API’s reason', async () => {
    const page = await operatorPage('/tenants/admin/settings');
    await page.getByRole('button', { name: 'Disable tenant' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Disable' }).click();
    await dialog.getByRole('alert').waitFor();
    expect(await dialog.getByRole('alert').textContent()).toMatch(/admin/i);
    const admin = await platform.db.tenant.findUniqueOrThrow({ where: { slug: 'admin' } });
    expect(admin.status).toBe('active');
  });

  it('deletes a tenant only once its slug is typed, after which apps/op no longer serves it', async () => {
    const tenant = await createTenantViaApi('doomed-co');
    await expect.poll(() => discoveryStatus(tenant.slug), PROPAGATION).toBe(200);
    const page = await operatorPage(`/tenants/${tenant.slug}/settings`);
    await page.getByRole('button', { name: 'Delete tenant' }).click();
    const dialog = page.getByRole('dialog');
    const confirm = dialog.getByRole('button', { name: 'Delete tenant' });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel(/to confirm/).fill('doomed');
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel(/to confirm/).fill('doomed-co');
    await confirm.click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByText('Tenant doomed-co deleted').waitFor();
    expect(await platform.db.tenant.count({ where: { id: tenant.id } })).toBe(0);
    await expect.poll(() => discoveryStatus(tenant.slug), PROPAGATION).toBe(404);
  });
});
