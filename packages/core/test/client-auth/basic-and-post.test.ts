/** client_secret_basic and client_secret_post (RFC 6749 2.3.1), black box via client_credentials. */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  basicAuth,
  createTestProvider,
  NOW,
  postForm,
  putClient,
  type TestProvider,
} from '../support/harness.js';
import { expectError } from '../support/tokens.js';

function basicRaw(text: string): string {
  return `Basic ${Buffer.from(text).toString('base64')}`;
}

function token(
  t: TestProvider,
  headers: Record<string, string>,
  body: Record<string, string> = {},
) {
  return postForm(t.provider, '/token', { grant_type: 'client_credentials', ...body }, headers);
}

async function expectInvalidClientChallenge(response: Response) {
  await expectError(response, 401, 'invalid_client');
  expect(response.headers.get('www-authenticate')).toMatch(/^Basic /);
}

describe('Client authentication: client_secret_basic (RFC 6749 2.3.1)', () => {
  let t: TestProvider;
  beforeEach(async () => {
    t = await createTestProvider();
    await putClient(t.stores, 'svc', { grant_types: ['client_credentials'] }, 'pa:ss+word %');
    await putClient(t.stores, 'colon', { grant_types: ['client_credentials'] }, 'a:b:c');
  });

  it('decodes form-urlencoded credentials, including an encoded ":" in the secret', async () => {
    expect((await token(t, { authorization: basicAuth('svc', 'pa:ss+word %') })).status).toBe(200);
  });

  it('gives unencoded ":" after the first one to the secret (pyOP crashed)', async () => {
    expect((await token(t, { authorization: basicRaw('colon:a:b:c') })).status).toBe(200);
  });

  it("decodes '+' as a space", async () => {
    await putClient(t.stores, 'spacey', { grant_types: ['client_credentials'] }, 'two words');
    expect((await token(t, { authorization: basicRaw('spacey:two+words') })).status).toBe(200);
  });

  it('accepts the scheme in any case', async () => {
    const header = basicAuth('svc', 'pa:ss+word %').replace('Basic', 'bAsIc');
    expect((await token(t, { authorization: header })).status).toBe(200);
  });

  it('answers bad base64 with 401 invalid_client and a Basic challenge', async () => {
    await expectInvalidClientChallenge(await token(t, { authorization: 'Basic !!!not-base64!!!' }));
  });

  it('answers credentials without a colon with 401 invalid_client', async () => {
    await expectInvalidClientChallenge(await token(t, { authorization: basicRaw('svc') }));
  });

  it('answers a broken percent-encoding with 401 invalid_client', async () => {
    await expectInvalidClientChallenge(await token(t, { authorization: basicRaw('svc:%zz') }));
  });

  it('answers a wrong secret and an unknown client identically', async () => {
    const wrong = await expectError(
      await token(t, { authorization: basicAuth('svc', 'nope') }),
      401,
      'invalid_client',
    );
    const unknown = await expectError(
      await token(t, { authorization: basicAuth('ghost', 'nope') }),
      401,
      'invalid_client',
    );
    expect(unknown.error_description).toBe(wrong.error_description);
  });

  it('rejects an expired client secret (RFC 7591 client_secret_expires_at)', async () => {
    const client = (await t.stores.clients.get('svc'))!;
    await t.stores.clients.update({ ...client, secretExpiresAt: NOW - 1 });
    await expectInvalidClientChallenge(
      await token(t, { authorization: basicAuth('svc', 'pa:ss+word %') }),
    );
  });

  it('rejects a body client_id naming another client than the header', async () => {
    const response = await token(
      t,
      { authorization: basicAuth('svc', 'pa:ss+word %') },
      { client_id: 'colon' },
    );
    await expectInvalidClientChallenge(response);
  });

  it('rejects more than one authentication method with invalid_request', async () => {
    const response = await token(
      t,
      { authorization: basicAuth('svc', 'pa:ss+word %') },
      { client_id: 'svc', client_secret: 'pa:ss+word %' },
    );
    await expectError(response, 400, 'invalid_request');
  });
});

describe('Client authentication: client_secret_post and none', () => {
  let t: TestProvider;
  beforeEach(async () => {
    t = await createTestProvider();
    await putClient(
      t.stores,
      'poster',
      { grant_types: ['client_credentials'], token_endpoint_auth_method: 'client_secret_post' },
      'pw',
    );
  });

  it('authenticates with client_id and client_secret in the body', async () => {
    expect((await token(t, {}, { client_id: 'poster', client_secret: 'pw' })).status).toBe(200);
  });

  it('answers a wrong body secret with 401 invalid_client without a challenge', async () => {
    const response = await token(t, {}, { client_id: 'poster', client_secret: 'bad' });
    await expectError(response, 401, 'invalid_client');
    expect(response.headers.get('www-authenticate')).toBeNull();
  });

  it('refuses a method other than the registered one', async () => {
    await expectInvalidClientChallenge(
      await token(t, { authorization: basicAuth('poster', 'pw') }),
    );
  });

  it('refuses a confidential client that leaves its secret out', async () => {
    await expectError(await token(t, {}, { client_id: 'poster' }), 401, 'invalid_client');
  });

  it('refuses a request with no client credentials at all', async () => {
    await expectError(await token(t, {}), 401, 'invalid_client');
  });

  it('refuses a method the tenant disabled', async () => {
    const other = await createTestProvider({
      settings: { tokenEndpointAuthMethods: ['client_secret_basic'] },
    });
    await putClient(
      other.stores,
      'poster',
      { grant_types: ['client_credentials'], token_endpoint_auth_method: 'client_secret_post' },
      'pw',
    );
    await expectError(
      await token(other, {}, { client_id: 'poster', client_secret: 'pw' }),
      401,
      'invalid_client',
    );
  });
});
