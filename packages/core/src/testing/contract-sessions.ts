/** Contract: SessionStore and SubjectStore. */
import assert from 'node:assert/strict';
import type { SessionRecord } from '../storage/ports.js';
import { assertSameRecord } from './assertions.js';
import { SAMPLE_NOW } from './builders.js';
import { sampleSession } from './builders-browser.js';
import type { ContractContext } from './context.js';
import { randomId } from './context.js';

/** Registers the SessionStore and SubjectStore behaviour tests. */
export function describeSessions({ api, tenant }: ContractContext): void {
  const { describe, it } = api;
  describe('sessions', () => {
    it('reads back a session with acr, amr and clients, by id and by cookie hash', async () => {
      const { sessions } = tenant().stores;
      const session = sampleSession();
      await sessions.create(session);
      assertSameRecord(await sessions.get(session.id), session);
      assertSameRecord(await sessions.findByTokenHash(session.tokenHash), session);
    });

    it('reads back a session without optional fields as without them', async () => {
      const { sessions } = tenant().stores;
      const session: SessionRecord = {
        id: randomId('session'),
        tokenHash: randomId('cookie-hash'),
        userId: randomId('user'),
        authTime: SAMPLE_NOW,
        clientIds: [],
        createdAt: SAMPLE_NOW,
        expiresAt: SAMPLE_NOW + 60,
      };
      await sessions.create(session);
      assertSameRecord(await sessions.get(session.id), session);
    });

    it('returns undefined for an unknown id or cookie hash', async () => {
      const { sessions } = tenant().stores;
      await sessions.create(sampleSession());
      assert.equal(await sessions.get(randomId('session')), undefined);
      assert.equal(await sessions.findByTokenHash(randomId('cookie-hash')), undefined);
    });

    it('adds a client once, keeping earlier clients in order', async () => {
      const { sessions } = tenant().stores;
      const session = sampleSession();
      await sessions.create(session);
      const added = randomId('client');
      await sessions.addClient(session.id, added);
      await sessions.addClient(session.id, added);
      await sessions.addClient(session.id, session.clientIds[0]!);
      const read = await sessions.get(session.id);
      assert.deepEqual(read?.clientIds, [...session.clientIds, added]);
    });

    it('adding a client to an unknown session does not create one', async () => {
      const { sessions } = tenant().stores;
      const id = randomId('session');
      await sessions.addClient(id, randomId('client'));
      assert.equal(await sessions.get(id), undefined);
    });

    it('deletes a session, returning it, after which neither lookup finds it', async () => {
      const { sessions } = tenant().stores;
      const session = sampleSession();
      await sessions.create(session);
      assertSameRecord(await sessions.delete(session.id), session);
      assert.equal(await sessions.get(session.id), undefined);
      assert.equal(await sessions.findByTokenHash(session.tokenHash), undefined);
      assert.equal(await sessions.delete(session.id), undefined);
    });

    it('returns copies: mutating a returned session changes nothing stored', async () => {
      const { sessions } = tenant().stores;
      const session = sampleSession();
      await sessions.create(structuredClone(session));
      const read = await sessions.get(session.id);
      read!.clientIds.push('tampered');
      read!.amr!.length = 0;
      const byHash = await sessions.findByTokenHash(session.tokenHash);
      byHash!.userId = 'tampered';
      assertSameRecord(await sessions.get(session.id), session);
    });
  });

  describe('subjects', () => {
    it('maps a remembered subject to its user and knows no other subject', async () => {
      const { subjects } = tenant().stores;
      const [userId, sub] = [randomId('user'), randomId('sub')];
      await subjects.remember(userId, sub);
      assert.equal(await subjects.findUserId(sub), userId);
      assert.equal(await subjects.findUserId(randomId('sub')), undefined);
    });

    it('remembers the same pair twice without error', async () => {
      const { subjects } = tenant().stores;
      const [userId, sub] = [randomId('user'), randomId('sub')];
      await subjects.remember(userId, sub);
      await subjects.remember(userId, sub);
      assert.equal(await subjects.findUserId(sub), userId);
    });

    it('keeps many subjects of one user (one per sector)', async () => {
      const { subjects } = tenant().stores;
      const userId = randomId('user');
      const subs = [randomId('sub'), randomId('sub'), randomId('sub')];
      for (const sub of subs) await subjects.remember(userId, sub);
      for (const sub of subs) assert.equal(await subjects.findUserId(sub), userId);
    });
  });
}
