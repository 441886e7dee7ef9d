/**
 * The admin plane's custom Node server: `/api/graphql` goes straight to Apollo (no Next route in
 * between), `/healthz` and `/readyz` answer here, everything else (console pages, next-auth) is
 * Next.js. `--dev` runs Next in development mode.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { createLogger, sendWebResponse, toWebRequest } from '@tessera/core/node';
import { checkReady } from '@tessera/db';
import next from 'next';
import { EnvError, readEnv, type WebEnv } from './src/env';
import { REQUEST_PATH_HEADER } from './src/next/request-path';

import { createWebRuntime, setWebRuntime, type WebRuntime } from './src/runtime';

const APP_DIR = fileURLToPath(new URL('.', import.meta.url));
const SHUTDOWN_GRACE_MS = 10_000;
const SECURITY_HEADERS: ReadonlyArray<readonly [string, string]> = [
  ['x-content-type-options', 'nosniff'],
  ['referrer-policy', 'same-origin'],
  ['x-frame-options', 'DENY'],
];

async function main(): Promise<void> {
  const dev = process.argv.includes('--dev');
  let env: WebEnv;
  try {
    env = readEnv();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  // next-auth reads its public URL from the environment; ours is validated above.
  process.env.NEXTAUTH_URL = env.publicUrl;
  process.env.NEXT_TELEMETRY_DISABLED = '1';
  const log = createLogger({ level: env.logLevel, fields: { app: 'web' } });
  const runtime = await createWebRuntime(env, { log });
  setWebRuntime(runtime);

  const app = next({ dev, dir: APP_DIR, hostname: env.host, port: env.port });
  await app.prepare();
  const nextHandler = app.getRequestHandler();
  const server = createServer((req, res) => {
    serve(runtime, nextHandler, req, res).catch((error: unknown) => {
      log.error('request failed', { error });
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'text/plain', 'cache-control': 'no-store' });
        res.end('Internal Server Error');
      } else res.destroy();
    });
  });
  server.listen(env.port, env.host, () => {
    log.info('listening', { url: env.publicUrl, graphql: `${env.publicUrl}/api/graphql`, dev });
  });
  const shutdown = (signal: string) => {
    log.info('shutting down', { signal });
    setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
    server.close(() => {
      runtime.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
    server.closeIdleConnections();
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

type NextHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

async function serve(
  runtime: WebRuntime,
  nextHandler: NextHandler,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const started = performance.now();
  const pathname = (req.url ?? '/').split('?', 1)[0] as string;
  for (const [name, value] of SECURITY_HEADERS) res.setHeader(name, value);
  res.once('finish', () => {
    runtime.log.info('request', {
      method: req.method,
      path: pathname,
      status: res.statusCode,
      ms: Math.round((performance.now() - started) * 10) / 10,
    });
  });
  if (pathname === '/healthz') return sendJson(res, 200, { status: 'ok' });
  if (pathname === '/readyz') {
    const readiness = await checkReady(runtime.database);
    return readiness.ready
      ? sendJson(res, 200, { status: 'ready' })
      : sendJson(res, 503, { status: 'not_ready', reason: readiness.reason });
  }
  if (pathname === '/api/graphql') {
    const request = toWebRequest(req, { origin: runtime.env.publicUrl });
    const ip = clientAddress(req, runtime.env.trustProxy);
    await sendWebResponse(res, await runtime.graphql.handle(request, ip));
    return;
  }
  // Console pages send signed-out browsers to /signin and back to this path.
  req.headers[REQUEST_PATH_HEADER] = req.url ?? '/';
  await nextHandler(req, res);
}

function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  const forwarded = req.headers['x-forwarded-for'];
  const first = trustProxy
    ? (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim()
    : undefined;
  return first || req.socket.remoteAddress || 'unknown';
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
