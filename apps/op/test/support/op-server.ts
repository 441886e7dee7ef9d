/**
 * The OP as the suite sees it: `node --import tsx server.ts` in production mode (the `next build`
 * output, no --dev) as a child process on a free port, ready once GET /healthz answers.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { E2eDatabase } from './e2e-databases';

const APP_DIR = fileURLToPath(new URL('../..', import.meta.url));
/** Next's production server takes a few seconds to prepare on a slow machine. */
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 15_000;
/** Kept from the child's stdout/stderr, to explain a failed start or a 500. */
const LOG_TAIL_CHARS = 200_000;

export interface OpServer {
  /** `http://localhost:<port>`, where this instance listens. */
  url: string;
  /** The OP_PUBLIC_URL it was started with (issuers are `${publicUrl}/{slug}`). */
  publicUrl: string;
  issuer(slug: string): string;
  /** The tail of the server's output. */
  logs(): string;
  /** Error-level log lines so far (a request that failed, a background task that threw). */
  errors(): string[];
  stop(): Promise<void>;
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
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const publicUrl = options.publicUrl ?? url;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server.ts'], {
    cwd: APP_DIR,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      // Production mode as deployed (no demo tenant; master key and public URL required).
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      OP_PUBLIC_URL: publicUrl,
      TESSERA_DATA_DIR: options.database.dataDir,
      DATABASE_URL: options.database.url,
      TESSERA_MASTER_KEY: options.database.masterKey,
      LOG_LEVEL: options.logLevel ?? 'warn',
      NEXT_TELEMETRY_DISABLED: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-LOG_TAIL_CHARS);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  try {
    await waitForHealth(url, child);
  } catch (error) {
    await stopChild(child, exited);
    throw new Error(`${(error as Error).message}\n--- server output ---\n${output}`);
  }
  return {
    url,
    publicUrl,
    issuer: (slug) => `${publicUrl}/${slug}`,
    logs: () => output,
    errors: () => output.split('\n').filter((line) => line.includes('"level":"error"')),
    stop: () => stopChild(child, exited),
  };
}

async function waitForHealth(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}`);
    const healthy = await fetch(`${url}/healthz`).then(
      (response) => response.status === 200,
      () => false,
    );
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`server not healthy after ${START_TIMEOUT_MS} ms`);
}

async function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

/** A port nobody listens on right now (the OS picks it; the server binds it moments later). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
