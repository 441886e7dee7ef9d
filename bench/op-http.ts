/**
 * The OP app over real HTTP: requests per second through the fast lane of the built app
 * (`apps/op/server.ts`, production build, SQLite), next to a bare node:http server answering
 * the same discovery document, and Next.js serving a page. Client and server share this
 * machine, so the figures compare lanes; they are not capacity numbers.
 *
 *   npm run build && npm run bench:op [-- --seconds 5 --connections 16]
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : Number(process.argv[index + 1]);
}

const SECONDS = option('seconds', 5);
const CONNECTIONS = option('connections', 16);

interface Target {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

/** Closed loop: `CONNECTIONS` keep-alive connections, each sending its next request on reply. */
async function load(port: number, target: Target): Promise<{ rps: number; errors: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const deadline = performance.now() + SECONDS * 1000;
  let done = 0;
  let errors = 0;
  const one = () =>
    new Promise<void>((resolve) => {
      const req = request(
        {
          port,
          host: '127.0.0.1',
          method: target.method,
          path: target.path,
          agent,
          headers: target.headers,
        },
        (res) => {
          if (res.statusCode !== 200) errors++;
          res.resume();
          res.on('end', resolve);
        },
      );
      req.on('error', () => {
        errors++;
        resolve();
      });
      req.end(target.body);
    });
  const worker = async () => {
    while (performance.now() < deadline) {
      await one();
      done++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  agent.destroy();
  return { rps: done / ((performance.now() - started) / 1000), errors };
}

async function startOp(port: number, dataDir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/op/server.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      OP_PUBLIC_URL: `http://localhost:${port}`,
      TESSERA_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      NEXT_TELEMETRY_DISABLED: '1',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (response.ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill();
  throw new Error('apps/op did not start within 60 s (is it built? npm run build)');
}

async function registerMachineClient(port: number): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${port}/demo/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      client_name: 'bench',
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
      token_endpoint_auth_method: 'client_secret_basic',
    }),
  });
  const client = (await response.json()) as { client_id: string; client_secret: string };
  if (!response.ok) throw new Error(`registration failed: ${JSON.stringify(client)}`);
  const pair = `${encodeURIComponent(client.client_id)}:${encodeURIComponent(client.client_secret)}`;
  return `Basic ${Buffer.from(pair).toString('base64')}`;
}

async function bareServer(document: string): Promise<{ port: number; close: () => void }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(document);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, close: () => server.close() };
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tessera-bench-op-'));
  const port = 3900 + Math.floor(Math.random() * 50);
  const op = await startOp(port, dataDir);
  try {
    const discovery = await (
      await fetch(`http://127.0.0.1:${port}/demo/.well-known/openid-configuration`)
    ).text();
    const bare = await bareServer(discovery);
    const authorization = await registerMachineClient(port);
    const cases: [string, number, Target][] = [
      ['bare node:http, same JSON', bare.port, { method: 'GET', path: '/' }],
      [
        'discovery (fast lane)',
        port,
        { method: 'GET', path: '/demo/.well-known/openid-configuration' },
      ],
      ['JWKS (fast lane)', port, { method: 'GET', path: '/demo/jwks' }],
      [
        'client_credentials token (fast lane, SQLite)',
        port,
        {
          method: 'POST',
          path: '/demo/token',
          headers: { authorization, 'content-type': 'application/x-www-form-urlencoded' },
          body: 'grant_type=client_credentials',
        },
      ],
      ['Next.js page (/)', port, { method: 'GET', path: '/' }],
    ];
    console.log(
      `${SECONDS} s per case, ${CONNECTIONS} keep-alive connections, client on the same machine\n`,
    );
    console.log('case                                          req/s    errors');
    console.log('--------------------------------------------  -------  ------');
    for (const [name, casePort, target] of cases) {
      await load(casePort, { ...target }); // warm-up pass (JIT, pools, caches)
      const { rps, errors } = await load(casePort, target);
      console.log(
        `${name.padEnd(44)}  ${rps.toFixed(0).padStart(7)}  ${String(errors).padStart(6)}`,
      );
    }
    bare.close();
  } finally {
    op.kill('SIGTERM');
    await new Promise((resolve) => op.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
