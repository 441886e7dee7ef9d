/**
 * apps/web as the suite sees it: `node --import tsx server.ts` in production mode (the `next
 * build` output) as a child process on a free port, beside a running apps/op on the same
 * database and master key; ready once GET /healthz answers.
 */
import { fileURLToPath } from 'node:url';
import { type ChildServer, startChildServer } from '../../../op/test/support/child-server';
import type { E2eDatabase } from '../../../op/test/support/e2e-databases';

const APP_DIR = fileURLToPath(new URL('../..', import.meta.url));

export interface WebServer extends ChildServer {
  graphqlUrl: string;
}

export interface StartWebOptions {
  database: E2eDatabase;
  /** apps/op's public origin (the console signs in at `${opPublicUrl}/admin`). */
  opPublicUrl: string;
  /** Extra variables (e.g. GRAPHQL_INTROSPECTION). */
  env?: Record<string, string>;
}

/** @example const web = await startWebServer({ database, opPublicUrl: op.publicUrl }); */
export async function startWebServer(options: StartWebOptions): Promise<WebServer> {
  const server = await startChildServer({
    appDir: APP_DIR,
    name: 'web server',
    env: (port) => ({
      WEB_PORT: String(port),
      HOST: '127.0.0.1',
      WEB_PUBLIC_URL: `http://localhost:${port}`,
      OP_PUBLIC_URL: options.opPublicUrl,
      TESSERA_DATA_DIR: options.database.dataDir,
      DATABASE_URL: options.database.url,
      TESSERA_MASTER_KEY: options.database.masterKey,
      LOG_LEVEL: 'warn',
      ...options.env,
    }),
  });
  return { ...server, graphqlUrl: `${server.url}/api/graphql` };
}
