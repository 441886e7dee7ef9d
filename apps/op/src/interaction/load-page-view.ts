/**
 * Loads what a tenant page shows: the tenant's theme and language and, for interaction pages,
 * the paused request (through the core's `interactionDetails`, which also checks it belongs to
 * this browser) with the form's CSRF token.
 */
import { OAuthError, type Provider } from '@tessera/core';
import { themeFor } from '@tessera/core/branding';
import { AVAILABLE_LOCALES, pickLocale } from '../i18n';
import type { TenantEntry } from '../tenants/tenant-directory';
import type { ClientView, InteractionView, PageView } from '../ui/page-view';
import { interactionPageUrl } from '../ui/page-view';
import { readCookie } from './cookies';
import type { CsrfTokens } from './csrf';

export interface LoadPageInput {
  tenant: TenantEntry;
  issuer: string;
  cookie: string | undefined;
  acceptLanguage: string | undefined;
  /** Set for interaction pages. */
  interactionId?: string;
}

export interface LoadPageDeps {
  provider: (tenant: TenantEntry, issuer: string) => Promise<Provider>;
  csrf: CsrfTokens;
}

/**
 * @example const view = await loadPageView(deps, { tenant, issuer, cookie, acceptLanguage, interactionId });
 */
export async function loadPageView(deps: LoadPageDeps, input: LoadPageInput): Promise<PageView> {
  const { tenant, issuer } = input;
  const settings = tenant.settings;
  const base = {
    tenantSlug: tenant.slug,
    issuer,
    theme: themeFor(tenant.name, settings?.branding),
  };
  const pickFor = (uiLocales: string[] | undefined) =>
    pickLocale(uiLocales, input.acceptLanguage, AVAILABLE_LOCALES, settings?.defaultLocale ?? 'en');
  if (input.interactionId === undefined) return { ...base, locale: pickFor(undefined) };

  const id = input.interactionId;
  const provider = await deps.provider(tenant, issuer);
  const request = new Request(interactionPageUrl(issuer, id, 'login'), {
    headers: input.cookie ? { cookie: input.cookie } : {},
  });
  let details: Awaited<ReturnType<Provider['interactionDetails']>>;
  try {
    details = await provider.interactionDetails(request, id);
  } catch (error) {
    if (!(error instanceof OAuthError)) throw error;
    return { ...base, interactionId: id, locale: pickFor(undefined), interaction: 'expired' };
  }
  // Present: interactionDetails has just checked it against the stored binding.
  const browserBinding = readCookie(input.cookie, provider.context.cookies.interaction) ?? '';
  const interaction: InteractionView = {
    id,
    prompt: details.prompt,
    formAction: `${issuer}/interaction/${id}`,
    csrf: deps.csrf.tokenFor({ issuer, interactionId: id, browserBinding }),
    ...(details.client && { client: clientView(details.client) }),
    scopes: details.scopes,
    claims: details.claims,
    ...(details.loginHint && { loginHint: details.loginHint }),
  };
  return { ...base, interactionId: id, locale: pickFor(details.uiLocales), interaction };
}

/** Client metadata is the client's own text: links only over http(s), the logo only over https. */
function clientView(client: NonNullable<ClientView>): ClientView {
  return {
    clientId: client.clientId,
    ...(client.name && { name: client.name }),
    ...(isUrl(client.logoUri, ['https:']) && { logoUri: client.logoUri }),
    ...(isUrl(client.clientUri) && { clientUri: client.clientUri }),
    ...(isUrl(client.policyUri) && { policyUri: client.policyUri }),
    ...(isUrl(client.tosUri) && { tosUri: client.tosUri }),
  };
}

function isUrl(value: string | undefined, protocols = ['https:', 'http:']): value is string {
  if (!value) return false;
  try {
    return protocols.includes(new URL(value).protocol);
  } catch {
    return false;
  }
}
