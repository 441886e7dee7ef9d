/**
 * The users screens in Chromium, checked by what the platform then does: a user created in the
 * console signs in at the tenant through a relying party (openid-client), edited claims come
 * back at userinfo, a reset password replaces the old one at the login page,
 * and disabling or revoking ends sessions at apps/op.
 */

import * as client from 'openid-client';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTenant, type TenantFixture } from '../../../op/test/support/fixtures';
import {
  codeAuthorization,
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

describe.each(databases())('the users screens on $name', (kind) => {
  const platform = usePlatform(kind);
  const chromium = useChromium();
  let tenant: TenantFixture;
  let adminToken: string;
  let rp: client.Configuration;

  beforeAll(async () => {
    tenant = await createTenant(platform.db);
    const admin = await createApiClient(platform, [{ role: 'tenant_admin', tenantId: tenant.id }]);
    adminToken = await accessTokenFor(platform, admin);
    rp = await registerClient(platform.op.issuer(tenant.slug));
  });

  const asAdmin = async <T>(query: string, variables: Record<string, unknown>) =>
    dataOf(
      await graphql<T>(
        platform.web,
        query,
        { tenantId: tenant.id, ...variables },
        { token: adminToken },
      ),
    );

  /** A user made over the API, for tests about what happens to an existing user. */
  const apiUser = async (
    loginName: string,
    password: string,
    claims: Record<string, unknown> = {},
  ) => {
    const data = await asAdmin<{ createUser: { id: string } }>(
      `mutation($tenantId: ID!, $loginName: String!, $password: String, $claims: JSON) {
        createUser(tenantId: $tenantId, loginName: $loginName, password: $password, claims: $claims) { id }
      }`,
      { loginName, password, claims },
    );
    return data.createUser.id;
  };

  const sessionIdsOf = async (userId: string) =>
    (
      await asAdmin<{ userSessions: { id: string }[] }>(
        'query($tenantId: ID!, $userId: ID!) { userSessions(tenantId: $tenantId, userId: $userId) { id } }',
        { userId },
      )
    ).userSessions.map((session) => session.id);

  /** The code flow at the tenant in a fresh cookie jar: one new session at apps/op. */
  const signIn = (login: string, password: string) =>
    loginWithCode(rp, newBrowser(), { login: { login, password }, consent: 'allow' });

  /** Where a sign-in with these credentials stops: the login page again, when they are wrong. */
  const signInStopsAt = async (login: string, password: string) => {
    const outcome = await newBrowser().walk((await codeAuthorization(rp)).url, {
      login: { login, password },
      consent: 'allow',
    });
    return outcome.kind === 'page' ? outcome.page : outcome.kind;
  };

  const openConsole = (page: Page, ...segments: string[]) =>
    signInToConsole(page, platform, OPERATOR, ['', 'tenants', tenant.slug, ...segments].join('/'));

  const toast = (page: Page, text: string) => page.locator('.toast', { hasText: text }).waitFor();

  it('creates a user in the form who can then sign in at the tenant with the generated password', async () => {
    const page = await chromium.newPage({ viewport: LAPTOP });
    await openConsole(page, 'new-user');
    await page.getByLabel('Login name').fill('ada');
    await page.getByLabel('Email').fill('Ada@Example.com');
    await page.getByRole('button', { name: 'Generate password' }).click();
    const password = await page.getByLabel('Password', { exact: true }).inputValue();
    expect(password).toMatch(/^[A-Za-z0-9]{20}$/);
    await page.getByLabel('Full name').fill('Ada Lovelace');
    await page.getByLabel('Given name').fill('Ada');
    await screenshot(page, 'users-new-user', kind.name);
    await page.getByRole('button', { name: 'Create user' }).click();
    await page.waitForURL((url) => /\/users\/[0-9a-f-]{36}$/.test(url.pathname));
    await page.getByRole('heading', { level: 1, name: 'ada' }).waitFor();

    const userId = new URL(page.url()).pathname.split('/').pop() as string;
    const stored = await platform.db.user.findUniqueOrThrow({
      where: { tenantId_id: { tenantId: tenant.id, id: userId } },
    });
    expect(stored).toMatchObject({ loginName: 'ada', email: 'ada@example.com', disabled: false });

    const { tokens } = await signIn('ada', password);
    const sub = tokens.claims()?.sub as string;
    const userinfo = await client.fetchUserInfo(rp, tokens.access_token, sub);
    expect(userinfo).toMatchObject({
      name: 'Ada Lovelace',
      given_name: 'Ada',
      email: 'ada@example.com',
    });
  });

  it('shows a login name that is taken under the login name field and creates nobody', async () => {
    await apiUser('grace', 'grace-correct-horse');
    const page = await chromium.newPage({ viewport: LAPTOP });
    await openConsole(page, 'new-user');
    await page.getByLabel('Login name').fill('grace');
    await page.getByRole('button', { name: 'Create user' }).click();
    const loginName = page.getByLabel('Login name');
    await expect.poll(() => loginName.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await loginName.getAttribute('aria-describedby')) ?? '';
    const errorId = describedBy.split(' ').find((id) => id.endsWith('-error')) as string;
    expect(await page.locator(`[id="${errorId}"]`).textContent()).toMatch(/already taken/);
    expect(new URL(page.url()).pathname).toBe(`/tenants/${tenant.slug}/new-user`);
    expect(
      await platform.db.user.count({ where: { tenantId: tenant.id, loginName: 'grace' } }),
    ).toBe(1);
  });

  it('lists users, finds one by a part of their name claim and links to their page', async () => {
    await apiUser('list-alan', 'alan-correct-horse', { name: 'Alan Turing' });
    await apiUser('list-barbara', 'barbara-correct-horse', { name: 'Barbara Liskov' });
    const page = await chromium.newPage({ viewport: LAPTOP });
    await openConsole(page, 'users');
    const rows = page.locator('table tbody tr');
    const total = await platform.db.user.count({ where: { tenantId: tenant.id } });
    await expect.poll(() => rows.count()).toBe(total);
    await expect.poll(() => page.locator('.pager-status').textContent()).toMatch(`${total} users`);
    await screenshot(page, 'users-list', kind.name);

    await page.getByLabel('Search users').fill('liskov');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('Barbara Liskov');
    await rows.first().getByRole('link', { name: 'list-barbara' }).click();
    await page.getByRole('heading', { level: 1, name: 'list-barbara' }).waitFor();
  });

  it('saves edited claims, keeping custom ones, so userinfo returns the new values', async () => {
    const userId = await apiUser('claims-user', 'claims-correct-horse', {
      name: 'Old Name',
      email: 'claims@example.com',
      department: 'Research',
    });
    const page = await chromium.newPage({ viewport: LAPTOP });
    await openConsole(page, 'users', userId);
    const claims = page.getByRole('region', { name: 'Claims' });
    const json = claims.getByLabel('Other claims (JSON)');
    expect(JSON.parse(await json.inputValue())).toEqual({ department: 'Research' });

    await json.fill('{"department": ');
    await claims.getByRole('button', { name: 'Save claims' }).click();
    await expect.poll(() => json.getAttribute('aria-invalid')).toBe('true');
    const unchanged = await platform.db.user.findUniqueOrThrow({
      where: { tenantId_id: { tenantId: tenant.id, id: userId } },
    });
    expect((unchanged.claims as Record<string, unknown>).name).toBe('Old Name');

    await json.fill('{"sub": "someone-else"}');
    await claims.getByRole('button', { name: 'Save claims' }).click();
    await claims.getByText('sub: Is set by the provider and cannot be stored').waitFor();
    expect(await json.getAttribute('aria-invalid')).toBe('true');

    await claims.getByLabel('Full name').fill('New Name');
    await claims.getByLabel('Locale').fill('en-NZ');
    await json.fill('{"department": "Sales", "team": ["a", "b"]}');
    await claims.getByRole('button', { name: 'Save claims' }).click();
    await toast(page, 'Claims saved');

    const stored = await platform.db.user.findUniqueOrThrow({
      where: { tenantId_id: { tenantId: tenant.id, id: userId } },
    });
    expect(stored.claims).toEqual({
      name: 'New Name',
      locale: 'en-NZ',
      email: 'claims@example.com',
      department: 'Sales',
      team: ['a', 'b'],
    });
    const { tokens } = await signIn('claims-user', 'claims-correct-horse');
    const sub = tokens.claims()?.sub as string;
    const userinfo = await client.fetchUserInfo(rp, tokens.access_token, sub);
    expect(userinfo).toMatchObject({
      name: 'New Name',
      locale: 'en-NZ',
      email: 'claims@example.com',
    });
    // The custom claim is stored, but no scope of the request releases it.
    expect(userinfo).not.toHaveProperty('department');
  });

  it('resets the password so the old one fails at the login page and the new one signs in', async () => {
    const userId = await apiUser('reset-user', 'old-correct-horse');
    expect(await signInStopsAt('reset-user', 'old-correct-horse')).toBe('callback');
    const page = await chromium.newPage({ viewport: LAPTOP });
    await openConsole(page, 'users', userId);
    const section = page.getByRole('region', { name: 'Reset password' });
    await section.getByRole('button', { name: 'Generate password' }).click();
    const password = await section.getByLabel('New password').inputValue();
    await section.getByRole('button', { name: 'Set password' }).click();
    await toast(page, 'Password set');

    expect(await signInStopsAt('reset-user', 'old-correct-horse')).toBe('login');
    expect(await signInStopsAt('reset-user', password)).toBe('callback');
  });

  it('disables a user after confirmation, which ends their sessions and their sign-ins', async () => {
    const userId = await apiUser('disable-user', 'disable-correct-horse');
    await signIn('disable-user', 'disable-correct-horse');
    await signIn('disable-user', 'disable-correct-horse');
    expect(await sessionIdsOf(userId)).toHaveLength(2);
    const page = await chromium.newPage({ viewport: LAPTOP });
    await openConsole(page, 'users', userId);
    const sessions = page.getByRole('region', { name: 'Sessions' });
    await expect.poll(() => sessions.locator('tbody tr').count()).toBe(2);
    await screenshot(page, 'users-user-page', kind.name);

    await page.getByRole('button', { name: 'Disable user' }).click();
    const dialog = page.getByRole('dialog', { name: 'Disable disable-user?' });
    expect(await dialog.textContent()).toMatch(/sessions end/);
    await dialog.getByRole('button', { name: 'Disable user' }).click();
    await toast(page, 'User disabled');
    await sessions.getByText('No active sessions').waitFor();
    await page.locator('.page-header .badge', { hasText: 'Disabled' }).waitFor();

    expect(await sessionIdsOf(userId)).toEqual([]);
    expect(await signInStopsAt('disable-user', 'disable-correct-horse')).not.toBe('callback');
    await page.getByRole('button', { name: 'Enable user' }).click();
    await toast(page, 'User enabled');
    expect(await signInStopsAt('disable-user', 'disable-correct-horse')).toBe('callback');
  });

  it('revokes one session, taking it off the list and off apps/op', async () => {
    const userId = await apiUser('revoke-user', 'revoke-correct-horse');
    await signIn('revoke-user', 'revoke-correct-horse');
    await signIn('revoke-user', 'revoke-correct-horse');
    const before = await sessionIdsOf(userId);
    expect(before).toHaveLength(2);
    const page = await chromium.newPage({ viewport: PHONE });
    await openConsole(page, 'users', userId);
    const rows = page.getByRole('region', { name: 'Sessions' }).locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    await screenshot(page, 'users-user-page-phone', kind.name);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);

    const revoked = (await rows.first().getAttribute('data-session-id')) as string;
    await rows
      .first()
      .getByRole('button', { name: /^Revoke session/ })
      .click();
    await toast(page, 'Session revoked');
    expect(await rows.count()).toBe(1);
    const after = await sessionIdsOf(userId);
    expect(after).toEqual(before.filter((id) => id !== revoked));

    await page.reload();
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().getAttribute('data-session-id')).toBe(after[0]);
  });

  it('deletes a user only once their login name is typed in the confirmation', async () => {
    const userId = await apiUser('delete-user', 'delete-correct-horse');
    const page = await chromium.newPage({ viewport: LAPTOP });
    await openConsole(page, 'users', userId);
    await page.getByRole('button', { name: 'Delete user' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete delete-user?' });
    const confirm = dialog.getByRole('button', { name: 'Delete user' });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel('Type delete-user to confirm').fill('delete-user');
    await confirm.click();
    await page.waitForURL((url) => url.pathname === `/tenants/${tenant.slug}/users`);
    await toast(page, 'User delete-user deleted');
    expect(await platform.db.user.count({ where: { tenantId: tenant.id, id: userId } })).toBe(0);
    expect(await signInStopsAt('delete-user', 'delete-correct-horse')).toBe('login');
  });
});
