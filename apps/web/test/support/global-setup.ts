/**
 * Vitest global setup of the e2e project: the suite runs both apps from their production builds,
 * so each is built first when its build is missing or stale.
 */
import { fileURLToPath } from 'node:url';
import { buildIfStale } from '../../../op/test/support/build-if-stale';
import buildOp from '../../../op/test/support/global-setup';

const APP_DIR = fileURLToPath(new URL('../..', import.meta.url));
/** What Next bundles here: pages and routes, and the one module they reach the runtime through. */
const BUNDLED = ['app', 'src/next', 'src/ui', 'next.config.ts', 'package.json'];

export default function buildBoth(): void {
  buildOp();
  buildIfStale(APP_DIR, BUNDLED, 'apps/web');
}
