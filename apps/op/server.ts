/**
 * The OP's custom Node server: protocol requests go straight to the tenant's core `Provider`
 * (the fast lane), everything else to Next.js. `--dev` runs Next in development mode.
 *
 *   tsx server.ts          # production build in .next (run `next build` first)
 *   tsx server.ts --dev    # development, with hot reload
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { createLogger, sendWebResponse, toWebRequest } from '@tessera/core/node';
import next from 'next';
import { EnvError, readEnv } from './src/env';
import { handleOpRequest } from './src/http/handle-request';
import { preparePageRequest } from './src/http/page-headers';
import { clientAddressOf, clientIdHint, requestIdOf } from './src/http/request-info';
import type { OpRoute } from './src/http/route';
import { securityHeaders } from './src/http/security-headers';

import { createOpRuntime, type OpRuntime, setOpRuntime } from './src/runtime';
import { printSeedResult, seedOnFirstStart } from './src/start/seed-on-start';

const APP_DIR = fileURLToPath(new URL('.', import.meta.url));
/** How long shutdown waits for open requests and background work before exiting anyway. */
const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  const dev = process.argv.includes('--dev');
  let env: ReturnType<typeof readEnv>;
  try {
    env = readEnv();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const log = createLogger({ level: env.logLevel });
  const runtime = await createOpRuntime(env, { log });
  setOpRuntime(runtime);
  printSeedResult(await seedOnFirstStart(runtime), env.publicUrl);

  const app = next({ dev, dir: APP_DIR, hostname: env.host, port: env.port });
  await app.prepare();
  const nextHandler = app.getRequestHandler();

  const server = createServer((req, res) => {
    serve(runtime, nextHandler, req, res).catch((error: unknown) => {
      log.error('request failed', { error });
      if (!res.headersSent) {
        res.writeHead(500, {
          'content-type': 'text/plain; charset=utf-8',
          'cache-control': 'no-store',
        });
        res.end('Internal Server Error');
      } else res.destroy();
    });
  });
  server.listen(env.port, env.host, () => {
    log.info('listening', { url: env.publicUrl, host: env.host, port: env.port, dev });
  });

  const shutdown = (signal: string) => {
    log.info('shutting down', { signal });
    const timer = setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS);
    timer.unref();
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
  runtime: OpRuntime,
  nextHandler: NextHandler,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const started = performance.now();
  const requestId = requestIdOf(req);
  const url = req.url ?? '/';
  const queryAt = url.indexOf('?');
  const pathname = queryAt === -1 ? url : url.slice(0, queryAt);
  res.setHeader('x-request-id', requestId);
  for (const [name, value] of securityHeaders) res.setHeader(name, value);
  if (runtime.env.publicUrl.startsWith('https:')) {
    res.setHeader('strict-transport-security', 'max-age=31536000; includeSubDomains');
  }

  if (!isDecodable(pathname)) {
    res.writeHead(400, {
      'content-type': 'text/plain; charset=utf-8',
      'cache-control': 'no-store',
    });
    res.end('Bad Request: malformed percent-encoding in the path');
    return;
  }
  let route: OpRoute;
  try {
    route = await runtime.router.route({
      method: req.method ?? 'GET',
      pathname,
      host: req.headers.host,
    });
  } catch (error) {
    runtime.log.error('tenant lookup failed', { requestId, error });
    res.writeHead(503, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end('{"error":"temporarily_unavailable","error_description":"Try again shortly."}');
    return;
  }
  const tenant = 'tenant' in route ? route.tenant.slug : undefined;
  res.once('finish', () => {
    runtime.log.info('request', {
      requestId,
      tenant,
      client: clientIdHint(req),
      method: req.method,
      path: pathname,
      status: res.statusCode,
      ms: Math.round((performance.now() - started) * 10) / 10,
    });
  });

  if (route.kind === 'page' || route.kind === 'next') {
    if (route.kind === 'page') {
      if (route.path !== pathname)
        req.url = `${route.path}${queryAt === -1 ? '' : url.slice(queryAt)}`;
      await preparePageRequest(runtime, route, req, res);
    }
    await nextHandler(req, res);
    return;
  }

  const origin = 'issuer' in route ? new URL(route.issuer).origin : runtime.env.publicUrl;
  let request: Request;
  try {
    request = toWebRequest(req, { origin });
  } catch {
    res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Bad Request');
    return;
  }
  const log = runtime.log.child({ requestId, tenant });
  const response = await handleOpRequest(runtime, route, request, {
    clientAddress: clientAddressOf(req, runtime.env.trustProxy),
    log,
  });
  if (response) await sendWebResponse(res, response);
}

// Next answers a path it cannot decode with a 500; such a request is the client's error.
function isDecodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
