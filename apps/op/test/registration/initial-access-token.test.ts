import { randomBytes, randomUUID } from 'node:crypto';
import { hashToken, silentLogger } from '@tessera/core';
import { createSecretBox, newTenantSettings, type TenantSettings } from '@tessera/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { providerBuilder } from '../../src/tenants/build-provider';
import type { TenantEntry } from '../../src/tenants/tenant-directory';
import { type TestDatabase, testDatabases } from '../support/test-databases';

const NOW = 1_800_000_000;
const ISSUER = 'https://op.test/acme';

function entryOf(id: string, slug: string, settings: TenantSettings): TenantEntry {
  return { id, slug, name: slug, status: 'active', configVersion: 1, settings, domains: [] };
}

for (const database of testDatabases) {
  describe.skipIf(database.skip)(`RFC 7591 3 initial access tokens (${database.name})`, () => {
    let test: TestDatabase;
    let acme: TenantEntry;
    let other: TenantEntry;
    const secretBox = createSecretBox(randomBytes(32));

    async function createTenant(slug: string): Promise<TenantEntry> {
      const settings = newTenantSettings();
      settings.protocol.registration = 'initial_access_token';
      const id = randomUUID();
      await test.db.tenant.create({ data: { id, slug, name: slug, settings } });
      return entryOf(id, slug, settings);
    }

    async function issue(tenantId: string, token: string, expiresAt?: number) {
      await test.db.initialAccessToken.create({
        data: {
          tenantId,
          id: randomUUID(),
          hash: hashToken(token),
          expiresAt: expiresAt === undefined ? null : new Date(expiresAt * 1000),
        },
      });
    }

    beforeAll(async () => {
      test = await database.open();
      acme = await createTenant('acme');
      other = await createTenant('other');
      await issue(acme.id, 'acme-valid');
      await issue(acme.id, 'acme-later', NOW + 60);
      await issue(acme.id, 'acme-expired', NOW - 1);
      await issue(other.id, 'other-valid');
    });
    afterAll(() => test?.close());

    async function register(token?: string): Promise<Response> {
      const provider = await providerBuilder({
        db: test.db,
        secretBox,
        logger: () => silentLogger,
        clock: () => NOW,
      })(acme, ISSUER);
      return provider.handle(
        new Request(`${ISSUER}/register`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(token && { authorization: `Bearer ${token}` }),
          },
          body: JSON.stringify({ redirect_uris: ['https://rp.example.com/cb'] }),
        }),
      );
    }

    it('registers a client presenting a token of the tenant', async () => {
      const response = await register('acme-valid');
      expect(response.status).toBe(201);
      expect(await response.json()).toHaveProperty('client_id');
    });

    it('registers a client presenting a token that has not expired yet', async () => {
      expect((await register('acme-later')).status).toBe(201);
    });

    for (const [name, token] of [
      ['an unknown token', 'never-issued'],
      ['an expired token', 'acme-expired'],
      ["another tenant's token", 'other-valid'],
    ] as const) {
      it(`refuses ${name} with invalid_token`, async () => {
        const response = await register(token);
        expect(response.status).toBe(401);
        expect(await response.json()).toMatchObject({ error: 'invalid_token' });
      });
    }

    it('refuses a request without a token', async () => {
      const response = await register();
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    });
  });
}
