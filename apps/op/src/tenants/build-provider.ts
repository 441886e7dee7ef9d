/**
 * How apps/op turns a tenant directory entry into a ready `Provider`: its settings document and
 * admin-defined scopes and claims, its tenant-scoped stores and its pages' URLs. The provider
 * pool calls this once per tenant, issuer and `configVersion`.
 */
import { type Clock, type Logger, Provider, systemClock } from '@tessera/core';
import { createTenantStores, type Db, type SecretBox } from '@tessera/db';
import { initialAccessTokenVerifier } from './initial-access-tokens';
import type { BuildProvider } from './provider-pool';
import { tenantProviderSettings } from './tenant-protocol';

export interface ProviderBuilderOptions {
  db: Db;
  secretBox: SecretBox;
  /** The tenant's logger (a child of the app's, tagged with the slug). */
  logger: (slug: string) => Logger;
  waitUntil?: (work: Promise<unknown>) => void;
  /** The providers' clock, also judging initial access token expiry; default the system clock. */
  clock?: Clock;
}

/** @example const pool = new ProviderPool(providerBuilder({ db, secretBox, logger })); */
export function providerBuilder(options: ProviderBuilderOptions): BuildProvider {
  const { db, secretBox } = options;
  const clock = options.clock ?? systemClock;
  return async (tenant, issuer) => {
    const settings = tenant.settings;
    if (!settings) throw new Error(`Tenant ${tenant.slug} has no valid settings`);
    return Provider.create({
      issuer,
      stores: createTenantStores(db, tenant.id, { secretBox }),
      subjectSalt: settings.subjectSalt,
      settings: await tenantProviderSettings(db, tenant.id, settings),
      logger: options.logger(tenant.slug),
      interactionUrl: (id, prompt) => `${issuer}/interaction/${id}/${prompt}`,
      loggedOutUrl: `${issuer}/logged-out`,
      waitUntil: options.waitUntil,
      clock,
      verifyInitialAccessToken: initialAccessTokenVerifier(db, tenant.id, clock),
    });
  };
}
