/**
 * Everything one OP process holds: the database, the tenant directory and provider pool, the
 * logger and the router. Built once by `server.ts` (or lazily by the Next side when it runs
 * alone) and shared through one global, so the fast lane and the pages use the same pool.
 */

import { type Clock, systemClock } from '@tessera/core';
import { type AppLogger, createLogger } from '@tessera/core/node';
import {
  createSecretBox,
  type Database,
  loadMasterKey,
  openDatabase,
  type SecretBox,
  startSweeper,
} from '@tessera/db';
import { type ActivityRecorder, startActivityRecorder } from './activity/activity-recorder';
import type { OpEnv } from './env';
import { readEnv } from './env';
import { handleOpRequest } from './http/handle-request';
import { createRouter, type Router } from './http/route';
import { createInteractionPages, type InteractionPages } from './interaction/interaction-pages';
import { startKeyRotationJob } from './keys/key-rotation-job';
import { providerBuilder } from './tenants/build-provider';
import { ProviderPool } from './tenants/provider-pool';
import { TenantDirectory } from './tenants/tenant-directory';

export interface OpRuntime {
  env: OpEnv;
  log: AppLogger;
  /** Epoch seconds; the system clock unless a test injects one. */
  clock: Clock;
  database: Database;
  secretBox: SecretBox;
  directory: TenantDirectory;
  pool: ProviderPool;
  router: Router;
  /** Sign-ins, failed sign-ins and issued tokens, counted in memory and flushed periodically. */
  activity: ActivityRecorder;
  /** The end-user pages: their data, CSRF tokens (keyed from the master key) and hand-off. */
  pages: InteractionPages;
  /** Keeps work that outlives its request (back-channel logout) until shutdown. */
  waitUntil(work: Promise<unknown>): void;
  /**
   * Routes and answers a Web request the way the fast lane does; `undefined` for pages and
   * assets. The Next route mounting the protocol endpoints (for `next dev`) uses this.
   */
  handle(request: Request, clientAddress: string): Promise<Response | undefined>;
  /** Waits for background work, then closes the database. */
  close(): Promise<void>;
}

export interface CreateOpRuntimeOptions {
  log?: AppLogger;
  clock?: Clock;
  /** How often activity counts are written; default `ACTIVITY_FLUSH_INTERVAL_MS`. */
  activityFlushMs?: number;
}

/** How often expired codes, tokens, sessions and login failures are swept (in small batches). */
export const SWEEP_INTERVAL_MS = 60_000;

/**
 * @example const runtime = await createOpRuntime(readEnv());
 */
export async function createOpRuntime(
  env: OpEnv,
  options: CreateOpRuntimeOptions = {},
): Promise<OpRuntime> {
  const log = options.log ?? createLogger({ level: env.logLevel });
  const clock = options.clock ?? systemClock;
  const masterKey = await loadMasterKey({
    value: env.masterKey,
    production: env.production,
    dataDir: env.dataDir,
    log: (message) => log.warn(message),
  });
  const secretBox = createSecretBox(masterKey);
  const database = await openDatabase({ url: env.databaseUrl, dataDir: env.dataDir });
  const sweeper = startSweeper({
    db: database.prisma,
    intervalMs: SWEEP_INTERVAL_MS,
    clock,
    onError: (error) => log.warn('sweep failed', { error }),
  });
  const activity = startActivityRecorder({
    db: database.prisma,
    clock,
    intervalMs: options.activityFlushMs,
    onError: (error) => log.warn('activity flush failed', { error }),
  });
  const background = new Set<Promise<unknown>>();
  const waitUntil = (work: Promise<unknown>) => {
    const tracked = work
      .catch((error: unknown) => log.warn('background task failed', { error }))
      .finally(() => background.delete(tracked));
    background.add(tracked);
  };
  const directory = new TenantDirectory({
    db: database.prisma,
    onSettingsError: (slug, error) => log.error('tenant settings invalid', { tenant: slug, error }),
  });
  const pool = new ProviderPool(
    providerBuilder({
      db: database.prisma,
      secretBox,
      logger: (slug) => log.child({ tenant: slug }),
      waitUntil,
    }),
  );
  const keyRotation = startKeyRotationJob({
    db: database.prisma,
    secretBox,
    clock,
    onRotated: (rotation) => log.info('signing keys rotated on schedule', { ...rotation }),
    onError: (error) => log.warn('key rotation failed', { error }),
  });
  const router = createRouter({ directory, publicUrl: env.publicUrl });
  const pages = createInteractionPages({
    masterKey,
    directory,
    provider: (tenant, issuer) => pool.get(tenant, issuer),
    publicUrl: env.publicUrl,
  });
  const runtime: OpRuntime = {
    env,
    log,
    clock,
    database,
    secretBox,
    directory,
    pool,
    router,
    activity,
    pages,
    waitUntil,
    async handle(request, clientAddress) {
      const url = new URL(request.url);
      const route = await router.route({
        method: request.method,
        pathname: url.pathname,
        host: request.headers.get('host') ?? undefined,
      });
      return handleOpRequest(runtime, route, request, { clientAddress, log });
    },
    async close() {
      await sweeper.close();
      await keyRotation.close();
      await Promise.allSettled([...background]);
      // After the requests and background work that may still count something.
      await activity.close();
      await database.close();
    },
  };
  return runtime;
}

const GLOBAL_KEY = Symbol.for('tessera.op.runtime');
type RuntimeGlobal = { [GLOBAL_KEY]?: Promise<OpRuntime> };

/** Makes `runtime` the one `getOpRuntime` returns (the custom server calls this at start). */
export function setOpRuntime(runtime: OpRuntime): void {
  (globalThis as RuntimeGlobal)[GLOBAL_KEY] = Promise.resolve(runtime);
}

/**
 * The process's runtime; created from the environment on first use when no server set one
 * (e.g. under `next dev` alone).
 */
export function getOpRuntime(): Promise<OpRuntime> {
  const holder = globalThis as RuntimeGlobal;
  holder[GLOBAL_KEY] ??= createOpRuntime(readEnv());
  return holder[GLOBAL_KEY];
}
