// `npm run build -w @tessera/db`: writes generated/<provider>/schema.prisma and generates the
// Prisma client for each provider into generated/<provider>/client. Fully offline.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { packageRoot, providers, schemaFor } from '../src/database/schema.js';

// `prisma generate` refuses to run without a schema engine binary and would try to download
// one, which these machines cannot do. It only checks that the file exists (it never runs it for
// `generate`), so a placeholder is enough; migrations use @prisma/schema-engine-wasm instead.
const placeholderEngine = `${packageRoot}generated/schema-engine-placeholder`;
mkdirSync(`${packageRoot}generated`, { recursive: true });
writeFileSync(
  placeholderEngine,
  '#!/bin/sh\necho "placeholder: use @prisma/schema-engine-wasm" >&2\nexit 1\n',
  {
    mode: 0o755,
  },
);

const prismaCli = createRequire(import.meta.url).resolve('prisma/build/index.js');

for (const provider of providers) {
  const dir = `${packageRoot}generated/${provider}`;
  mkdirSync(dir, { recursive: true });
  const schemaPath = `${dir}/schema.prisma`;
  writeFileSync(schemaPath, schemaFor(provider));
  execFileSync(process.execPath, [prismaCli, 'generate', '--schema', schemaPath], {
    cwd: packageRoot,
    stdio: 'inherit',
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: placeholderEngine,
      PRISMA_HIDE_UPDATE_MESSAGE: '1',
      CHECKPOINT_DISABLE: '1',
    },
  });
}
