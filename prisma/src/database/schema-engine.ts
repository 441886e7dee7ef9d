// Loads Prisma's schema engine compiled to WebAssembly (@prisma/schema-engine-wasm): the Prisma
// CLI's native engine is a download these machines cannot make; this one does the same work
// (diff, apply migrations) through our driver adapters.
//
// The package's own entry (`schema_engine.js`) does `import * as wasm from "./x.wasm"`, which on
// Node 20 needs `--experimental-wasm-modules` and is not understood by vitest. We instead
// instantiate the .wasm ourselves against the package's JS glue (`schema_engine_bg.js`, its
// only import module), doing exactly what that entry does, so no flag is needed anywhere.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import type { SchemaEngine } from '@prisma/schema-engine-wasm/schema_engine_bg';
import * as glue from '@prisma/schema-engine-wasm/schema_engine_bg';

export type { SchemaEngine };

let loaded: Promise<typeof glue.SchemaEngine> | undefined;

// The wasm module holds global state (its memory), so it is instantiated once per process.
function loadEngineClass(): Promise<typeof glue.SchemaEngine> {
  loaded ??= (async () => {
    const gluePath = createRequire(import.meta.url).resolve(
      '@prisma/schema-engine-wasm/schema_engine_bg',
    );
    const bytes = await readFile(gluePath.replace(/\.js$/, '.wasm'));
    const { instance } = await WebAssembly.instantiate(bytes, {
      './schema_engine_bg.js': withUnrefTimers(glue as unknown as WebAssembly.ModuleImports),
    });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return glue.SchemaEngine;
  })();
  return loaded;
}

// On PostgreSQL the engine arms a 10 s timer (a timeout it never clears) that would keep
// `npm run db:migrate` and tests alive for 10 s after the work is done. Its timers only ever
// bound work that something else (a socket, our awaiting caller) keeps alive, so unref them.
function withUnrefTimers(imports: WebAssembly.ModuleImports): WebAssembly.ModuleImports {
  const patched: WebAssembly.ModuleImports = { ...imports };
  for (const name of Object.keys(imports)) {
    if (!name.startsWith('__wbg_setTimeout_')) continue;
    const original = imports[name] as (...args: unknown[]) => unknown;
    patched[name] = (...args: unknown[]) => {
      const timer = original(...args);
      (timer as { unref?: () => void } | undefined)?.unref?.();
      return timer;
    };
  }
  return patched;
}

/**
 * Runs `work` with a schema engine talking to the database behind `factory`, then frees the
 * engine and closes every connection it opened. `schema` is the full provider schema.
 *
 * Closing matters: `free` leaves the adapters open, and on SQLite the engine sets
 * `locking_mode=EXCLUSIVE`, so a forgotten connection would lock the file for good.
 *
 * @example await withSchemaEngine(factory, schemaFor('sqlite'), (engine) => engine.diff(params));
 */
export async function withSchemaEngine<T>(
  factory: SqlMigrationAwareDriverAdapterFactory,
  schema: string,
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const SchemaEngineClass = await loadEngineClass();
  const opened: SqlDriverAdapter[] = [];
  const track = async (connecting: Promise<SqlDriverAdapter>) => {
    const adapter = await connecting;
    // The engine disposes some connections itself (the shadow database); make a second
    // dispose a no-op, since pg throws when a pool is ended twice.
    const dispose = adapter.dispose.bind(adapter);
    let disposed: Promise<void> | undefined;
    adapter.dispose = () => {
      disposed ??= dispose();
      return disposed;
    };
    opened.push(adapter);
    return adapter;
  };
  const tracked: SqlMigrationAwareDriverAdapterFactory = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: () => track(factory.connect()),
    connectToShadowDb: () => track(factory.connectToShadowDb()),
  };
  // The engine calls back with its log lines; they are debug noise for us.
  const ignoreLog = () => {};
  const engine = await SchemaEngineClass.new(
    { datamodels: [['schema.prisma', schema]] },
    ignoreLog,
    bindMigrationAwareSqlAdapterFactory(tracked),
  );
  try {
    return await work(engine);
  } finally {
    engine.free();
    await Promise.all(opened.map((adapter) => adapter.dispose()));
  }
}
