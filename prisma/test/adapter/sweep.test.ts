import {
  sampleAccessToken,
  sampleCode,
  sampleInteraction,
  sampleSession,
} from '@tessera/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenantStores, startSweeper, sweepExpired } from '../../src/adapter/index.js';
import type { TestDatabase } from '../support/databases.js';
import { tenantRows, testSecretBox } from '../support/tenants.js';
import { providers } from './providers.js';

const NOW = 1_900_000_000;

for (const provider of providers) {
  describe.skipIf(provider.skip)(`sweeping expired rows on ${provider.name}`, () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await provider.open();
    });
    afterAll(async () => {
      await database?.close();
    });

    /** Fresh tenants with `expired` expired and `live` live rows of every swept kind. */
    async function seed(tenantIds: string[], expired: number, live: number) {
      const ensureTenant = tenantRows(database.db);
      for (const tenantId of tenantIds) {
        await ensureTenant(tenantId);
        const stores = createTenantStores(database.db, tenantId, { secretBox: testSecretBox });
        for (let i = 0; i < expired + live; i++) {
          const expiresAt = i < expired ? NOW - 1 : NOW + 60;
          const session = sampleSession({ expiresAt });
          await stores.codes.create(sampleCode({ expiresAt }));
          await stores.accessTokens.create(sampleAccessToken({ expiresAt }));
          await stores.sessions.create(session);
          await stores.interactions.create(sampleInteraction({ expiresAt }));
          await stores.replay.add(`jti-${tenantId}-${i}`, expiresAt);
          await database.db.loginFailure.create({
            data: {
              tenantId,
              id: `failure-${i}`,
              accountKey: 'login:someone',
              address: '192.0.2.1',
              at: new Date((expiresAt - 900) * 1000),
              expiresAt: new Date(expiresAt * 1000),
            },
          });
          await database.db.initialAccessToken.create({
            data: {
              tenantId,
              id: `iat-${i}`,
              hash: `iat-hash-${i}`,
              expiresAt: new Date(expiresAt * 1000),
            },
          });
        }
        // Without an expiry: never swept.
        await database.db.initialAccessToken.create({
          data: { tenantId, id: 'iat-forever', hash: 'iat-hash-forever', expiresAt: null },
        });
      }
    }

    it('deletes exactly the expired rows of every tenant, batch by batch, and counts them', async () => {
      const tenants = [`sweep-a-${Date.now()}`, `sweep-b-${Date.now()}`];
      await seed(tenants, 7, 3);
      const counts = await sweepExpired(database.db, { now: NOW, batchSize: 3 });
      expect(counts).toEqual({
        codes: 14,
        accessTokens: 14,
        sessions: 14,
        interactions: 14,
        replayEntries: 14,
        loginFailures: 14,
        initialAccessTokens: 14,
        activityCounts: 0,
      });
      const { db } = database;
      const inTenants = { tenantId: { in: tenants } };
      expect(await db.authorizationCode.count({ where: inTenants })).toBe(6);
      expect(await db.accessToken.count({ where: inTenants })).toBe(6);
      expect(await db.session.count({ where: inTenants })).toBe(6);
      expect(await db.interaction.count({ where: inTenants })).toBe(6);
      expect(await db.replayEntry.count({ where: inTenants })).toBe(6);
      expect(await db.loginFailure.count({ where: inTenants })).toBe(6);
      expect(await db.initialAccessToken.count({ where: inTenants })).toBe(8);
      // The swept sessions' clients went with them; the live ones' stay.
      const liveSessions = (await db.session.findMany({ where: inTenants })).map((s) => s.id);
      const clients = await db.sessionClient.findMany({ where: inTenants });
      expect(clients.length).toBeGreaterThan(0);
      expect(clients.every((row) => liveSessions.includes(row.sessionId))).toBe(true);
      // Nothing is left to sweep at the same instant.
      expect(await sweepExpired(database.db, { now: NOW, batchSize: 3 })).toEqual({
        codes: 0,
        accessTokens: 0,
        sessions: 0,
        interactions: 0,
        replayEntries: 0,
        loginFailures: 0,
        initialAccessTokens: 0,
        activityCounts: 0,
      });
    });

    it('bounds one sweep by maxBatches; the next sweep continues', async () => {
      await seed([`sweep-c-${Date.now()}`], 5, 0);
      const first = await sweepExpired(database.db, { now: NOW, batchSize: 2, maxBatches: 1 });
      expect(first.codes).toBe(2);
      const second = await sweepExpired(database.db, { now: NOW, batchSize: 2 });
      expect(second.codes).toBe(3);
    });

    it('keeps a rotated refresh token and its grant (reuse detection outlives access tokens)', async () => {
      const tenantId = `sweep-d-${Date.now()}`;
      await tenantRows(database.db)(tenantId);
      const stores = createTenantStores(database.db, tenantId, { secretBox: testSecretBox });
      await stores.refreshTokens.create({
        hash: 'rt',
        grantId: 'g',
        clientId: 'c',
        scope: 'openid',
        issuedAt: NOW - 100,
        expiresAt: NOW - 1,
        consumedAt: NOW - 50,
      });
      await sweepExpired(database.db, { now: NOW });
      expect(await stores.refreshTokens.find('rt')).toBeDefined();
    });

    it('startSweeper sweeps on its clock, reports counts and stops on close', async () => {
      await seed([`sweep-e-${Date.now()}`], 2, 1);
      const swept: number[] = [];
      const sweeper = startSweeper({
        db: database.db,
        intervalMs: 20,
        clock: () => NOW,
        onSwept: (counts) => swept.push(counts.codes),
      });
      await expect.poll(() => swept.length, { timeout: 5_000 }).toBeGreaterThan(0);
      await sweeper.close();
      const after = swept.length;
      await new Promise((resolve) => setTimeout(resolve, 80));
      expect(swept.length).toBe(after);
      expect(swept[0]).toBe(2);
    });
  });
}
