/**
 * How Next.js code reaches the admin runtime without bundling it (see apps/op's
 * src/next/op-runtime.ts for why): type-only imports and one process-wide global.
 */
import type { WebRuntime } from '../runtime';

const GLOBAL_KEY = Symbol.for('tessera.web.runtime');
type RuntimeGlobal = { [GLOBAL_KEY]?: Promise<WebRuntime> };

/** @example const runtime = await webRuntime(); */
export function webRuntime(): Promise<WebRuntime> {
  const existing = (globalThis as RuntimeGlobal)[GLOBAL_KEY];
  if (existing) return existing;
  const file = `${process.cwd()}/src/runtime.ts`;
  return import(/* turbopackIgnore: true */ /* webpackIgnore: true */ file).then(
    (module: typeof import('../runtime')) => module.getWebRuntime(),
  );
}
