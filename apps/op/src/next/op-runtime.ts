/**
 * How Next.js code (pages, route handlers) reaches the OP runtime. Next bundles what it imports,
 * and the runtime (core, Prisma, native SQLite) must not be bundled: it runs as plain Node
 * modules beside Next, created by `server.ts`. So this file imports the runtime's *types* only
 * and finds the instance through its process-wide global; when Next runs alone (`next dev`
 * with `NODE_OPTIONS=--import tsx`), it loads the runtime module with a native, unbundled import.
 *
 * Rule for the app: files Next bundles (app/, src/next, src/ui, src/i18n) import workspace code
 * with `import type` only.
 */
import type { OpRuntime } from '../runtime';

const GLOBAL_KEY = Symbol.for('tessera.op.runtime');
type RuntimeGlobal = { [GLOBAL_KEY]?: Promise<OpRuntime> };

/** @example const runtime = await opRuntime(); */
export function opRuntime(): Promise<OpRuntime> {
  const existing = (globalThis as RuntimeGlobal)[GLOBAL_KEY];
  if (existing) return existing;
  const file = `${process.cwd()}/src/runtime.ts`;
  return import(/* turbopackIgnore: true */ /* webpackIgnore: true */ file).then(
    (module: typeof import('../runtime')) => module.getOpRuntime(),
  );
}
