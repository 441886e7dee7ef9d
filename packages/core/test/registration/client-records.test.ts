import { describe, expect, it } from 'vitest';
import {
  newClientRecord,
  renewClientSecret,
  replaceClientMetadata,
} from '../../src/registration/client-records.js';
import {
  type ValidateClientMetadataOptions,
  validateClientMetadata,
} from '../../src/registration/validate-client-metadata.js';
import { resolveSettings } from '../../src/settings.js';
import { hashToken } from '../../src/tokens/hash.js';
import { defaultRandom } from '../../src/tokens/random.js';
import type { ClientAuthMethod, ClientMetadata } from '../../src/types.js';
import { servingFetch } from './helpers.js';

const options: ValidateClientMetadataOptions = {
  settings: resolveSettings(),
  signingAlgorithms: ['RS256'],
  fetch: servingFetch({}),
};

function metadataFor(method: ClientAuthMethod): Promise<ClientMetadata> {
  return validateClientMetadata(
    { grant_types: ['client_credentials'], response_types: [], token_endpoint_auth_method: method },
    options,
  );
}

const issue = (metadata: ClientMetadata, registrationAccess = false) =>
  newClientRecord(metadata, {
    clientId: 'c1',
    issuedAt: 1000,
    random: defaultRandom,
    registrationAccess,
  });

describe('Client records shared by registration and the admin API', () => {
  it('issues a secret for a secret method and stores only its hash', async () => {
    const { record, clientSecret, registrationAccessToken } = issue(
      await metadataFor('client_secret_basic'),
    );
    expect(record.clientSecretHash).toBe(hashToken(clientSecret ?? ''));
    expect(record.clientSecret).toBeUndefined();
    expect(record.registrationAccessTokenHash).toBeUndefined();
    expect(registrationAccessToken).toBeUndefined();
    expect(record).toMatchObject({ clientId: 'c1', issuedAt: 1000, secretExpiresAt: 0 });
  });

  it('keeps the clear secret for client_secret_jwt, which keys an HMAC with it', async () => {
    const { record, clientSecret } = issue(await metadataFor('client_secret_jwt'));
    expect(record.clientSecret).toBe(clientSecret);
  });

  it('issues no secret for none and a registration access token only when asked', async () => {
    const { record, clientSecret, registrationAccessToken } = issue(
      await metadataFor('none'),
      true,
    );
    expect(clientSecret).toBeUndefined();
    expect(record.clientSecretHash).toBeUndefined();
    expect(record.registrationAccessTokenHash).toBe(hashToken(registrationAccessToken ?? ''));
  });

  it('renews a secret so the old hash is gone, and renews none for a secretless method', async () => {
    const issued = issue(await metadataFor('client_secret_post'));
    const renewed = renewClientSecret(issued.record, defaultRandom);
    expect(renewed?.clientSecret).not.toBe(issued.clientSecret);
    expect(renewed?.record.clientSecretHash).toBe(hashToken(renewed?.clientSecret ?? ''));
    expect(
      renewClientSecret(issue(await metadataFor('none')).record, defaultRandom),
    ).toBeUndefined();
  });

  it('keeps a usable secret across a metadata replacement and issues one when none is usable', async () => {
    const basic = issue(await metadataFor('client_secret_basic'));
    const kept = replaceClientMetadata(
      basic.record,
      await metadataFor('client_secret_post'),
      defaultRandom,
    );
    expect(kept.clientSecret).toBeUndefined();
    expect(kept.record.clientSecretHash).toBe(basic.record.clientSecretHash);
    // A hash cannot key an HMAC: moving to client_secret_jwt needs a new clear secret.
    const jwt = replaceClientMetadata(
      basic.record,
      await metadataFor('client_secret_jwt'),
      defaultRandom,
    );
    expect(jwt.clientSecret).toBeDefined();
    expect(jwt.record.clientSecret).toBe(jwt.clientSecret);
    const dropped = replaceClientMetadata(basic.record, await metadataFor('none'), defaultRandom);
    expect(dropped.record.clientSecretHash).toBeUndefined();
  });

  it('names the field at fault on every metadata error', async () => {
    await expect(
      validateClientMetadata({ redirect_uris: ['http://rp.example.com/cb'] }, options),
    ).rejects.toMatchObject({ error: 'invalid_redirect_uri', field: 'redirect_uris' });
    await expect(
      validateClientMetadata({ grant_types: ['password'] }, options),
    ).rejects.toMatchObject({ error: 'invalid_client_metadata', field: 'grant_types' });
  });
});
