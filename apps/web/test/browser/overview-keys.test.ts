/**
 * The tenant overview and the signing-key screen in a real browser against apps/op and
 * apps/web: rotating in the console changes the key apps/op signs ID tokens with, generated
 * keys and schedules reach the API, the API's refusals show where people look, and the
 * overview's endpoints and activity come from what apps/op actually serves and counts.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decodeProtectedHeader } from 'jose';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createTenant,
  createUser,
  type TenantFixture,
  type UserFixture,
} from '../../../op/test/support/fixtures';
import {
  asUser,
  loginWithCode,
  newBrowser,
  registerClient,
} from '../../../op/test/support/relying-party';
import { LAPTOP, PHONE, screenshot, useChromium } from '../support/chromium';
import { signInToConsole } from '../support/console-browser';
import { dataOf, graphql } from '../support/graphql-client';
import { databases, OPERATOR_LOGIN, OPERATOR_PASSWORD, usePlatform } from '../support/platform';
import { accessTokenFor, createApiClient } from '../support/principals';

const OPERATOR = { login: OPERATOR_LOGIN, password: OPERATOR_PASSWORD };
/** apps/op refreshes a tenant within 1 s and flushes activity counters every ~5 s. */
const PROPAGATION = { timeout: 5_000, interval: 100 };
const ACTIVITY_FLUSH = { timeout: 20_000, interval: 1_000 };
/** The activity query is another helper's; until its schema file exists the tiles cannot count. */
const ACTIVITY_API = existsSync(
  fileURLToPath(new URL('../../src/graphql/schema/activity.ts', import.meta.url)),
);

interface KeyView {
  kid: string;
  alg: string;
  state: string;
}

describe.each(databases())('the overview and signing keys on $name', (kind) => {
  const platform = usePlatform(kind);
  const chromium = useChromium();
  let tenant: TenantFixture;
  let user: UserFixture;
  let operatorToken: string;
  let idTokenNow: () => Promise<string>;

  beforeAll(async () => {
    tenant = await createTenant(platform.db);
    user = await createUser(platform.db, tenant.id, { login: 'keys-user' });
    operatorToken = await accessTokenFor(
      platform,
      await createApiClient(platform, [{ role: 'platform_operator' }]),
    );
    const config = await registerClient(platform.op.issuer(tenant.slug));
    const browser = newBrowser();
    idTokenNow = async () =>
      (await loginWithCode(config, browser, asUser(user))).tokens.id_token as string;
  });

  const api = async <T>(query: string, variables: Record<string, unknown> = {}) =>
    dataOf(await graphql(platform.web, query, variables, { token: operatorToken })) as T;
  const signingKeys = async () =>
    (
      await api<{ signingKeys: KeyView[] }>(
        'query($tenantId: ID!) { signingKeys(tenantId: $tenantId) { kid alg state } }',
        { tenantId: tenant.id },
      )
    ).signingKeys;
  const jwksKids = async () => {
    const discovery = (await (
      await fetch(`${platform.op.issuer(tenant.slug)}/.well-known/openid-configuration`)
    ).json()) as { jwks_uri: string };
    const jwks = (await (await fetch(discovery.jwks_uri)).json()) as { keys: { kid: string }[] };
    return jwks.keys.map((key) => key.kid);
  };
  const kidOf = (token: string) => decodeProtectedHeader(token).kid;
  const row = (page: Page, kid: string) => page.locator(`tr[data-kid="${kid}"]`);
  const openKeys = async (page: Page) => {
    await signInToConsole(page, platform, OPERATOR, `/tenants/${tenant.slug}/keys`);
    await page.getByRole('table').waitFor();
  };

  it('rotates keys from the console so that apps/op signs with the next key and still publishes the old one as retired', async () => {
    const before = kidOf(await idTokenNow());
    expect(before).toBeDefined();
    const page = await chromium.newPage({ viewport: LAPTOP });
    await openKeys(page);
    await expect.poll(() => row(page, before as string).getAttribute('data-state')).toBe('active');

    await page.getByRole('button', { name: 'Rotate now' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Rotate signing keys now?' });
    await dialog.getByText(/becomes active/).waitFor();
    await dialog.getByRole('button', { name: 'Rotate now' }).click();
    await page.getByText('Keys rotated').waitFor();

    await expect.poll(() => row(page, before as string).getAttribute('data-state')).toBe('retired');
    const active = (await signingKeys()).find(
      (key) => key.alg === 'RS256' && key.state === 'active',
    );
    expect(active?.kid).toBeDefined();
    expect(active?.kid).not.toBe(before);
    expect(await row(page, active?.kid as string).getAttribute('data-state')).toBe('active');
    await expect.poll(async () => kidOf(await idTokenNow()), PROPAGATION).toBe(active?.kid);
    expect(await jwksKids()).toContain(before);
    await screenshot(page, 'keys', kind.name);
  });

  it('generates an ES256 key that the table and the JWKS show', async () => {
    const page = await chromium.newPage({ viewport: LAPTOP });
    await openKeys(page);
    const before = new Set((await signingKeys()).map((key) => key.kid));
    await page.getByLabel('Algorithm').selectOption('ES256');
    await page.getByRole('button', { name: 'Generate key' }).click();
    await page.getByText(/ES256 key generated/).waitFor();

    const created = (await signingKeys()).filter((key) => !before.has(key.kid));
    expect(created).toHaveLength(1);
    expect(created[0]?.alg).toBe('ES256');
    expect(['active', 'next']).toContain(created[0]?.state);
    const shown = row(page, created[0]?.kid as string);
    await expect.poll(() => shown.getAttribute('data-state')).toBe(created[0]?.state);
    expect(await shown.getByRole('cell').nth(1).textContent()).toBe('ES256');
    await shown.getByText('Public JWK').click();
    expect(JSON.parse((await shown.locator('pre').textContent()) ?? '{}')).toMatchObject({
      kid: created[0]?.kid,
      kty: 'EC',
    });
    await expect.poll(jwksKids, PROPAGATION).toContain(created[0]?.kid);
  });

  it("refuses to retire the only active RS256 key with the API's reason", async () => {
    const page = await chromium.newPage({ viewport: LAPTOP });
    await openKeys(page);
    const active = (await signingKeys()).find(
      (key) => key.alg === 'RS256' && key.state === 'active',
    );
    await row(page, active?.kid as string)
      .getByRole('button', { name: `Retire ${active?.kid}` })
      .click();
    const dialog = page.getByRole('dialog', { name: 'Retire this key?' });
    await dialog.getByRole('button', { name: 'Retire key' }).click();
    await expect
      .poll(() => dialog.getByRole('alert').textContent())
      .toMatch(/only active RS256 key/);
    expect((await signingKeys()).find((key) => key.kid === active?.kid)?.state).toBe('active');
  });

  it('saves a rotation schedule that a reload shows again', async () => {
    const page = await chromium.newPage({ viewport: LAPTOP });
    await openKeys(page);
    await page.getByLabel('Rotate on a schedule').check();
    await page.getByLabel('Rotate every (days)').fill('30');
    await page.getByLabel('Keep retired keys published (days)').fill('5');
    await page.getByRole('button', { name: 'Save schedule' }).click();
    await page.getByText('Rotation schedule saved').waitFor();
    const stored = await api<{ keyRotationSchedule: unknown }>(
      'query($tenantId: ID!) { keyRotationSchedule(tenantId: $tenantId) { intervalDays overlapDays } }',
      { tenantId: tenant.id },
    );
    expect(stored.keyRotationSchedule).toEqual({ intervalDays: 30, overlapDays: 5 });

    await page.reload();
    await expect.poll(() => page.getByLabel('Rotate every (days)').inputValue()).toBe('30');
    expect(await page.getByLabel('Keep retired keys published (days)').inputValue()).toBe('5');
    expect(await page.getByLabel('Rotate on a schedule').isChecked()).toBe(true);
  });

  it("shows the API's message under the interval when it is 0 days, and stores nothing", async () => {
    const page = await chromium.newPage({ viewport: LAPTOP });
    await openKeys(page);
    const before = await api<{ keyRotationSchedule: unknown }>(
      'query($tenantId: ID!) { keyRotationSchedule(tenantId: $tenantId) { intervalDays overlapDays } }',
      { tenantId: tenant.id },
    );
    await page.getByLabel('Rotate on a schedule').check();
    const interval = page.getByLabel('Rotate every (days)');
    await interval.fill('0');
    await page.getByRole('button', { name: 'Save schedule' }).click();
    await expect.poll(() => interval.getAttribute('aria-invalid')).toBe('true');
    const errorId = (await interval.getAttribute('aria-describedby'))?.split(' ').at(-1);
    const message = await page.locator(`[id="${errorId}"]`).textContent();
    expect(message).toMatch(/\S/);
    expect(message).toMatch(/1|small|least/i);
    const after = await api<{ keyRotationSchedule: unknown }>(
      'query($tenantId: ID!) { keyRotationSchedule(tenantId: $tenantId) { intervalDays overlapDays } }',
      { tenantId: tenant.id },
    );
    expect(after).toEqual(before);
  });

  it('shows the endpoints apps/op serves, each with a copy button that copies it', async () => {
    const discovery = (await (
      await fetch(`${platform.op.issuer(tenant.slug)}/.well-known/openid-configuration`)
    ).json()) as Record<string, string>;
    const page = await chromium.newPage({ viewport: LAPTOP });
    await signInToConsole(page, platform, OPERATOR, `/tenants/${tenant.slug}`);
    const endpoints = page.getByRole('region', { name: 'Endpoints' });
    await endpoints.getByRole('button', { name: 'Copy token endpoint' }).waitFor();
    for (const [label, value] of [
      ['Issuer', platform.op.issuer(tenant.slug)],
      ['Token endpoint', discovery.token_endpoint],
      ['JWKS URI', discovery.jwks_uri],
      ['Authorization endpoint', discovery.authorization_endpoint],
    ] as const) {
      await endpoints
        .getByRole('button', { name: `Copy ${label.toLowerCase()}`, exact: true })
        .click();
      await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(value);
    }
    // Three charts, each a described picture or a said-so empty state, never a blank box.
    const activity = page.getByRole('region', { name: 'Activity' });
    const pictures = activity.getByRole('img');
    const empties = activity.getByText(/in this period/);
    await expect
      .poll(async () => (await pictures.count()) + (await empties.count()))
      .toBe(ACTIVITY_API ? 3 : 0);
    await screenshot(page, 'overview-laptop', kind.name);
  });

  it.skipIf(!ACTIVITY_API)(
    'counts a real sign-in at the tenant in the sign-in tile and chart',
    async () => {
      await idTokenNow();
      const page = await chromium.newPage({ viewport: PHONE });
      await signInToConsole(page, platform, OPERATOR, `/tenants/${tenant.slug}`);
      const signIns = page.getByTestId('stat-sign-ins').locator('.stat-value');
      await expect
        .poll(async () => {
          await page.reload();
          await signIns.filter({ hasText: /^\d+$/ }).waitFor();
          return Number(await signIns.textContent());
        }, ACTIVITY_FLUSH)
        .toBeGreaterThanOrEqual(1);
      const chart = page.getByRole('img', { name: /Sign-ins and failed sign-ins/ });
      expect(await chart.getAttribute('aria-label')).toMatch(/[1-9]\d* sign-ins/);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await screenshot(page, 'overview-phone', kind.name);
    },
  );
});
