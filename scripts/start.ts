/**
 * `npm start`: build what is missing (Turborepo skips what is current), then run the OP app's
 * server, which applies migrations and seeds the `admin` and `demo` tenants on first start.
 * Environment: see apps/op/src/env.ts (PORT, OP_PUBLIC_URL, DATABASE_URL, TESSERA_MASTER_KEY, ...).
 */
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', TURBO_TELEMETRY_DISABLED: '1' };

console.log('Building what is missing (turbo run build)...');
const build = spawnSync(
  'npx',
  ['turbo', 'run', 'build', '--output-logs=errors-only', '--filter=@tessera/op...'],
  { cwd: root, env, stdio: 'inherit' },
);
if (build.status !== 0) process.exit(build.status ?? 1);

const server = spawn(process.execPath, ['--import', 'tsx', 'apps/op/server.ts'], {
  cwd: root,
  env,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => server.kill(signal));
}
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
