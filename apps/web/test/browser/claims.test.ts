/**
 * The claims & scopes screen in Chromium: what it defines shows in the tenant's discovery
 * document at apps/op, and the API's refusal to delete a claim a scope releases shows in the
 * dialog.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTenant, type TenantFixture } from '../../../op/test/support/fixtures';
import { LAPTOP, PHONE, screenshot, useChromium } from '../support/chromium';
import { signInToConsole } from '../support/console-browser';
import { databases, OPERATOR_LOGIN, OPERATOR_PASSWORD, usePlatform } from '../support/platform';

const OPERATOR = { login: OPERATOR_LOGIN, password: OPERATOR_PASSWORD };
/** apps/op rebuilds a tenant's provider within about a second of a configuration change. */
const PROPAGATION_TIMEOUT_MS = 5_000;

interface Discovery {
  claims_supported: string[];
  scopes_supported: string[];
}

describe.each(databases())('the claims & scopes screen on $name', (kind) => {
  const platform = usePlatform(kind);
  const chromium = useChromium();
  let tenant: TenantFixture;

  beforeAll(async () => {
    tenant = await createTenant(platform.db);
  });

  const discovery = async (): Promise<Discovery> => {
    const response = await fetch(
      `${platform.op.publicUrl}/${tenant.slug}/.well-known/openid-configuration`,
    );
    if (response.status !== 200) throw new Error(`discovery answered ${response.status}`);
    return (await response.json()) as Discovery;
  };

  const openClaims = async (page: Page) => {
    await signInToConsole(page, platform, OPERATOR, `/tenants/${tenant.slug}/claims`);
    await page.getByRole('heading', { level: 1, name: 'Claims & scopes' }).waitFor();
  };

  const toast = (page: Page, text: string) => page.locator('.toast', { hasText: text }).waitFor();

  it('defines a custom claim and a scope releasing it, which the tenant then advertises in discovery', async () => {
    const before = await discovery();
    expect(before.claims_supported).not.toContain('department');
    expect(before.scopes_supported).not.toContain('org');

    const page = await chromium.newPage({ viewport: LAPTOP });
    await openClaims(page);
    await page.getByLabel('Claim name').fill('department');
    await page.getByLabel('Claim type').selectOption('string');
    await page.getByLabel('Claim description').fill('Where the person works');
    await page.getByRole('button', { name: 'Define claim' }).click();
    await toast(page, 'Claim department defined');
    await page.getByRole('table', { name: 'Custom claims' }).getByText('department').waitFor();

    await page.getByLabel('Scope name').fill('org');
    await page.getByLabel('Scope description').fill('The organisation');
    const choices = page.getByRole('group', { name: 'Released claims' });
    await choices.getByRole('checkbox', { name: /^department/ }).check();
    await choices.getByRole('checkbox', { name: /^email$/ }).check();
    await page.getByRole('button', { name: 'Define scope' }).click();
    await toast(page, 'Scope org defined');

    expect(await platform.db.scopeDefinition.findMany({ where: { tenantId: tenant.id } })).toEqual([
      expect.objectContaining({ name: 'org', claims: ['department', 'email'] }),
    ]);
    await expect.poll(discovery, { timeout: PROPAGATION_TIMEOUT_MS, interval: 200 }).toMatchObject({
      claims_supported: expect.arrayContaining(['department']),
      scopes_supported: expect.arrayContaining(['org']),
    });
    await screenshot(page, 'claims', kind.name);
  });

  it('shows the refusal to delete a claim that a scope releases, and keeps the claim', async () => {
    await platform.db.claimDefinition.create({
      data: { tenantId: tenant.id, name: 'cost_centre', type: 'string' },
    });
    await platform.db.scopeDefinition.create({
      data: { tenantId: tenant.id, name: 'billing', claims: ['cost_centre'] },
    });
    const page = await chromium.newPage({ viewport: PHONE });
    await openClaims(page);
    await page.getByRole('button', { name: 'Delete claim cost_centre' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete claim cost_centre?' });
    await dialog.getByRole('button', { name: 'Delete claim' }).click();
    const refusal = dialog.getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/billing/);
    await screenshot(page, 'claims-delete-refused-phone', kind.name);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);

    expect(
      await platform.db.claimDefinition.count({
        where: { tenantId: tenant.id, name: 'cost_centre' },
      }),
    ).toBe(1);
  });
});
