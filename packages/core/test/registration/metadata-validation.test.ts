import { describe, expect, it } from 'vitest';
import {
  type ValidateClientMetadataOptions,
  validateClientMetadata,
} from '../../src/registration/validate-client-metadata.js';
import { resolveSettings, type SettingsInput } from '../../src/settings.js';
import { createTestProvider } from '../support/harness.js';
import { json, register, servingFetch } from './helpers.js';

const REDIRECT = 'https://client.example.com/redirect';

function options(settings: SettingsInput = {}): ValidateClientMetadataOptions {
  return {
    settings: resolveSettings(settings),
    signingAlgorithms: ['RS256'],
    fetch: servingFetch({}),
  };
}

function validate(input: Record<string, unknown>, settings?: SettingsInput) {
  return validateClientMetadata({ redirect_uris: [REDIRECT], ...input }, options(settings));
}

async function expectError(attempt: Promise<unknown>, error: string): Promise<void> {
  await expect(attempt).rejects.toMatchObject({ error });
}

describe('Provider capability mismatches (pyOP test_rejects_mismatching_request)', () => {
  const encryptionPair = { alg: 'RSA-OAEP', enc: 'A192CBC-HS256' };
  const cases: [string, Record<string, unknown>, SettingsInput][] = [
    ['request_object_signing_alg', { request_object_signing_alg: 'HS256' }, {}],
    [
      'request_object_encryption_alg',
      {
        request_object_encryption_alg: 'RSA-OAEP-256',
        request_object_encryption_enc: encryptionPair.enc,
      },
      {},
    ],
    [
      'request_object_encryption_enc',
      {
        request_object_encryption_alg: encryptionPair.alg,
        request_object_encryption_enc: 'A192CBC-HS384',
      },
      {},
    ],
    ['userinfo_signed_response_alg', { userinfo_signed_response_alg: 'HS256' }, {}],
    [
      'userinfo_encrypted_response_alg',
      {
        userinfo_encrypted_response_alg: 'RSA-OAEP-256',
        userinfo_encrypted_response_enc: encryptionPair.enc,
      },
      {},
    ],
    [
      'userinfo_encrypted_response_enc',
      {
        userinfo_encrypted_response_alg: encryptionPair.alg,
        userinfo_encrypted_response_enc: 'A192CBC-HS384',
      },
      {},
    ],
    ['id_token_signed_response_alg', { id_token_signed_response_alg: 'HS256' }, {}],
    [
      'id_token_encrypted_response_alg',
      {
        id_token_encrypted_response_alg: 'RSA-OAEP-256',
        id_token_encrypted_response_enc: encryptionPair.enc,
      },
      {},
    ],
    [
      'id_token_encrypted_response_enc',
      {
        id_token_encrypted_response_alg: encryptionPair.alg,
        id_token_encrypted_response_enc: 'A192CBC-HS384',
      },
      {},
    ],
    ['default_acr_values', { default_acr_values: ['1', '2'] }, { acrValuesSupported: ['3', '4'] }],
    ['subject_type', { subject_type: 'public' }, { subjectTypes: ['pairwise'] }],
    [
      'token_endpoint_auth_method',
      {
        token_endpoint_auth_method: 'private_key_jwt',
        jwks_uri: 'https://client.example.com/jwks',
      },
      { tokenEndpointAuthMethods: ['client_secret_post', 'client_secret_basic'] },
    ],
    [
      'token_endpoint_auth_signing_alg',
      { token_endpoint_auth_method: 'client_secret_jwt', token_endpoint_auth_signing_alg: 'none' },
      {},
    ],
    [
      'response_types',
      { response_types: ['id_token token'], grant_types: ['implicit'] },
      { responseTypes: ['code', 'code token'] },
    ],
    ['grant_types', { grant_types: ['implicit'] }, { grantTypes: ['authorization_code'] }],
  ];

  it('covers all fifteen pyOP cases', () => {
    expect(cases).toHaveLength(15);
  });

  for (const [field, input, settings] of cases) {
    it(`rejects ${field} the provider does not support with invalid_client_metadata`, async () => {
      const { provider } = await createTestProvider({ settings });
      const response = await register(provider, { redirect_uris: [REDIRECT], ...input });
      expect(response.status).toBe(400);
      const body = await json(response);
      expect(body.error).toBe('invalid_client_metadata');
    });
  }
});

describe('Client metadata field types (RFC 7591 2)', () => {
  const wrong: [string, unknown][] = [
    ['client_name', 42],
    ['client_name', ''],
    ['token_endpoint_auth_method', ['client_secret_basic']],
    ['redirect_uris', REDIRECT],
    ['redirect_uris', [REDIRECT, 7]],
    ['contacts', 'admin@example.com'],
    ['response_types', 'code'],
    ['require_auth_time', 'true'],
    ['backchannel_logout_session_required', 1],
    ['default_max_age', 'abc'],
    ['default_max_age', -1],
    ['default_max_age', 1.5],
    ['logo_uri', 'not a uri'],
    ['client_uri', 42],
    ['jwks', 'keys'],
  ];
  for (const [field, value] of wrong) {
    it(`rejects ${field} = ${JSON.stringify(value)} naming the field`, async () => {
      const attempt = validateClientMetadata(
        { redirect_uris: [REDIRECT], [field]: value },
        options(),
      );
      await expect(attempt).rejects.toMatchObject({ error: 'invalid_client_metadata' });
    });
  }

  it('keeps unknown fields as they are', async () => {
    const metadata = await validate({ foo: { nested: [1] }, 'client_name#ja': 'クライアント' });
    expect(metadata.foo).toEqual({ nested: [1] });
    expect(metadata['client_name#ja']).toBe('クライアント');
  });

  it('treats a null field as omitted', async () => {
    const metadata = await validate({ client_name: null, response_types: null });
    expect(metadata).not.toHaveProperty('client_name');
    expect(metadata.response_types).toEqual(['code']);
  });

  it('accepts well-typed optional fields', async () => {
    const metadata = await validate({
      default_max_age: 0,
      require_auth_time: true,
      contacts: ['admin@example.com'],
      client_uri: 'https://client.example.com',
    });
    expect(metadata).toMatchObject({ default_max_age: 0, require_auth_time: true });
  });

  it('rejects an application_type other than web or native', async () => {
    await expectError(validate({ application_type: 'desktop' }), 'invalid_client_metadata');
  });
});

describe('Redirect URIs (OIDC Registration 2, RFC 8252)', () => {
  const native = { application_type: 'native' };
  const rejected: [string, string, Record<string, unknown>][] = [
    ['a relative reference', '/cb', {}],
    ['not a URI at all', 'not a uri', {}],
    ['a fragment', 'https://client.example.com/cb#frag', {}],
    ['http for a web client', 'http://client.example.com/cb', {}],
    ['http on localhost for a web client', 'http://localhost:8080/cb', {}],
    ['a custom scheme for a web client', 'com.example.app:/cb', {}],
    [
      'localhost for an implicit web client',
      'https://localhost/cb',
      { grant_types: ['implicit'], response_types: ['id_token'] },
    ],
    ['http off loopback for a native client', 'http://client.example.com/cb', native],
    ['a javascript: URI for a native client', 'javascript:alert(1)', native],
  ];
  for (const [what, uri, extra] of rejected) {
    it(`rejects ${what} with invalid_redirect_uri`, async () => {
      await expectError(validate({ redirect_uris: [uri], ...extra }), 'invalid_redirect_uri');
    });
  }

  const accepted: [string, string, Record<string, unknown>][] = [
    ['https for a web client', 'https://client.example.com/cb?x=1', {}],
    ['https localhost for a code-flow web client', 'https://localhost/cb', {}],
    ['a private-use scheme for a native client', 'com.example.app:/cb', native],
    ['http on 127.0.0.1 for a native client', 'http://127.0.0.1:51004/cb', native],
    ['http on [::1] for a native client', 'http://[::1]/cb', native],
    ['http on localhost for a native client', 'http://localhost/cb', native],
  ];
  for (const [what, uri, extra] of accepted) {
    it(`accepts ${what}`, async () => {
      const metadata = await validate({ redirect_uris: [uri], ...extra });
      expect(metadata.redirect_uris).toEqual([uri]);
    });
  }

  it('requires redirect URIs for implicit clients too', async () => {
    await expectError(
      validateClientMetadata(
        { grant_types: ['implicit'], response_types: ['id_token'] },
        options(),
      ),
      'invalid_redirect_uri',
    );
  });

  it('rejects an empty redirect_uris list for a code client', async () => {
    await expectError(validate({ redirect_uris: [] }), 'invalid_redirect_uri');
  });

  it('lets a client_credentials-only client register without redirect URIs', async () => {
    const metadata = await validateClientMetadata(
      { grant_types: ['client_credentials'], response_types: [] },
      options(),
    );
    expect(metadata.redirect_uris).toEqual([]);
  });
});

describe('response_types and grant_types consistency (OIDC Registration 2)', () => {
  it('rejects response type code without the authorization_code grant', async () => {
    await expectError(
      validate({ response_types: ['code'], grant_types: ['implicit'] }),
      'invalid_client_metadata',
    );
  });

  it('rejects an id_token response type without the implicit grant', async () => {
    await expectError(validate({ response_types: ['code id_token'] }), 'invalid_client_metadata');
  });

  it('rejects a token response type without the implicit grant', async () => {
    await expectError(
      validate({ response_types: ['code token'], grant_types: ['authorization_code'] }),
      'invalid_client_metadata',
    );
  });

  it('accepts a hybrid client with both grants', async () => {
    const metadata = await validate({
      response_types: ['code id_token'],
      grant_types: ['authorization_code', 'implicit', 'refresh_token'],
    });
    expect(metadata.grant_types).toEqual(['authorization_code', 'implicit', 'refresh_token']);
  });

  it('rejects an unknown grant type', async () => {
    await expectError(validate({ grant_types: ['password'] }), 'invalid_client_metadata');
  });
});

describe('Signing algorithms and client keys', () => {
  it('accepts id_token_signed_response_alg of an active key only', async () => {
    const withEs = { ...options(), signingAlgorithms: ['RS256', 'ES256'] as const };
    const metadata = await validateClientMetadata(
      { redirect_uris: [REDIRECT], id_token_signed_response_alg: 'ES256' },
      { ...withEs, signingAlgorithms: [...withEs.signingAlgorithms] },
    );
    expect(metadata.id_token_signed_response_alg).toBe('ES256');
    await expectError(
      validate({ id_token_signed_response_alg: 'ES256' }),
      'invalid_client_metadata',
    );
    await expectError(
      validate({ id_token_signed_response_alg: 'none' }),
      'invalid_client_metadata',
    );
  });

  it('rejects an HMAC assertion algorithm for private_key_jwt and an RSA one for client_secret_jwt', async () => {
    await expectError(
      validate({
        token_endpoint_auth_method: 'private_key_jwt',
        token_endpoint_auth_signing_alg: 'HS256',
        jwks_uri: 'https://client.example.com/jwks',
      }),
      'invalid_client_metadata',
    );
    await expectError(
      validate({
        token_endpoint_auth_method: 'client_secret_jwt',
        token_endpoint_auth_signing_alg: 'RS256',
      }),
      'invalid_client_metadata',
    );
  });

  it('requires jwks or jwks_uri for private_key_jwt', async () => {
    await expectError(
      validate({ token_endpoint_auth_method: 'private_key_jwt' }),
      'invalid_client_metadata',
    );
  });

  it('rejects jwks together with jwks_uri', async () => {
    await expectError(
      validate({
        jwks: { keys: [{ kty: 'EC', crv: 'P-256', x: 'x', y: 'y' }] },
        jwks_uri: 'https://client.example.com/jwks',
      }),
      'invalid_client_metadata',
    );
  });

  it('rejects a jwks that is not a JWK Set', async () => {
    await expectError(validate({ jwks: { kty: 'EC' } }), 'invalid_client_metadata');
    await expectError(validate({ jwks: { keys: [{ crv: 'P-256' }] } }), 'invalid_client_metadata');
  });

  it('rejects a jwks holding a private key', async () => {
    await expectError(
      validate({ jwks: { keys: [{ kty: 'EC', crv: 'P-256', x: 'x', y: 'y', d: 'secret' }] } }),
      'invalid_client_metadata',
    );
    await expectError(
      validate({ jwks: { keys: [{ kty: 'oct', k: 'c2VjcmV0' }] } }),
      'invalid_client_metadata',
    );
  });

  it('accepts private_key_jwt with a public jwks', async () => {
    const metadata = await validate({
      token_endpoint_auth_method: 'private_key_jwt',
      token_endpoint_auth_signing_alg: 'ES256',
      jwks: { keys: [{ kty: 'EC', crv: 'P-256', x: 'x', y: 'y' }] },
    });
    expect(metadata.token_endpoint_auth_method).toBe('private_key_jwt');
  });

  it('rejects a jwks_uri without https', async () => {
    await expectError(
      validate({
        token_endpoint_auth_method: 'private_key_jwt',
        jwks_uri: 'http://client.example.com/jwks',
      }),
      'invalid_client_metadata',
    );
  });
});

describe('Logout and login URIs', () => {
  it('rejects post_logout_redirect_uris with a fragment or without https for a web client', async () => {
    await expectError(
      validate({ post_logout_redirect_uris: ['https://client.example.com/bye#x'] }),
      'invalid_client_metadata',
    );
    await expectError(
      validate({ post_logout_redirect_uris: ['http://client.example.com/bye'] }),
      'invalid_client_metadata',
    );
    await expectError(validate({ post_logout_redirect_uris: ['bye'] }), 'invalid_client_metadata');
  });

  it('allows loopback and private-use post-logout URIs for a native client', async () => {
    const metadata = await validate({
      application_type: 'native',
      redirect_uris: ['com.example.app:/cb'],
      post_logout_redirect_uris: ['http://127.0.0.1:8080/bye', 'com.example.app:/bye'],
    });
    expect(metadata.post_logout_redirect_uris).toHaveLength(2);
  });

  it('requires https for backchannel_logout_uri except on loopback', async () => {
    await expectError(
      validate({ backchannel_logout_uri: 'http://client.example.com/bc' }),
      'invalid_client_metadata',
    );
    await expectError(
      validate({ backchannel_logout_uri: 'https://client.example.com/bc#f' }),
      'invalid_client_metadata',
    );
    const metadata = await validate({
      backchannel_logout_uri: 'http://localhost:3000/bc',
      backchannel_logout_session_required: true,
    });
    expect(metadata.backchannel_logout_session_required).toBe(true);
  });

  it('requires https for initiate_login_uri', async () => {
    await expectError(
      validate({ initiate_login_uri: 'http://client.example.com/login' }),
      'invalid_client_metadata',
    );
  });
});
