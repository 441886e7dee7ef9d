/** Contract: ClientStore and UserStore. */
import assert from 'node:assert/strict';
import type { ClientRecord } from '../types.js';
import { assertSameRecord } from './assertions.js';
import { SAMPLE_NOW, sampleClient, sampleUser } from './builders.js';
import type { ContractContext } from './context.js';
import { randomId } from './context.js';
import { buildGraph, seedGraph } from './graph.js';

/** A public client with no optional field set. */
function minimalClient(): ClientRecord {
  return {
    clientId: randomId('client'),
    metadata: {
      redirect_uris: ['https://rp.example.com/cb'],
      response_types: ['code'],
      grant_types: ['authorization_code'],
      application_type: 'native',
      token_endpoint_auth_method: 'none',
      id_token_signed_response_alg: 'RS256',
    },
    issuedAt: SAMPLE_NOW,
    secretExpiresAt: 0,
  };
}

/** Registers the ClientStore and UserStore behaviour tests. */
export function describeClients({ api, tenant }: ContractContext): void {
  const { describe, it } = api;
  describe('clients', () => {
    it('returns undefined for an unknown client id', async () => {
      assert.equal(await tenant().stores.clients.get(randomId('client')), undefined);
    });

    it('reads back a created client with every field, metadata extensions included', async () => {
      const { clients } = tenant().stores;
      const client = sampleClient();
      assert.equal(await clients.create(client), true);
      assertSameRecord(await clients.get(client.clientId), client);
    });

    it('reads back a client without optional fields as without them', async () => {
      const { clients } = tenant().stores;
      const client = minimalClient();
      assert.equal(await clients.create(client), true);
      assertSameRecord(await clients.get(client.clientId), client);
    });

    it('refuses to create a client whose id is taken and keeps the first one', async () => {
      const { clients } = tenant().stores;
      const first = sampleClient();
      await clients.create(first);
      const second = sampleClient({ clientId: first.clientId, clientSecretHash: 'other' });
      assert.equal(await clients.create(second), false);
      assertSameRecord(await clients.get(first.clientId), first);
    });

    it('replaces the whole record on update, dropping fields the new record lacks', async () => {
      const { clients } = tenant().stores;
      const client = sampleClient();
      await clients.create(client);
      const replacement = { ...minimalClient(), clientId: client.clientId, secretExpiresAt: 9 };
      assert.equal(await clients.update(replacement), true);
      assertSameRecord(await clients.get(client.clientId), replacement);
    });

    it('returns false when updating an unknown client and does not create it', async () => {
      const { clients } = tenant().stores;
      const client = sampleClient();
      assert.equal(await clients.update(client), false);
      assert.equal(await clients.get(client.clientId), undefined);
    });

    it('deletes a client once: true, then false, and it is gone', async () => {
      const { clients } = tenant().stores;
      const client = sampleClient();
      await clients.create(client);
      assert.equal(await clients.delete(client.clientId), true);
      assert.equal(await clients.get(client.clientId), undefined);
      assert.equal(await clients.delete(client.clientId), false);
    });

    it('returns false when deleting an unknown client', async () => {
      assert.equal(await tenant().stores.clients.delete(randomId('client')), false);
    });

    it('deleting a client removes its grants, codes, tokens and consents', async () => {
      const current = tenant();
      const { stores } = current;
      const graph = buildGraph();
      await seedGraph(current, graph);
      assert.equal(await stores.clients.delete(graph.client.clientId), true);
      assert.equal(await stores.grants.get(graph.grant.id), undefined);
      assert.equal((await stores.codes.consume(graph.code.hash, SAMPLE_NOW)).outcome, 'not_found');
      assert.equal(await stores.accessTokens.find(graph.accessToken.hash), undefined);
      assert.equal(await stores.accessTokens.find(graph.clientToken.hash), undefined);
      assert.equal(await stores.refreshTokens.find(graph.refreshToken.hash), undefined);
      assert.equal(
        await stores.consents.get(graph.consent.userId, graph.client.clientId),
        undefined,
      );
    });

    it('deleting a client leaves the grants, tokens and consents of other clients alone', async () => {
      const current = tenant();
      const kept = buildGraph();
      await seedGraph(current, kept);
      const doomed = sampleClient();
      await current.stores.clients.create(doomed);
      assert.equal(await current.stores.clients.delete(doomed.clientId), true);
      const { stores } = current;
      assertSameRecord(await stores.grants.get(kept.grant.id), kept.grant);
      assertSameRecord(await stores.accessTokens.find(kept.accessToken.hash), kept.accessToken);
      assertSameRecord(await stores.accessTokens.find(kept.clientToken.hash), kept.clientToken);
      assertSameRecord(await stores.refreshTokens.find(kept.refreshToken.hash), kept.refreshToken);
      assertSameRecord(await stores.consents.get(kept.user.id, kept.client.clientId), kept.consent);
      assert.equal((await stores.codes.consume(kept.code.hash, SAMPLE_NOW)).outcome, 'consumed');
    });

    it('returns copies: mutating a returned or a written client changes nothing stored', async () => {
      const { clients } = tenant().stores;
      const client = sampleClient();
      const written = structuredClone(client);
      await clients.create(written);
      written.metadata.redirect_uris.push('https://evil.example/cb');
      const read = await clients.get(client.clientId);
      read!.metadata.redirect_uris.push('https://evil.example/cb');
      read!.clientSecretHash = 'tampered';
      assertSameRecord(await clients.get(client.clientId), client);
    });
  });

  describe('users', () => {
    it('returns undefined for an unknown user id', async () => {
      assert.equal(await tenant().stores.users.get(randomId('user')), undefined);
    });

    it('reads back a user with nested claims and the disabled flag', async () => {
      const current = tenant();
      const user = sampleUser({ disabled: true });
      await current.putUser(user);
      assertSameRecord(await current.stores.users.get(user.id), user);
    });

    it('reads back a user without the disabled flag as without it', async () => {
      const current = tenant();
      const user = { id: randomId('user'), claims: {} };
      await current.putUser(user);
      assertSameRecord(await current.stores.users.get(user.id), user);
    });

    it('returns copies: mutating a returned user changes nothing stored', async () => {
      const current = tenant();
      const user = sampleUser();
      await current.putUser(user);
      const read = await current.stores.users.get(user.id);
      (read!.claims.address as Record<string, unknown>).country = 'XX';
      read!.claims.email = 'mallory@example.com';
      assertSameRecord(await current.stores.users.get(user.id), user);
    });
  });
}
