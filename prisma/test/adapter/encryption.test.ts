import { sampleClient, sampleKey } from '@tessera/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenantStores } from '../../src/adapter/index.js';
import type { TestDatabase } from '../support/databases.js';
import { tenantRows, testSecretBox } from '../support/tenants.js';
import { providers } from './providers.js';

for (const provider of providers) {
  describe.skipIf(provider.skip)(`secrets at rest on ${provider.name}`, () => {
    let database: TestDatabase;
    const [tenantA, tenantB] = [`enc-a-${Date.now()}`, `enc-b-${Date.now()}`];
    const storesOf = (tenantId: string) =>
      createTenantStores(database.db, tenantId, { secretBox: testSecretBox });

    beforeAll(async () => {
      database = await provider.open();
      const ensureTenant = tenantRows(database.db);
      await ensureTenant(tenantA);
      await ensureTenant(tenantB);
    });
    afterAll(async () => {
      await database?.close();
    });

    it('stores a private signing key only encrypted, and a row copied to another tenant fails to decrypt', async () => {
      const key = await sampleKey();
      await storesOf(tenantA).keys.create(key);
      const row = await database.db.signingKey.findFirstOrThrow({
        where: { tenantId: tenantA, kid: key.kid },
      });
      const privateJwk = key.privateJwk as { d?: string };
      expect(privateJwk.d).toBeTruthy();
      expect(row.privateJwkEncrypted).not.toContain(privateJwk.d);
      expect(row.privateJwkEncrypted).not.toContain('"kty"');
      expect((await storesOf(tenantA).keys.list())[0]?.privateJwk).toEqual(key.privateJwk);

      await database.db.signingKey.create({
        data: { ...row, tenantId: tenantB, publicJwk: row.publicJwk as object },
      });
      await expect(storesOf(tenantB).keys.list()).rejects.toThrow();
    });

    it('stores a clear client secret (client_secret_jwt) only encrypted, bound to tenant and client', async () => {
      const client = sampleClient({ clientSecret: 'a-shared-hmac-secret-of-some-length' });
      await storesOf(tenantA).clients.create(client);
      const row = await database.db.client.findFirstOrThrow({
        where: { tenantId: tenantA, clientId: client.clientId },
      });
      expect(row.clientSecretEncrypted).toBeTruthy();
      expect(row.clientSecretEncrypted).not.toContain(client.clientSecret);
      expect(JSON.stringify(row.metadata)).not.toContain(client.clientSecret);
      expect((await storesOf(tenantA).clients.get(client.clientId))?.clientSecret).toBe(
        client.clientSecret,
      );

      await database.db.client.create({
        data: { ...row, tenantId: tenantB, metadata: row.metadata as object },
      });
      await expect(storesOf(tenantB).clients.get(client.clientId)).rejects.toThrow();
      // Moved to another client id within the tenant: also refused.
      await database.db.client.create({
        data: { ...row, clientId: 'other-client', metadata: row.metadata as object },
      });
      await expect(storesOf(tenantA).clients.get('other-client')).rejects.toThrow();
    });
  });
}
