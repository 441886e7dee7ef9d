/**
 * What a CLI run holds: the database and secret box opened from the same environment as the
 * admin plane (`src/env.ts`), and the CLI principal (full access, audited as `cli`).
 */
import { createSecretBox, loadMasterKey, openDatabase } from '@tessera/db';
import type { WebEnv } from '../env';
import { CLI_PRINCIPAL } from '../server/principal';
import type { CliContext } from './command';

export interface OpenedCliContext extends CliContext {
  close(): Promise<void>;
}

/** @example const context = await openCliContext(readEnv(), { warn: (m) => stderr.write(m) }); */
export async function openCliContext(
  env: WebEnv,
  options: { warn: (message: string) => void },
): Promise<OpenedCliContext> {
  const masterKey = await loadMasterKey({
    value: env.masterKey,
    production: env.production,
    dataDir: env.dataDir,
    log: options.warn,
  });
  const database = await openDatabase({ url: env.databaseUrl, dataDir: env.dataDir });
  return {
    deps: {
      db: database.prisma,
      provider: database.provider,
      secretBox: createSecretBox(masterKey),
      opPublicUrl: env.opPublicUrl,
      now: () => new Date(),
    },
    principal: CLI_PRINCIPAL,
    close: () => database.close(),
  };
}
