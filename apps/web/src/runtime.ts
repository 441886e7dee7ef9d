/**
 * What one admin-plane process holds: database, secret box, the GraphQL handler and the
 * console's next-auth options. Built by `server.ts`; Next code reaches it through
 * `src/next/web-runtime.ts` (type-only imports, one global), like apps/op.
 */

import { type AppLogger, createLogger } from '@tessera/core/node';
import {
  createSecretBox,
  type Database,
  loadMasterKey,
  openDatabase,
  type SecretBox,
} from '@tessera/db';
import type { AuthOptions } from 'next-auth';
import { createAuthenticator } from './auth/authenticate';
import { ensureConsoleClient } from './auth/console-client';
import { deriveSecret, SECRET_LABELS } from './auth/derived-secrets';
import { buildAuthOptions } from './auth/next-auth-options';
import type { WebEnv } from './env';
import { readEnv } from './env';
import type { ServiceDeps } from './graphql/context';
import { createGraphqlHandler, type GraphqlHandler } from './graphql/handler';
import { createRateLimiter } from './graphql/rate-limiter';
import { buildSchema } from './graphql/schema';

export interface WebRuntime {
  env: WebEnv;
  log: AppLogger;
  database: Database;
  secretBox: SecretBox;
  deps: ServiceDeps;
  graphql: GraphqlHandler;
  /** next-auth's configuration for the console's sign-in through the admin tenant. */
  authOptions: AuthOptions;
  close(): Promise<void>;
}

/** @example const runtime = await createWebRuntime(readEnv()); */
export async function createWebRuntime(
  env: WebEnv,
  options: { log?: AppLogger } = {},
): Promise<WebRuntime> {
  const log = options.log ?? createLogger({ level: env.logLevel });
  const masterKey = await loadMasterKey({
    value: env.masterKey,
    production: env.production,
    dataDir: env.dataDir,
    log: (message) => log.warn(message),
  });
  const secretBox = createSecretBox(masterKey);
  const database = await openDatabase({ url: env.databaseUrl, dataDir: env.dataDir });
  const deps: ServiceDeps = {
    db: database.prisma,
    provider: database.provider,
    secretBox,
    opPublicUrl: env.opPublicUrl,
    now: () => new Date(),
  };
  const sessionSecret = deriveSecret(masterKey, SECRET_LABELS.sessions);
  const consoleClient = await ensureConsoleClient({
    db: database.prisma,
    secretBox,
    webPublicUrl: env.publicUrl,
    clientSecret: deriveSecret(masterKey, SECRET_LABELS.consoleClient),
  });
  const graphql = await createGraphqlHandler({
    schema: buildSchema(),
    introspection: env.introspection,
    deps,
    limiter: createRateLimiter(),
    authenticate: createAuthenticator({ db: database.prisma, secretBox, sessionSecret }),
    onError: (error) => log.error('graphql resolver failed', { error }),
  });
  return {
    env,
    log,
    database,
    secretBox,
    deps,
    graphql,
    authOptions: buildAuthOptions({
      db: database.prisma,
      issuer: `${env.opPublicUrl}/admin`,
      internalIssuerUrl: `${env.opInternalUrl}/admin`,
      client: consoleClient,
      sessionSecret,
      secureCookies: env.publicUrl.startsWith('https:'),
    }),
    async close() {
      await graphql.stop();
      await database.close();
    },
  };
}

const GLOBAL_KEY = Symbol.for('tessera.web.runtime');
type RuntimeGlobal = { [GLOBAL_KEY]?: Promise<WebRuntime> };

export function setWebRuntime(runtime: WebRuntime): void {
  (globalThis as RuntimeGlobal)[GLOBAL_KEY] = Promise.resolve(runtime);
}

/** The process's runtime; created from the environment on first use without the custom server. */
export function getWebRuntime(): Promise<WebRuntime> {
  const holder = globalThis as RuntimeGlobal;
  holder[GLOBAL_KEY] ??= createWebRuntime(readEnv());
  return holder[GLOBAL_KEY];
}
