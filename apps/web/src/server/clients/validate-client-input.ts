/**
 * Client metadata from the admin API goes through the very validation dynamic registration
 * uses (core `validateClientMetadata`), under the tenant's own settings, so a client is held to
 * the same rules however it was created. The core's RFC 7591 errors (`invalid_client_metadata`,
 * `invalid_redirect_uri`) become VALIDATION_FAILED at `metadata.<field>`.
 */
import {
  type ClientMetadata,
  InvalidClientRegistrationRequest,
  resolveSettings,
  validateClientMetadata,
} from '@tessera/core';
import { parseTenantSettings, toProviderSettings } from '@tessera/db';
import type { ServiceDeps } from '../../graphql/context';
import { notFound, validationFailed } from '../errors';

/** Far above any real registration; bounds the work and the row one call can ask for. */
export const MAX_METADATA_BYTES = 64 * 1024;

/**
 * Validated, normalized metadata (defaults applied; unknown extension fields kept). The tenant
 * must exist; call after the access check.
 *
 * @example const metadata = await validateClientInput(deps, tenantId, { redirect_uris: [...] });
 */
export async function validateClientInput(
  deps: ServiceDeps,
  tenantId: string,
  input: unknown,
): Promise<ClientMetadata> {
  const tenant = await deps.db.tenant.findUnique({
    where: { id: tenantId },
    select: { settings: true },
  });
  if (!tenant) throw notFound('tenant', tenantId);
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw validationFailed([{ path: 'metadata', message: 'Must be an object of client metadata' }]);
  }
  if (JSON.stringify(input).length > MAX_METADATA_BYTES) {
    throw validationFailed([
      { path: 'metadata', message: `Must be at most ${MAX_METADATA_BYTES} bytes of JSON` },
    ]);
  }
  const settings = resolveSettings(toProviderSettings(parseTenantSettings(tenant.settings)));
  try {
    return await validateClientMetadata(input as Record<string, unknown>, {
      settings,
      // A tenant's provider holds an active key for every configured algorithm (Provider.create
      // makes missing ones), so these are exactly the algorithms its registration accepts.
      signingAlgorithms: settings.signingAlgorithms,
      fetch: globalThis.fetch,
    });
  } catch (error) {
    if (!(error instanceof InvalidClientRegistrationRequest)) throw error;
    const path = error.field === undefined ? 'metadata' : `metadata.${error.field}`;
    throw validationFailed([{ path, message: error.message }]);
  }
}
