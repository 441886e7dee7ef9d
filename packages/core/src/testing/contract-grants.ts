/** Contract: GrantStore, including revocation of everything issued from a grant. */
import assert from 'node:assert/strict';
import type { GrantRecord, TenantStores } from '../storage/ports.js';
import { assertSameRecord } from './assertions.js';
import { SAMPLE_NOW, sampleGrant } from './builders.js';
import type { ContractContext } from './context.js';
import { randomId } from './context.js';
import { buildGraph, type Graph, seedGraph } from './graph.js';

/** Asserts that no code or token of the graph's grant can be used any more (RFC 6749 10.5). */
async function assertGrantUnusable(stores: TenantStores, graph: Graph): Promise<void> {
  assert.equal(await stores.grants.get(graph.grant.id), undefined);
  assert.equal((await stores.codes.consume(graph.code.hash, SAMPLE_NOW)).outcome, 'not_found');
  assert.equal(await stores.accessTokens.find(graph.accessToken.hash), undefined);
  assert.equal(await stores.refreshTokens.find(graph.refreshToken.hash), undefined);
  const refresh = await stores.refreshTokens.consume(graph.refreshToken.hash, SAMPLE_NOW);
  assert.equal(refresh.outcome, 'not_found');
}

/** Asserts that the graph's grant and everything issued from it are untouched. */
async function assertGrantUsable(stores: TenantStores, graph: Graph): Promise<void> {
  assertSameRecord(await stores.grants.get(graph.grant.id), graph.grant);
  assertSameRecord(await stores.accessTokens.find(graph.accessToken.hash), graph.accessToken);
  assertSameRecord(await stores.refreshTokens.find(graph.refreshToken.hash), graph.refreshToken);
  assert.equal((await stores.codes.consume(graph.code.hash, SAMPLE_NOW)).outcome, 'consumed');
}

/** Registers the GrantStore behaviour tests. */
export function describeGrants({ api, tenant }: ContractContext): void {
  const { describe, it } = api;
  describe('grants', () => {
    it('reads back a grant with claims request, amr and extra ID-token claims', async () => {
      const { grants } = tenant().stores;
      const grant = sampleGrant();
      await grants.create(grant);
      assertSameRecord(await grants.get(grant.id), grant);
    });

    it('reads back a grant without optional fields as without them', async () => {
      const { grants } = tenant().stores;
      const grant: GrantRecord = {
        id: randomId('grant'),
        clientId: randomId('client'),
        scope: 'api',
        issuedAt: SAMPLE_NOW,
      };
      await grants.create(grant);
      assertSameRecord(await grants.get(grant.id), grant);
    });

    it('returns undefined for an unknown grant id', async () => {
      assert.equal(await tenant().stores.grants.get(randomId('grant')), undefined);
    });

    it('returns copies: mutating a returned grant changes nothing stored', async () => {
      const { grants } = tenant().stores;
      const grant = sampleGrant();
      await grants.create(structuredClone(grant));
      const read = await grants.get(grant.id);
      read!.amr!.push('tampered');
      read!.claims!.userinfo!.email = null;
      read!.scope = 'admin';
      assertSameRecord(await grants.get(grant.id), grant);
    });

    it('revokes a grant once: true, then false', async () => {
      const { grants } = tenant().stores;
      const grant = sampleGrant();
      await grants.create(grant);
      assert.equal(await grants.revoke(grant.id), true);
      assert.equal(await grants.get(grant.id), undefined);
      assert.equal(await grants.revoke(grant.id), false);
    });

    it('returns false when revoking an unknown grant', async () => {
      assert.equal(await tenant().stores.grants.revoke(randomId('grant')), false);
    });

    it('revoking a grant makes its code, access token and refresh token unusable', async () => {
      const current = tenant();
      const graph = buildGraph();
      await seedGraph(current, graph);
      assert.equal(await current.stores.grants.revoke(graph.grant.id), true);
      await assertGrantUnusable(current.stores, graph);
    });

    it('revoking a grant leaves other grants and grantless client tokens alone', async () => {
      const current = tenant();
      const revoked = buildGraph();
      const kept = buildGraph();
      await seedGraph(current, revoked);
      await seedGraph(current, kept);
      await current.stores.grants.revoke(revoked.grant.id);
      await assertGrantUsable(current.stores, kept);
      const { clientToken } = revoked;
      assertSameRecord(await current.stores.accessTokens.find(clientToken.hash), clientToken);
    });

    it('revokes every grant of a subject, counts them, and spares other subjects', async () => {
      const current = tenant();
      const first = buildGraph();
      const sub = first.grant.sub!;
      const second = sampleGrant({ sub });
      const other = buildGraph();
      await seedGraph(current, first);
      await seedGraph(current, other);
      await current.stores.grants.create(second);
      assert.equal(await current.stores.grants.revokeBySubject(sub), 2);
      await assertGrantUnusable(current.stores, first);
      assert.equal(await current.stores.grants.get(second.id), undefined);
      await assertGrantUsable(current.stores, other);
      assert.equal(await current.stores.grants.revokeBySubject(sub), 0);
    });

    it('revokes every grant of a session, returns them in full, and spares other sessions', async () => {
      const current = tenant();
      const first = buildGraph();
      const sid = first.grant.sid!;
      const second = sampleGrant({ sid });
      const other = buildGraph();
      await seedGraph(current, first);
      await seedGraph(current, other);
      await current.stores.grants.create(second);
      const revoked = await current.stores.grants.revokeBySession(sid);
      const byId = (a: GrantRecord, b: GrantRecord) => a.id.localeCompare(b.id);
      assertSameRecord([...revoked].sort(byId), [first.grant, second].sort(byId));
      await assertGrantUnusable(current.stores, first);
      assert.equal(await current.stores.grants.get(second.id), undefined);
      await assertGrantUsable(current.stores, other);
      assert.deepEqual(await current.stores.grants.revokeBySession(sid), []);
    });
  });
}
