/**
 * A built app's server as a child process, for the end-to-end suites of apps/op and apps/web:
 * `node --import tsx server.ts` on a free port, ready once GET /healthz answers, with the tail of
 * its output kept to explain a failed start or a 500.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';

/** Next's production server takes a few seconds to prepare on a slow machine. */
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 15_000;
/** Kept from the child's stdout/stderr (large enough for a whole file's access log). */
const LOG_TAIL_CHARS = 200_000;

export interface ChildServer {
  /** `http://localhost:<port>`, where it listens. */
  url: string;
  logs(): string;
  /** Error-level log lines so far (a request that failed, a background task that threw). */
  errors(): string[];
  stop(): Promise<void>;
}

/**
 * @example
 * const server = await startChildServer({ appDir, name: 'OP', env: (port) => ({ PORT: String(port) }) });
 */
export async function startChildServer(options: {
  appDir: string;
  /** Shown in a failed start's message. */
  name: string;
  /** The child's environment (only PATH and HOME are inherited), given its port. */
  env: (port: number) => Record<string, string | undefined>;
}): Promise<ChildServer> {
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server.ts'], {
    cwd: options.appDir,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      // Production mode as deployed (no demo tenant; master key and public URL required).
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      // The build the suite made (see build-if-stale.ts).
      ...(process.env.NEXT_DIST_DIR && { NEXT_DIST_DIR: process.env.NEXT_DIST_DIR }),
      ...options.env(port),
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
    throw new Error(`${(error as Error).message}\n--- ${options.name} output ---\n${output}`);
  }
  return {
    url,
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
