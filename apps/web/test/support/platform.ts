/**
 * The whole platform per test file and database: apps/op and apps/web, both from their
 * production builds, on one database and master key, with a Prisma client and a secret box for
 * fixtures. `usePlatform(kind)` registers the hooks; the handle is usable from `beforeAll` on.
 *
 * The operator seeded by apps/op (login `admin`) gets a known password, as
 * TESSERA_ADMIN_PASSWORD would have given it.
 */
import {
  createSecretBox,
  type Database,
  type Db,
  hashPassword,
  loadMasterKey,
  openDatabase,
  type SecretBox,
} from '@tessera/db';
import { afterAll, beforeAll } from 'vitest';
import type { E2eDatabase, E2eDatabaseKind } from '../../../op/test/support/e2e-databases';
import { type OpServer, startOpServer } from '../../../op/test/support/op-server';
import { startWebServer, type WebServer } from './web-server';

export { databases } from '../../../op/test/support/e2e-databases';

export const OPERATOR_LOGIN = 'admin';
export const OPERATOR_PASSWORD = 'operator-correct-horse-battery';

export interface Platform {
  op: OpServer;
  web: WebServer;
  /** Prisma on the platform's database, for fixtures and for looking behind the curtain. */
  db: Db;
  secretBox: SecretBox;
  database: E2eDatabase;
  adminTenantId: string;
}

export interface UsePlatformOptions {
  /** Extra environment of apps/web. */
  webEnv?: Record<string, string>;
}

/** @example describe.each(databases())('... on $name', (kind) => { const platform = usePlatform(kind); }) */
export function usePlatform(kind: E2eDatabaseKind, options: UsePlatformOptions = {}): Platform {
  let database: E2eDatabase | undefined;
  let op: OpServer | undefined;
  let web: WebServer | undefined;
  let opened: Database | undefined;
  let secretBox: SecretBox | undefined;
  let adminTenantId: string | undefined;

  beforeAll(async () => {
    database = await kind.create();
    op = await startOpServer({ database });
    // apps/op migrated the database and seeded the admin tenant at start.
    opened = await openDatabase({ url: database.url, migrate: false });
    const admin = await opened.prisma.tenant.findUniqueOrThrow({ where: { slug: 'admin' } });
    adminTenantId = admin.id;
    await opened.prisma.user.updateMany({
      where: { tenantId: admin.id, loginName: OPERATOR_LOGIN },
      data: { passwordHash: await hashPassword(OPERATOR_PASSWORD) },
    });
    secretBox = createSecretBox(
      await loadMasterKey({
        value: database.masterKey,
        production: true,
        dataDir: database.dataDir,
      }),
    );
    web = await startWebServer({ database, opPublicUrl: op.publicUrl, env: options.webEnv });
  });

  afterAll(async () => {
    for (const [name, server] of [
      ['apps/web', web],
      ['apps/op', op],
    ] as const) {
      const errors = server?.errors() ?? [];
      if (errors.length > 0) console.warn(`${name} logged errors:\n${errors.join('\n')}`);
    }
    await web?.stop();
    await op?.stop();
    await opened?.close();
    await database?.drop();
  });

  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not ready before beforeAll ran`);
    return value;
  };
  return {
    get op() {
      return started(op, 'apps/op');
    },
    get web() {
      return started(web, 'apps/web');
    },
    get db() {
      return started(opened, 'the database').prisma;
    },
    get secretBox() {
      return started(secretBox, 'the secret box');
    },
    get database() {
      return started(database, 'the database');
    },
    get adminTenantId() {
      return started(adminTenantId, 'the admin tenant');
    },
  };
}
