import { type Database, openDatabase } from '@tessera/db';
import type * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases, type E2eDatabase } from '../support/e2e-databases';
import { createTenant, type TenantFixture, updateTenantSettings } from '../support/fixtures';
import { type OpServer, startOpServer } from '../support/op-server';
import { registerClient } from '../support/relying-party';

/** TENANT_REFRESH_MS (1 s) is the documented bound; 3 s leaves room for a slow machine. */
const PROPAGATION_DEADLINE_MS = 3_000;
const POLL_INTERVAL_MS = 50;

describe.each(databases())('Configuration propagation between instances on $name', (kind) => {
  let database: E2eDatabase;
  let first: OpServer;
  let second: OpServer;
  let opened: Database;
  let tenant: TenantFixture;
  let credentials: { id: string; secret: string };

  beforeAll(async () => {
    database = await kind.create();
    // Two instances behind one balancer: one public URL, one database, one master key.
    first = await startOpServer({ database });
    second = await startOpServer({ database, publicUrl: first.publicUrl });
    opened = await openDatabase({ url: database.url, migrate: false });
    tenant = await createTenant(opened.prisma, {
      settings: (settings) => {
        settings.protocol.lifetimes = { accessToken: 600 };
      },
    });
    const config: client.Configuration = await registerClient(first.issuer(tenant.slug), {
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
      post_logout_redirect_uris: [],
    });
    const metadata = config.clientMetadata();
    credentials = { id: metadata.client_id, secret: metadata.client_secret as string };
  });

  afterAll(async () => {
    await Promise.all([first?.stop(), second?.stop()]);
    await opened?.close();
    await database?.drop();
  });

  /** `expires_in` of a client_credentials token from `instance`'s token endpoint. */
  async function expiresInAt(instance: OpServer): Promise<number> {
    const response = await fetch(`${instance.url}/${tenant.slug}/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${credentials.id}:${credentials.secret}`).toString('base64')}`,
      },
      body: new URLSearchParams({ grant_type: 'client_credentials' }),
    });
    const body = (await response.json()) as { expires_in?: number; error?: string };
    if (response.status !== 200)
      throw new Error(`token endpoint: ${response.status} ${body.error}`);
    return body.expires_in as number;
  }

  it('serves a changed access-token lifetime on every instance within the refresh bound', async () => {
    expect(await expiresInAt(first)).toBe(600);
    expect(await expiresInAt(second)).toBe(600);

    await updateTenantSettings(opened.prisma, tenant.id, (settings) => {
      settings.protocol.lifetimes = { accessToken: 900 };
    });
    const changedAt = Date.now();
    const seen = new Map<OpServer, number>();
    while (Date.now() - changedAt < PROPAGATION_DEADLINE_MS) {
      for (const instance of [first, second]) {
        if (!seen.has(instance) && (await expiresInAt(instance)) === 900) {
          seen.set(instance, Date.now() - changedAt);
        }
      }
      if (seen.size === 2) break;
      await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
    }
    expect(
      [...seen.keys()].length,
      `instances serving the new lifetime after ${PROPAGATION_DEADLINE_MS} ms`,
    ).toBe(2);
    for (const elapsed of seen.values())
      expect(elapsed).toBeLessThanOrEqual(PROPAGATION_DEADLINE_MS);
    // And it sticks: no instance falls back to a stale provider.
    expect(await expiresInAt(first)).toBe(900);
    expect(await expiresInAt(second)).toBe(900);
  });
});
