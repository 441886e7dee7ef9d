/**
 * Two-tenant isolation cases for subjects, sessions, interactions, consents, keys and replay
 * keys (see isolation-issued.ts for how a case runs).
 */
import assert from 'node:assert/strict';
import { assertSameRecord } from './assertions.js';
import { sampleConsent, sampleInteraction, sampleKey, sampleSession } from './builders-browser.js';
import { seedGraph } from './graph.js';
import type { IsolationCase } from './isolation-issued.js';

/** Isolation of subjects, sessions, interactions, consents, keys and replay keys. */
export const BROWSER_ISOLATION_CASES: IsolationCase[] = [
  {
    name: 'subjects.remember in B for A subject changes nothing in A',
    async actInTenantB(b, a) {
      await b.stores.subjects.remember('b-user', a.grant.sub!);
      assert.equal(await b.stores.subjects.findUserId(a.grant.sub!), 'b-user');
    },
  },
  {
    name: 'subjects.findUserId in B does not see A subject',
    async actInTenantB(b, a) {
      assert.equal(await b.stores.subjects.findUserId(a.grant.sub!), undefined);
    },
  },
  {
    name: 'sessions.create in B with A session id and cookie hash changes nothing in A',
    async actInTenantB(b, a) {
      const own = sampleSession({ id: a.session.id, tokenHash: a.session.tokenHash });
      await b.stores.sessions.create(own);
      assertSameRecord(await b.stores.sessions.get(own.id), own);
      assertSameRecord(await b.stores.sessions.findByTokenHash(own.tokenHash), own);
    },
  },
  {
    name: 'sessions.get in B does not see A session',
    async actInTenantB(b, a) {
      assert.equal(await b.stores.sessions.get(a.session.id), undefined);
    },
  },
  {
    name: 'sessions.findByTokenHash in B does not see A session',
    async actInTenantB(b, a) {
      assert.equal(await b.stores.sessions.findByTokenHash(a.session.tokenHash), undefined);
    },
  },
  {
    name: 'sessions.addClient in B cannot add a client to A session',
    async actInTenantB(b, a) {
      await b.stores.sessions.addClient(a.session.id, 'b-client');
      assert.equal(await b.stores.sessions.get(a.session.id), undefined);
      await seedGraph(b, a);
      await b.stores.sessions.addClient(a.session.id, 'b-client');
      const clientIds = (await b.stores.sessions.get(a.session.id))?.clientIds;
      assert.deepEqual(clientIds, [...a.session.clientIds, 'b-client']);
    },
  },
  {
    name: 'sessions.delete in B cannot end A session',
    async actInTenantB(b, a) {
      assert.equal(await b.stores.sessions.delete(a.session.id), undefined);
      await seedGraph(b, a);
      assertSameRecord(await b.stores.sessions.delete(a.session.id), a.session);
    },
  },
  {
    name: 'interactions.create in B with A interaction id changes nothing in A',
    async actInTenantB(b, a) {
      const own = sampleInteraction({ id: a.interaction.id, prompt: 'login' });
      await b.stores.interactions.create(own);
      assertSameRecord(await b.stores.interactions.get(own.id), own);
    },
  },
  {
    name: 'interactions.get in B does not see A interaction',
    async actInTenantB(b, a) {
      assert.equal(await b.stores.interactions.get(a.interaction.id), undefined);
    },
  },
  {
    name: 'interactions.update in B cannot update A interaction',
    async actInTenantB(b, a) {
      const hijacked = { ...a.interaction, params: { hijacked: 'yes' } };
      await b.stores.interactions.update(hijacked);
      assert.equal(await b.stores.interactions.get(a.interaction.id), undefined);
      await seedGraph(b, a);
      await b.stores.interactions.update(hijacked);
      assertSameRecord(await b.stores.interactions.get(a.interaction.id), hijacked);
    },
  },
  {
    name: 'interactions.consume in B cannot consume A interaction',
    async actInTenantB(b, a) {
      assert.equal(await b.stores.interactions.consume(a.interaction.id), undefined);
      await seedGraph(b, a);
      assertSameRecord(await b.stores.interactions.consume(a.interaction.id), a.interaction);
    },
  },
  {
    name: 'consents.get in B does not see A consent',
    async actInTenantB(b, a) {
      assert.equal(await b.stores.consents.get(a.consent.userId, a.consent.clientId), undefined);
    },
  },
  {
    name: 'consents.save in B for A user and client changes nothing in A',
    async actInTenantB(b, a) {
      const own = sampleConsent({ ...a.consent, scopes: ['openid', 'admin'] });
      await b.stores.consents.save(own);
      assertSameRecord(await b.stores.consents.get(own.userId, own.clientId), own);
    },
  },
  {
    name: 'consents.revoke in B cannot revoke A consent',
    async actInTenantB(b, a) {
      assert.equal(await b.stores.consents.revoke(a.consent.userId, a.consent.clientId), false);
      await seedGraph(b, a);
      assert.equal(await b.stores.consents.revoke(a.consent.userId, a.consent.clientId), true);
    },
  },
  {
    name: 'keys.list in B does not list A keys',
    async actInTenantB(b) {
      assert.deepEqual(await b.stores.keys.list(), []);
    },
  },
  {
    name: 'keys.create in B with A kid changes nothing in A',
    async actInTenantB(b, a) {
      const own = sampleKey({ kid: a.key.kid, state: 'next' });
      await b.stores.keys.create(own);
      assertSameRecord(await b.stores.keys.list(), [own]);
    },
  },
  {
    name: 'keys.update in B cannot update A key',
    async actInTenantB(b, a) {
      assert.equal(await b.stores.keys.update({ ...a.key, state: 'active' }), false);
      await seedGraph(b, a);
      assert.equal(await b.stores.keys.update({ ...a.key, state: 'active' }), true);
    },
  },
  {
    name: 'keys.delete in B cannot delete A key',
    async actInTenantB(b, a) {
      assert.equal(await b.stores.keys.delete(a.key.kid), false);
      await seedGraph(b, a);
      assert.equal(await b.stores.keys.delete(a.key.kid), true);
    },
  },
  {
    name: 'replay.add in B accepts a key already seen in A, which A still refuses',
    async actInTenantB(b, a) {
      assert.equal(await b.stores.replay.add(a.replayKey, a.code.expiresAt), true);
    },
  },
];
