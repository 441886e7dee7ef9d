/**
 * `npm start`: build what is missing (Turborepo skips what is current), then run the OP app
 * (apps/op: migrations, first-start seeding of the `admin` and `demo` tenants, port 3000) and,
 * once it answers, the admin plane (apps/web: GraphQL API and console, port 3001), which needs
 * the admin tenant the OP seeds. Environment: apps/op/src/env.ts and apps/web/src/env.ts.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const opPort = process.env.PORT ?? '3000';
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: '1',
  TURBO_TELEMETRY_DISABLED: '1',
  // Both apps must agree on the OP's public URL (issuers, console sign-in).
  OP_PUBLIC_URL: process.env.OP_PUBLIC_URL ?? `http://localhost:${opPort}`,
};
const opUrl = `http://127.0.0.1:${opPort}`;
const webPort = process.env.WEB_PORT ?? '3001';
/** How long each app may take to migrate, seed and listen before the start is given up. */
const OP_START_TIMEOUT_MS = 120_000;

console.log('Building what is missing (turbo run build)...');
const build = spawnSync(
  'npx',
  [
    'turbo',
    'run',
    'build',
    '--output-logs=errors-only',
    '--filter=@tessera/op...',
    '--filter=@tessera/web...',
  ],
  { cwd: root, env, stdio: 'inherit' },
);
if (build.status !== 0) process.exit(build.status ?? 1);

const children: ChildProcess[] = [];
const run = (script: string) => {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: root,
    env,
    stdio: 'inherit',
  });
  children.push(child);
  // One part down takes the platform down, with its exit code.
  child.on('exit', (code, signal) => {
    for (const other of children) if (other !== child) other.kill('SIGTERM');
    process.exit(code ?? (signal ? 1 : 0));
  });
  return child;
};

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    for (const child of children) child.kill(signal);
  });
}

/** Waits until `url` answers 200, or gives the platform up after `OP_START_TIMEOUT_MS`. */
async function waitFor(name: string, url: string): Promise<void> {
  const deadline = Date.now() + OP_START_TIMEOUT_MS;
  while (
    !(await fetch(url).then(
      (r) => r.ok,
      () => false,
    ))
  ) {
    if (Date.now() > deadline) {
      console.error(`${name} did not answer ${url} within ${OP_START_TIMEOUT_MS / 1000} s`);
      for (const child of children) child.kill('SIGTERM');
      process.exit(1);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

run('apps/op/server.ts');
await waitFor('apps/op', `${opUrl}/healthz`);
run('apps/web/server.ts');
await waitFor('apps/web', `http://127.0.0.1:${webPort}/healthz`);
console.log(
  `\nTessera console: ${process.env.WEB_PUBLIC_URL ?? `http://localhost:${webPort}`}\n` +
    "  sign in as the admin tenant's operator (login admin, the one-time password printed at first start)\n",
);
