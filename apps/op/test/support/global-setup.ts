/**
 * Vitest global setup of the e2e project: the suite runs against the production build, so
 * `next build` runs first when there is no build, or when a file Next bundles changed since
 * (pages are edited while the suite is developed; a stale build would test old pages).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const APP_DIR = fileURLToPath(new URL('../..', import.meta.url));
const BUILD_ID = join(APP_DIR, '.next', 'BUILD_ID');
/** What Next bundles (see the bundling rule in ARCHITECTURE.md); runtime code is loaded by tsx. */
const BUNDLED = ['app', 'src/next', 'src/ui', 'src/i18n', 'next.config.ts', 'package.json'];

export default function buildOnce(): void {
  if (existsSync(BUILD_ID) && newestChange(BUNDLED) <= statSync(BUILD_ID).mtimeMs) return;
  console.log('[e2e] building apps/op (next build)...');
  execFileSync('npx', ['next', 'build'], {
    cwd: APP_DIR,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
}

function newestChange(paths: string[]): number {
  let newest = 0;
  for (const relative of paths) {
    const path = join(APP_DIR, relative);
    if (!existsSync(path)) continue;
    const stat = statSync(path);
    newest = Math.max(newest, stat.mtimeMs);
    if (stat.isDirectory()) {
      const children = readdirSync(path).map((name) => join(relative, name));
      newest = Math.max(newest, newestChange(children));
    }
  }
  return newest;
}
