import * as client from 'openid-client';
import { beforeAll, describe, expect, it } from 'vitest';
import { databases } from '../support/e2e-databases';
import { createTenant } from '../support/fixtures';
import { useOp } from '../support/op-harness';
import { CALLBACK, INSECURE, POST_LOGOUT, registerClient } from '../support/relying-party';

describe.each(databases())(
  'Dynamic Client Registration (OIDC Registration 1.0, RFC 7592) on $name',
  (kind) => {
    const op = useOp(kind);
    let issuer: string;

    beforeAll(async () => {
      const tenant = await createTenant(op.db);
      issuer = op.server.issuer(tenant.slug);
    });

    it('registers a confidential client and returns its id, secret and registration access', async () => {
      const config = await registerClient(issuer, { client_name: 'Registered RP' });
      const registered = config.clientMetadata();
      expect(registered.client_id).toEqual(expect.any(String));
      expect(registered.client_secret).toEqual(expect.any(String));
      expect(registered.redirect_uris).toEqual([CALLBACK]);
      expect(registered.post_logout_redirect_uris).toEqual([POST_LOGOUT]);
      expect(registered.token_endpoint_auth_method).toBe('client_secret_basic');
      expect(registered.client_name).toBe('Registered RP');
      expect(registered.registration_access_token).toEqual(expect.any(String));
      expect(registered.registration_client_uri).toBe(`${issuer}/register/${registered.client_id}`);
    });

    it('reads the client back with its registration access token (RFC 7592 2.1)', async () => {
      const registered = (await registerClient(issuer)).clientMetadata();
      const response = await fetch(registered.registration_client_uri as string, {
        headers: { authorization: `Bearer ${registered.registration_access_token}` },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toContain('no-store');
      const read = (await response.json()) as Record<string, unknown>;
      expect(read.client_id).toBe(registered.client_id);
      expect(read.redirect_uris).toEqual([CALLBACK]);
    });

    it('refuses to read a client without or with a wrong registration access token', async () => {
      const registered = (await registerClient(issuer)).clientMetadata();
      const uri = registered.registration_client_uri as string;
      const without = await fetch(uri);
      expect(without.status).toBe(401);
      const wrong = await fetch(uri, { headers: { authorization: 'Bearer not-the-token' } });
      expect(wrong.status).toBe(401);
      expect(wrong.headers.get('www-authenticate')).toMatch(/invalid_token/);
    });

    it('does not let one client read another with its own registration access token', async () => {
      const first = (await registerClient(issuer)).clientMetadata();
      const second = (await registerClient(issuer)).clientMetadata();
      const response = await fetch(first.registration_client_uri as string, {
        headers: { authorization: `Bearer ${second.registration_access_token}` },
      });
      expect(response.status).toBe(401);
    });

    it('rejects a redirect URI with a fragment as invalid_redirect_uri (400)', async () => {
      const error = await client
        .dynamicClientRegistration(
          new URL(issuer),
          { redirect_uris: [`${CALLBACK}#fragment`] },
          client.None(),
          INSECURE,
        )
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(client.ResponseBodyError);
      expect((error as client.ResponseBodyError).error).toBe('invalid_redirect_uri');
      expect((error as client.ResponseBodyError).status).toBe(400);
    });

    it('rejects a plain http redirect URI for a web client as invalid_redirect_uri', async () => {
      const response = await fetch(`${issuer}/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ redirect_uris: ['http://rp.example.test/cb'] }),
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: 'invalid_redirect_uri' });
    });
  },
);
