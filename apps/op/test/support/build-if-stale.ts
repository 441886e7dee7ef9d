/**
 * The end-to-end suites run against production builds, so `next build` runs first when an app
 * has no build, or when a file Next bundles changed since (pages are edited while a suite is
 * developed; a stale build would test old pages). NEXT_DIST_DIR (default .next) names the build
 * directory, so several people or agents working on one checkout need not share one build.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * @example buildIfStale(APP_DIR, ['app', 'src/next', 'next.config.ts', 'package.json'], 'apps/op');
 */
export function buildIfStale(appDir: string, bundled: string[], name: string): void {
  const buildId = join(appDir, process.env.NEXT_DIST_DIR || '.next', 'BUILD_ID');
  if (existsSync(buildId) && newestChange(appDir, bundled) <= statSync(buildId).mtimeMs) return;
  console.log(`[e2e] building ${name} (next build)...`);
  execFileSync('npx', ['next', 'build'], {
    cwd: appDir,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
}

function newestChange(appDir: string, paths: string[]): number {
  let newest = 0;
  for (const relative of paths) {
    const path = join(appDir, relative);
    if (!existsSync(path)) continue;
    const stat = statSync(path);
    newest = Math.max(newest, stat.mtimeMs);
    if (stat.isDirectory()) {
      const children = readdirSync(path).map((name) => join(relative, name));
      newest = Math.max(newest, newestChange(appDir, children));
    }
  }
  return newest;
}
