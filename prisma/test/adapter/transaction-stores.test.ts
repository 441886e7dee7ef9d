import { sampleClient } from '@tessera/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenantStores, createTransactionStores } from '../../src/adapter/index.js';
import type { TestDatabase } from '../support/databases.js';
import { tenantRows, testSecretBox } from '../support/tenants.js';
import { providers } from './providers.js';

/** Thrown to roll a transaction back on purpose. */
class Rollback extends Error {}

for (const provider of providers) {
  describe.skipIf(provider.skip)(
    `stores inside the caller's transaction on ${provider.name}`,
    () => {
      let database: TestDatabase;
      const tenantId = `tx-${Date.now()}`;
      const options = { secretBox: testSecretBox };
      const now = Math.floor(Date.now() / 1000);

      beforeAll(async () => {
        database = await provider.open();
        await tenantRows(database.db)(tenantId);
      });
      afterAll(async () => {
        await database?.close();
      });

      async function clientWithToken(clientId: string): Promise<void> {
        const stores = createTenantStores(database.db, tenantId, options);
        await stores.clients.create(sampleClient({ clientId }));
        await stores.accessTokens.create({
          hash: `hash-${clientId}`,
          clientId,
          scope: '',
          issuedAt: now,
          expiresAt: now + 600,
        });
      }
      const tokensOf = (clientId: string) =>
        database.db.accessToken.count({ where: { tenantId, clientId } });

      it('deletes a client with its tokens as part of the transaction, and rolls back with it', async () => {
        await clientWithToken('rolled-back');
        await expect(
          database.db.$transaction(async (tx) => {
            expect(
              await createTransactionStores(tx, tenantId, options).clients.delete('rolled-back'),
            ).toBe(true);
            throw new Rollback();
          }),
        ).rejects.toBeInstanceOf(Rollback);
        expect(
          await createTenantStores(database.db, tenantId, options).clients.get('rolled-back'),
        ).toBeDefined();
        expect(await tokensOf('rolled-back')).toBe(1);

        await database.db.$transaction(async (tx) => {
          await createTransactionStores(tx, tenantId, options).clients.delete('rolled-back');
        });
        expect(
          await createTenantStores(database.db, tenantId, options).clients.get('rolled-back'),
        ).toBeUndefined();
        expect(await tokensOf('rolled-back')).toBe(0);
      });

      it('ends a session and revokes its grants inside the transaction', async () => {
        const stores = createTenantStores(database.db, tenantId, options);
        await stores.sessions.create({
          id: 'sid-1',
          tokenHash: 'cookie-hash-1',
          userId: 'user-1',
          authTime: now,
          clientIds: ['a', 'b'],
          createdAt: now,
          expiresAt: now + 3600,
        });
        await stores.grants.create({
          id: 'grant-1',
          clientId: 'a',
          scope: 'openid',
          sid: 'sid-1',
          issuedAt: now,
        });
        const ended = await database.db.$transaction(async (tx) => {
          const inTx = createTransactionStores(tx, tenantId, options);
          const session = await inTx.sessions.delete('sid-1');
          const grants = await inTx.grants.revokeBySession('sid-1');
          return { session, grants };
        });
        expect(ended.session?.clientIds).toEqual(['a', 'b']);
        expect(ended.grants.map((g) => g.id)).toEqual(['grant-1']);
        expect(await stores.sessions.get('sid-1')).toBeUndefined();
        expect(await stores.grants.get('grant-1')).toBeUndefined();
      });
    },
  );
}
