/** pyOP's TestVerifyClientAuthentication, ported to `authenticateClient`. */
import { beforeEach, describe, expect, it } from 'vitest';
import { authenticateClient } from '../../src/client-auth/authenticate-client.js';
import { InvalidClientAuthentication } from '../../src/errors.js';
import { parseParams } from '../../src/http/request.js';
import { createTestProvider, putClient, type TestProvider } from '../support/harness.js';

const SECRET = 'my_secret';
// pyOP built the header with URL-safe base64 of "id:secret".
const BASIC = `Basic ${Buffer.from(`client1:${SECRET}`).toString('base64url')}`;

function authenticate(t: TestProvider, body: Record<string, string>, authorization?: string) {
  const request = new Request(t.provider.context.endpoints.token, {
    method: 'POST',
    headers: authorization ? { authorization } : {},
  });
  return authenticateClient(t.provider.context, request, parseParams(new URLSearchParams(body)), {
    endpoint: 'token',
  });
}

describe('pyOP TestVerifyClientAuthentication', () => {
  let t: TestProvider;
  beforeEach(async () => {
    t = await createTestProvider({ empty: true });
    await putClient(
      t.stores,
      'client1',
      { token_endpoint_auth_method: 'client_secret_post' },
      SECRET,
    );
  });

  async function setMethod(method: string | undefined, secret = true) {
    const client = (await t.stores.clients.get('client1'))!;
    const metadata = { ...client.metadata } as Record<string, unknown>;
    if (method === undefined) delete metadata.token_endpoint_auth_method;
    else metadata.token_endpoint_auth_method = method;
    await t.stores.clients.update({
      ...client,
      metadata: metadata as typeof client.metadata,
      ...(secret ? {} : { clientSecretHash: undefined }),
    });
  }

  it('rejects a Basic header for a client_secret_post client', async () => {
    await expect(authenticate(t, {}, BASIC)).rejects.toBeInstanceOf(InvalidClientAuthentication);
  });

  it('defaults the registered method to client_secret_basic', async () => {
    await setMethod(undefined);
    expect((await authenticate(t, {}, BASIC)).clientId).toBe('client1');
  });

  it('authenticates client_secret_post', async () => {
    expect((await authenticate(t, { client_id: 'client1', client_secret: SECRET })).clientId).toBe(
      'client1',
    );
  });

  it('authenticates client_secret_basic', async () => {
    await setMethod('client_secret_basic');
    expect((await authenticate(t, {}, BASIC)).clientId).toBe('client1');
  });

  it('rejects an unknown client id', async () => {
    await expect(
      authenticate(t, { client_id: 'unknown', client_secret: SECRET }),
    ).rejects.toBeInstanceOf(InvalidClientAuthentication);
  });

  it('rejects a wrong client secret', async () => {
    await expect(
      authenticate(t, { client_id: 'client1', client_secret: 'foobar' }),
    ).rejects.toBeInstanceOf(InvalidClientAuthentication);
  });

  it('lets a public client authenticate with client_id only', async () => {
    await setMethod('none', false);
    expect((await authenticate(t, { client_id: 'client1' })).clientId).toBe('client1');
  });

  it('rejects an unknown authorization scheme', async () => {
    await setMethod('client_secret_basic');
    await expect(authenticate(t, {}, BASIC.replace('Basic', 'invalid'))).rejects.toBeInstanceOf(
      InvalidClientAuthentication,
    );
  });

  it('rejects Basic credentials that do not decode to id:secret', async () => {
    await setMethod('client_secret_basic');
    await expect(authenticate(t, {}, 'Basic invalid')).rejects.toBeInstanceOf(
      InvalidClientAuthentication,
    );
  });
});
