/** What `applyTenantConfig` changed, one entry per object, for the CLI to print. */
import { AppError } from '../errors';
import type { SettingChange } from '../tenants/settings-diff';

export interface ConfigChange {
  kind: 'tenant' | 'settings' | 'domain' | 'claim' | 'scope' | 'client';
  /** The tenant's slug, the domain, the claim or scope name, or the client id. */
  name: string;
  action: 'created' | 'updated' | 'deleted';
  /** The fields that changed, by dotted path (settings from the document's `settings`). */
  fields?: SettingChange[];
  /** A client secret issued by this change: shown once, never stored in clear. */
  clientSecret?: string;
}

/**
 * Runs a service call for the object at `prefix` in the document, so its errors name document
 * paths: a field error `metadata.redirect_uris` of the third client becomes
 * `clients.2.metadata.redirect_uris`; other errors get the prefix in their message.
 *
 * @example await atDocumentPath('claims.0', () => upsertClaimDefinition({ ... }));
 */
export async function atDocumentPath<T>(
  prefix: string,
  work: () => Promise<T>,
  mapPath: (path: string) => string = (path) => (path ? `${prefix}.${path}` : prefix),
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.fieldErrors.length > 0) {
      const fieldErrors = error.fieldErrors.map((e) => ({ ...e, path: mapPath(e.path) }));
      throw new AppError(
        error.code,
        fieldErrors.map((e) => `${e.path}: ${e.message}`).join('; '),
        fieldErrors,
      );
    }
    throw new AppError(error.code, prefix ? `${prefix}: ${error.message}` : error.message);
  }
}
