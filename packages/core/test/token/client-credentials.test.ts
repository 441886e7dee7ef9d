/** The client credentials grant (RFC 6749 4.4). */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  basicAuth,
  createTestProvider,
  postForm,
  putClient,
  type TestProvider,
} from '../support/harness.js';
import { expectError, json } from '../support/tokens.js';

const SERVICE_AUTH = { authorization: basicAuth('service', 's3cret') };

function clientCredentials(
  t: TestProvider,
  params: Record<string, string> = {},
  headers: Record<string, string> = SERVICE_AUTH,
) {
  return postForm(t.provider, '/token', { grant_type: 'client_credentials', ...params }, headers);
}

describe('Client credentials grant (RFC 6749 4.4)', () => {
  let t: TestProvider;
  beforeEach(async () => {
    t = await createTestProvider();
    await putClient(
      t.stores,
      'service',
      { grant_types: ['client_credentials'], scope: 'read write' },
      's3cret',
    );
  });

  it('issues an access token for the client itself, without refresh or ID token', async () => {
    const response = await clientCredentials(t, { scope: 'read' });
    expect(response.status).toBe(200);
    const body = await json(response);
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: 'read' });
    expect(body.refresh_token).toBeUndefined();
    expect(body.id_token).toBeUndefined();
    const introspection = await json(
      await postForm(
        t.provider,
        '/token/introspection',
        { token: String(body.access_token) },
        SERVICE_AUTH,
      ),
    );
    expect(introspection).toMatchObject({ active: true, client_id: 'service', scope: 'read' });
    expect(introspection.sub).toBeUndefined();
  });

  it("defaults the scope to the client's registered scope", async () => {
    expect((await json(await clientCredentials(t))).scope).toBe('read write');
  });

  it('refuses a scope outside the registered one with invalid_scope', async () => {
    await expectError(await clientCredentials(t, { scope: 'read admin' }), 400, 'invalid_scope');
  });

  it.each(['openid', 'offline_access'])(
    'refuses the user scope %s with invalid_scope',
    async (scope) => {
      await putClient(t.stores, 'open', { grant_types: ['client_credentials'] }, 'x');
      const response = await clientCredentials(
        t,
        { scope },
        { authorization: basicAuth('open', 'x') },
      );
      await expectError(response, 400, 'invalid_scope');
    },
  );

  it('refuses public clients with unauthorized_client', async () => {
    await putClient(t.stores, 'spa', {
      grant_types: ['client_credentials'],
      token_endpoint_auth_method: 'none',
    });
    const response = await clientCredentials(t, { client_id: 'spa' }, {});
    await expectError(response, 400, 'unauthorized_client');
  });
});
