/**
 * Custom domains and the audit log in a real browser: a domain added in the console is served
 * by apps/op as an issuer of its own (proved with the Host header a proxy would forward),
 * removing it stops that, the audit viewer shows those changes with their details and narrows
 * them by action, and a tenant admin's audit log holds their tenant's events only.
 */
import { request as httpRequest } from 'node:http';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTenant, type TenantFixture } from '../../../op/test/support/fixtures';
import { LAPTOP, PHONE, screenshot, useChromium } from '../support/chromium';
import { signInToConsole } from '../support/console-browser';
import { dataOf, graphql } from '../support/graphql-client';
import { unique } from '../support/operations';
import { databases, OPERATOR_LOGIN, OPERATOR_PASSWORD, usePlatform } from '../support/platform';
import { accessTokenFor, createApiClient } from '../support/principals';

const OPERATOR = { login: OPERATOR_LOGIN, password: OPERATOR_PASSWORD };
/** apps/op re-reads a known host within 1 s and forgets an unknown one within 2 s. */
const PROPAGATION = { timeout: 6_000, interval: 200 };

/** GET `url` as if a proxy forwarded a request for `host` (fetch may not set Host). */
function getWithHost(url: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { headers: { host } }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        body += chunk;
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', reject);
    request.end();
  });
}

describe.each(databases())('custom domains and the audit log on $name', (kind) => {
  const platform = usePlatform(kind);
  const chromium = useChromium();
  let tenant: TenantFixture;
  let other: TenantFixture;
  let operatorToken: string;
  const domain = `id-${unique().slice(0, 8)}.example.com`;
  const takenDomain = `taken-${unique().slice(0, 8)}.example.com`;

  const api = async <T>(query: string, variables: Record<string, unknown> = {}) =>
    dataOf(await graphql(platform.web, query, variables, { token: operatorToken })) as T;
  const domainsOf = async (tenantId: string) =>
    (
      await api<{ tenant: { domains: string[] } }>(
        'query($id: ID!) { tenant(id: $id) { domains } }',
        {
          id: tenantId,
        },
      )
    ).tenant.domains;
  const discoveryAt = (host: string) =>
    getWithHost(`${platform.op.publicUrl}/.well-known/openid-configuration`, host);
  const rows = (page: Page) => page.locator('tbody tr[data-action]');

  beforeAll(async () => {
    tenant = await createTenant(platform.db);
    other = await createTenant(platform.db);
    operatorToken = await accessTokenFor(
      platform,
      await createApiClient(platform, [{ role: 'platform_operator' }]),
    );
    // The other tenant's change: the operator's log shows it, the tenant admin's must not.
    await api(
      'mutation($tenantId: ID!, $domain: String!) { addTenantDomain(tenantId: $tenantId, domain: $domain) { id } }',
      { tenantId: other.id, domain: takenDomain },
    );
  });

  it('adds a domain whose issuer the console shows and apps/op serves discovery for', async () => {
    const page = await chromium.newPage({ viewport: LAPTOP });
    await signInToConsole(page, platform, OPERATOR, `/tenants/${tenant.slug}/domains`);
    await page.getByText('No custom domains yet').waitFor();
    await page.getByLabel('Domain', { exact: true }).fill(domain.toUpperCase());
    await page.getByRole('button', { name: 'Add domain' }).click();
    await page.locator(`tr[data-domain="${domain}"]`).getByText(`https://${domain}`).waitFor();
    expect(await domainsOf(tenant.id)).toEqual([domain]);

    await expect
      .poll(async () => {
        const answer = await discoveryAt(domain);
        return answer.status === 200 ? (JSON.parse(answer.body) as { issuer: string }).issuer : '';
      }, PROPAGATION)
      .toBe(`https://${domain}`);

    // A domain another tenant serves is refused, and the reason shows under the field.
    const field = page.getByLabel('Domain', { exact: true });
    await field.fill(takenDomain);
    await page.getByRole('button', { name: 'Add domain' }).click();
    await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
    await page.getByText('This domain is already used by another tenant.').waitFor();
    expect(await domainsOf(tenant.id)).toEqual([domain]);
    await screenshot(page, 'domains', kind.name);
  });

  it('removes a domain after asking, and apps/op stops serving the tenant there', async () => {
    const page = await chromium.newPage({ viewport: PHONE });
    await signInToConsole(page, platform, OPERATOR, `/tenants/${tenant.slug}/domains`);
    await page.getByRole('button', { name: `Remove ${domain}` }).click();
    const dialog = page.getByRole('dialog', { name: `Remove ${domain}?` });
    await dialog.getByRole('button', { name: 'Remove domain' }).click();
    await page.getByText('No custom domains yet').waitFor();
    expect(await domainsOf(tenant.id)).toEqual([]);
    await expect.poll(async () => (await discoveryAt(domain)).status, PROPAGATION).not.toBe(200);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it('shows the domain changes in the audit log with their details, and narrows them by action', async () => {
    const page = await chromium.newPage({ viewport: LAPTOP });
    await signInToConsole(page, platform, OPERATOR, '/audit');
    const added = page.locator(
      `tbody tr[data-action="tenant.domain.add"][data-tenant="${tenant.id}"]`,
    );
    await added.first().waitFor();
    const show = added.first().getByRole('button', { name: 'Show details of tenant.domain.add' });
    const controls = await show.getAttribute('aria-controls');
    await show.click();
    expect(await page.locator(`[aria-controls="${controls}"]`).getAttribute('aria-expanded')).toBe(
      'true',
    );
    const details = page.locator(`[id="${controls}"] pre`);
    expect(JSON.parse((await details.textContent()) ?? '{}')).toEqual({
      domain,
    });
    const removed = page.locator(
      `tbody tr[data-action="tenant.domain.remove"][data-tenant="${tenant.id}"]`,
    );
    expect(await removed.count()).toBe(1);
    // Newest first: the removal happened after the addition.
    const actions = await rows(page).evaluateAll((trs) =>
      trs.map((tr) => (tr as HTMLElement).dataset.action),
    );
    expect(actions.indexOf('tenant.domain.remove')).toBeLessThan(
      actions.indexOf('tenant.domain.add'),
    );
    const everything = await rows(page).count();

    await page.getByLabel('Action').fill('tenant.domain.add');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL((url) => url.searchParams.get('action') === 'tenant.domain.add');
    await expect
      .poll(() =>
        rows(page).evaluateAll((trs) => [
          ...new Set(trs.map((tr) => (tr as HTMLElement).dataset.action)),
        ]),
      )
      .toEqual(['tenant.domain.add']);
    // Both tenants' additions, nothing else.
    expect(await rows(page).count()).toBe(2);
    expect(everything).toBeGreaterThan(2);

    // The filter is in the URL: a fresh load of the link shows the same narrowed list.
    await page.goto(page.url());
    await expect.poll(() => page.getByLabel('Action').inputValue()).toBe('tenant.domain.add');
    await expect.poll(() => rows(page).count()).toBe(2);
    await rows(page).first().getByRole('button', { name: /^Show/ }).click();
    await screenshot(page, 'audit', kind.name);
  });

  it("shows a tenant admin only their own tenant's events at /audit", async () => {
    const email = `admin-${unique().slice(0, 8)}@example.com`;
    const password = 'tenant-admin-correct-horse';
    await api(
      'mutation($email: String!, $password: String!, $tenantId: ID!) { createOperator(input: { email: $email, password: $password, tenantIds: [$tenantId] }) { login } }',
      { email, password, tenantId: tenant.id },
    );
    const page = await chromium.newPage({ viewport: LAPTOP });
    await signInToConsole(page, platform, { login: email, password }, '/audit');
    await page.locator('tbody tr[data-action="tenant.domain.add"]').first().waitFor();
    const tenantsShown = await rows(page).evaluateAll((trs) => [
      ...new Set(trs.map((tr) => (tr as HTMLElement).dataset.tenant)),
    ]);
    expect(tenantsShown).toEqual([tenant.id]);
    expect(await page.getByText(takenDomain).count()).toBe(0);
    // Operators pick a tenant; an admin of one has nothing to pick.
    expect(await page.getByLabel('Tenant', { exact: true }).count()).toBe(0);

    // The tenant's own Audit log tab asks for that tenant's events only.
    await page.goto(`${platform.web.url}/tenants/${tenant.slug}/audit`);
    await page.locator('tbody tr[data-action="tenant.domain.remove"]').first().waitFor();
    expect(
      await rows(page).evaluateAll((trs) => [
        ...new Set(trs.map((tr) => (tr as HTMLElement).dataset.tenant)),
      ]),
    ).toEqual([tenant.id]);
  });
});
