/** Creating a client through dynamic registration (RFC 7591 3, OIDC Registration 3). */
import type { ProviderContext } from '../context.js';
import { ServerError } from '../errors.js';
import { randomId } from '../tokens/random.js';
import type { ClientRecord } from '../types.js';
import {
  issueClientSecret,
  issueRegistrationAccessToken,
  secretFields,
} from './client-credentials.js';
import { clientInformation } from './client-information.js';
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
  const method = metadata.token_endpoint_auth_method;
  const secret = issueClientSecret(method, ctx.random);
  const access = issueRegistrationAccessToken(ctx.random);
  for (let attempt = 0; attempt < CLIENT_ID_ATTEMPTS; attempt++) {
    const record: ClientRecord = {
      clientId: randomId(ctx.random),
      metadata,
      ...(secret !== undefined && secretFields(method, secret)),
      registrationAccessTokenHash: access.hash,
      issuedAt: ctx.clock(),
      secretExpiresAt: 0,
    };
    if (await ctx.stores.clients.create(record)) {
      return clientInformation(ctx, record, {
        clientSecret: secret,
        registrationAccessToken: access.token,
      });
    }
  }
  throw new ServerError(new Error('No unused client id found'));
}
