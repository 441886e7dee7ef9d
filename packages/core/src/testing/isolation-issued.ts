/**
 * Two-tenant isolation cases for clients, users, grants, codes and tokens. Each case acts in
 * tenant B with exactly the ids and hashes seeded in tenant A and checks what B observes; the
 * runner then checks that A's whole graph is unchanged. Destructive cases act twice: on an
 * empty B (nothing to find), then after seeding B with the same ids (B's own rows change, A's
 * must not: this catches a cascade or update that forgets the tenant condition).
 */
import assert from 'node:assert/strict';
import { assertOutcome, assertSameRecord } from './assertions.js';
import {
  SAMPLE_NOW,
  sampleAccessToken,
  sampleClient,
  sampleCode,
  sampleGrant,
  sampleRefreshToken,
  sampleUser,
} from './builders.js';
import type { ContractTenant } from './context.js';
import { type Graph, seedGraph } from './graph.js';

/** One isolation test: a sentence and what tenant B does. */
export interface IsolationCase {
  name: string;
  actInTenantB(b: ContractTenant, a: Graph): Promise<void>;
}

/** Isolation of clients, users, grants, codes, access and refresh tokens. */
export const ISSUED_ISOLATION_CASES: IsolationCase[] = [
  {
    name: 'clients.get in B does not see A client',
    async actInTenantB(b, a) {
      assert.equal(await b.stores.clients.get(a.client.clientId), undefined);
    },
  },
  {
    name: 'clients.create in B succeeds for an id taken in A and changes nothing in A',
    async actInTenantB(b, a) {
      const own = sampleClient({ clientId: a.client.clientId, clientSecretHash: 'b-secret' });
      assert.equal(await b.stores.clients.create(own), true);
      assertSameRecord(await b.stores.clients.get(own.clientId), own);
    },
  },
  {
    name: 'clients.update in B cannot update A client',
    async actInTenantB(b, a) {
      const hijack = { ...a.client, metadata: { ...a.client.metadata, redirect_uris: ['x:'] } };
      assert.equal(await b.stores.clients.update(hijack), false);
      await seedGraph(b, a);
      assert.equal(await b.stores.clients.update(hijack), true);
    },
  },
  {
    name: 'clients.delete in B cannot delete A client or anything issued to it',
    async actInTenantB(b, a) {
      assert.equal(await b.stores.clients.delete(a.client.clientId), false);
      await seedGraph(b, a);
      assert.equal(await b.stores.clients.delete(a.client.clientId), true);
    },
  },
  {
    name: 'users.get in B does not see A user, and a B user of the same id stays in B',
    async actInTenantB(b, a) {
      assert.equal(await b.stores.users.get(a.user.id), undefined);
      const own = sampleUser({ id: a.user.id, claims: { email: 'b@example.com' } });
      await b.putUser(own);
      assertSameRecord(await b.stores.users.get(a.user.id), own);
    },
  },
  {
    name: 'grants.create in B with A grant id changes nothing in A',
    async actInTenantB(b, a) {
      const own = sampleGrant({ id: a.grant.id, scope: 'openid' });
      await b.stores.grants.create(own);
      assertSameRecord(await b.stores.grants.get(a.grant.id), own);
    },
  },
  {
    name: 'grants.get in B does not see A grant',
    async actInTenantB(b, a) {
      assert.equal(await b.stores.grants.get(a.grant.id), undefined);
    },
  },
  {
    name: 'grants.revoke in B cannot revoke A grant or its codes and tokens',
    async actInTenantB(b, a) {
      assert.equal(await b.stores.grants.revoke(a.grant.id), false);
      await seedGraph(b, a);
      assert.equal(await b.stores.grants.revoke(a.grant.id), true);
    },
  },
  {
    name: 'grants.revokeBySubject in B revokes none of A grants',
    async actInTenantB(b, a) {
      assert.equal(await b.stores.grants.revokeBySubject(a.grant.sub!), 0);
      await seedGraph(b, a);
      assert.equal(await b.stores.grants.revokeBySubject(a.grant.sub!), 1);
    },
  },
  {
    name: 'grants.revokeBySession in B revokes none of A grants',
    async actInTenantB(b, a) {
      assert.deepEqual(await b.stores.grants.revokeBySession(a.grant.sid!), []);
      await seedGraph(b, a);
      assert.equal((await b.stores.grants.revokeBySession(a.grant.sid!)).length, 1);
    },
  },
  {
    name: 'codes.create in B with A code hash changes nothing in A',
    async actInTenantB(b, a) {
      const own = sampleCode({ hash: a.code.hash, redirectUri: 'https://b.example/cb' });
      await b.stores.codes.create(own);
      const record = assertOutcome(await b.stores.codes.consume(own.hash, SAMPLE_NOW), 'consumed');
      assertSameRecord(record, { ...own, consumedAt: SAMPLE_NOW });
    },
  },
  {
    name: 'codes.consume in B cannot consume A code',
    async actInTenantB(b, a) {
      assert.equal((await b.stores.codes.consume(a.code.hash, SAMPLE_NOW)).outcome, 'not_found');
      await seedGraph(b, a);
      assertOutcome(await b.stores.codes.consume(a.code.hash, SAMPLE_NOW), 'consumed');
    },
  },
  {
    name: 'accessTokens.create in B with A token hash changes nothing in A',
    async actInTenantB(b, a) {
      const own = sampleAccessToken({ hash: a.accessToken.hash, scope: 'openid' });
      await b.stores.accessTokens.create(own);
      assertSameRecord(await b.stores.accessTokens.find(own.hash), own);
    },
  },
  {
    name: 'accessTokens.find in B does not see A tokens',
    async actInTenantB(b, a) {
      assert.equal(await b.stores.accessTokens.find(a.accessToken.hash), undefined);
      assert.equal(await b.stores.accessTokens.find(a.clientToken.hash), undefined);
    },
  },
  {
    name: 'accessTokens.revoke in B cannot revoke A token',
    async actInTenantB(b, a) {
      assert.equal(await b.stores.accessTokens.revoke(a.accessToken.hash), false);
      await seedGraph(b, a);
      assert.equal(await b.stores.accessTokens.revoke(a.accessToken.hash), true);
    },
  },
  {
    name: 'refreshTokens.create in B with A token hash changes nothing in A',
    async actInTenantB(b, a) {
      const own = sampleRefreshToken({ hash: a.refreshToken.hash, scope: 'openid' });
      await b.stores.refreshTokens.create(own);
      assertSameRecord(await b.stores.refreshTokens.find(own.hash), own);
    },
  },
  {
    name: 'refreshTokens.find in B does not see A token',
    async actInTenantB(b, a) {
      assert.equal(await b.stores.refreshTokens.find(a.refreshToken.hash), undefined);
    },
  },
  {
    name: 'refreshTokens.consume in B cannot consume A token',
    async actInTenantB(b, a) {
      const result = await b.stores.refreshTokens.consume(a.refreshToken.hash, SAMPLE_NOW);
      assert.equal(result.outcome, 'not_found');
      await seedGraph(b, a);
      assertOutcome(
        await b.stores.refreshTokens.consume(a.refreshToken.hash, SAMPLE_NOW),
        'consumed',
      );
    },
  },
  {
    name: 'refreshTokens.revoke in B cannot revoke A token',
    async actInTenantB(b, a) {
      assert.equal(await b.stores.refreshTokens.revoke(a.refreshToken.hash), false);
      await seedGraph(b, a);
      assert.equal(await b.stores.refreshTokens.revoke(a.refreshToken.hash), true);
    },
  },
];
