/**
 * The OP as the suite sees it: `node --import tsx server.ts` in production mode (the `next build`
 * output, no --dev) as a child process on a free port, ready once GET /healthz answers.
 */
import { fileURLToPath } from 'node:url';
import { type ChildServer, startChildServer } from './child-server';
import type { E2eDatabase } from './e2e-databases';

const APP_DIR = fileURLToPath(new URL('../..', import.meta.url));

export interface OpServer extends ChildServer {
  /** The OP_PUBLIC_URL it was started with (issuers are `${publicUrl}/{slug}`). */
  publicUrl: string;
  issuer(slug: string): string;
}

export interface StartOpOptions {
  database: E2eDatabase;
  /** Defaults to this instance's own URL; instances behind one balancer share one. */
  publicUrl?: string;
  /** Default `warn`; `info` adds one access-log line per request. */
  logLevel?: 'debug' | 'info' | 'warn' | 'error';
}

/** @example const op = await startOpServer({ database }); ... await op.stop(); */
export async function startOpServer(options: StartOpOptions): Promise<OpServer> {
  let publicUrl = options.publicUrl;
  const server = await startChildServer({
    appDir: APP_DIR,
    name: 'OP server',
    env: (port) => {
      publicUrl ??= `http://localhost:${port}`;
      return {
        PORT: String(port),
        HOST: '127.0.0.1',
        OP_PUBLIC_URL: publicUrl,
        TESSERA_DATA_DIR: options.database.dataDir,
        DATABASE_URL: options.database.url,
        TESSERA_MASTER_KEY: options.database.masterKey,
        LOG_LEVEL: options.logLevel ?? 'warn',
      };
    },
  });
  const base = publicUrl as string;
  return { ...server, publicUrl: base, issuer: (slug) => `${base}/${slug}` };
}
