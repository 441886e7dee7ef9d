/** Vitest global setup of the e2e project: build apps/op when its build is missing or stale. */
import { fileURLToPath } from 'node:url';
import { buildIfStale } from './build-if-stale';

const APP_DIR = fileURLToPath(new URL('../..', import.meta.url));
/** What Next bundles (see the bundling rule in ARCHITECTURE.md); runtime code is loaded by tsx. */
const BUNDLED = ['app', 'src/next', 'src/ui', 'src/i18n', 'next.config.ts', 'package.json'];

export default function buildOnce(): void {
  buildIfStale(APP_DIR, BUNDLED, 'apps/op');
}
