import { themeFor } from '@tessera/core/branding';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n';
import { errorPageResponse } from '../../src/interaction/error-page';
import { ConsentView } from '../../src/ui/consent-view';
import { LoginView } from '../../src/ui/login-view';
import { LogoutView } from '../../src/ui/logout-view';
import { ErrorView } from '../../src/ui/message-views';
import type { InteractionView } from '../../src/ui/page-view';
import { readForms } from '../support/html-form';

const interaction: InteractionView = {
  id: 'abc',
  prompt: 'login',
  formAction: 'https://op.example.com/acme/interaction/abc',
  csrf: 'token-123',
  client: { clientId: 'c1', name: 'Example RP', policyUri: 'https://rp.example/privacy' },
  scopes: ['openid', 'email', 'custom:read'],
  claims: ['sub', 'email', 'x_custom'],
  loginHint: 'ada@example.com',
};
const t = translator('en');
const html = (element: Parameters<typeof renderToStaticMarkup>[0]) => renderToStaticMarkup(element);

describe('What the end-user pages render', () => {
  it('renders the login form of the page contract, labelled and with autocomplete hints', () => {
    const page = html(
      createElement(LoginView, { interaction, tenantName: 'Acme', error: undefined, t }),
    );
    const [form] = readForms(page, interaction.formAction);
    expect(form).toMatchObject({ action: interaction.formAction, method: 'post' });
    expect(form?.fields).toEqual([
      { name: 'csrf', value: 'token-123', type: 'hidden' },
      { name: 'action', value: 'login', type: 'hidden' },
      { name: 'login', value: 'ada@example.com', type: 'text' },
      { name: 'password', value: '', type: 'password' },
    ]);
    expect(page).toContain('<label for="login">Email or username</label>');
    expect(page).toContain('<label for="password">Password</label>');
    expect(page).toMatch(/<input id="login"[^>]*autoComplete="username"/);
    expect(page).toMatch(/<input id="password"[^>]*autoComplete="current-password"/);
    expect(page).not.toContain('role="alert"');
  });

  it('shows a failed login in an alert tied to the fields', () => {
    for (const [error, text] of [
      ['invalid_credentials', 'not correct'],
      ['throttled', 'Too many failed attempts'],
      ['disabled', 'disabled'],
      ['<script>', 'did not work'],
    ] as const) {
      const page = html(createElement(LoginView, { interaction, tenantName: 'Acme', error, t }));
      expect(page).toMatch(new RegExp(`role="alert" id="login-error">[^<]*${text}`));
      expect(page).toContain('aria-describedby="login-error"');
      expect(page).not.toContain('<script>');
    }
  });

  it('shows the client, each scope in words and the claims on the consent page', () => {
    const page = html(
      createElement(ConsentView, {
        interaction: { ...interaction, prompt: 'consent' },
        tenantName: 'Acme',
        t,
      }),
    );
    expect(page).toContain('Example RP wants to access your Acme account');
    expect(page).toContain('See your email address');
    expect(page).toContain('Use the permission “custom:read”');
    expect(page).toContain('<li>Email address</li>');
    expect(page).toContain('<li>x_custom</li>');
    expect(page).toContain('href="https://rp.example/privacy"');
    const [form] = readForms(page, interaction.formAction);
    expect(form?.fields.map((field) => [field.name, field.value])).toEqual([
      ['csrf', 'token-123'],
      ['action', 'consent'],
    ]);
    expect(form?.buttons).toEqual([
      { name: 'decision', value: 'allow' },
      { name: 'decision', value: 'deny' },
    ]);
  });

  it('asks to confirm a logout with logout and cancel buttons', () => {
    const page = html(
      createElement(LogoutView, {
        interaction: { ...interaction, prompt: 'logout' },
        tenantName: 'Acme',
        t,
      }),
    );
    const [form] = readForms(page, interaction.formAction);
    expect(form?.fields.map((field) => [field.name, field.value])).toEqual([
      ['csrf', 'token-123'],
      ['action', 'logout'],
    ]);
    expect(form?.buttons).toEqual([
      { name: 'decision', value: 'logout' },
      { name: 'decision', value: 'cancel' },
    ]);
  });

  it('shows known error codes in words and unknown ones generically', () => {
    expect(html(createElement(ErrorView, { code: 'interaction_expired', t }))).toContain(
      'has expired',
    );
    const unknown = html(createElement(ErrorView, { code: 'heading', t }));
    expect(unknown).toContain('could not be completed');
    const hostile = html(createElement(ErrorView, { code: '"><img src=x>', t }));
    expect(hostile).not.toContain('<img');
  });

  it('answers form errors from the fast lane with a scriptless, branded, uncached page', async () => {
    const theme = themeFor('Acme', { primaryColor: '#ffcc00' });
    const response = errorPageResponse({ theme, locale: 'de' }, 403, 'request_forbidden');
    expect(response.status).toBe(403);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    const page = await response.text();
    expect(page).toMatch(/^<!doctype html><html lang="de">/);
    expect(page).toContain('role="alert"');
    expect(page).toContain('--on-primary:#000000');
    expect(page).not.toContain('<script');
  });
});
