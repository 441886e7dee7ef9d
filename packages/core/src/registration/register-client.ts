/** Creating a client through dynamic registration (RFC 7591 3, OIDC Registration 3). */
import type { ProviderContext } from '../context.js';
import { ServerError } from '../errors.js';
import { randomId } from '../tokens/random.js';
import { clientInformation } from './client-information.js';
import { newClientRecord } from './client-records.js';
import {
  type ValidateClientMetadataOptions,
  validateClientMetadata,
} from './validate-client-metadata.js';

/** Random client ids collide with negligible probability; a few retries make it certain. */
const CLIENT_ID_ATTEMPTS = 3;

/** The validation options of this tenant: its settings, its active keys, its hooks. */
export function validationOptions(ctx: ProviderContext): ValidateClientMetadataOptions {
  return {
    settings: ctx.settings,
    signingAlgorithms: ctx.settings.signingAlgorithms.filter((alg) => ctx.keys.hasActiveKey(alg)),
    fetch: ctx.fetch,
    validators: ctx.registrationRequestValidators,
  };
}

/**
 * Validates the metadata, stores the client and returns the client information response.
 * A `client_id` or `client_secret` in the request is ignored: the server issues both.
 */
export async function registerClient(
  ctx: ProviderContext,
  input: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const metadata = await validateClientMetadata(input, validationOptions(ctx));
  for (let attempt = 0; attempt < CLIENT_ID_ATTEMPTS; attempt++) {
    const issued = newClientRecord(metadata, {
      clientId: randomId(ctx.random),
      issuedAt: ctx.clock(),
      random: ctx.random,
      registrationAccess: true,
    });
    if (await ctx.stores.clients.create(issued.record)) {
      return clientInformation(ctx, issued.record, issued);
    }
  }
  throw new ServerError(new Error('No unused client id found'));
}
