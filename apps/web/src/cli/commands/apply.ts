import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import {
  type AppliedTenantConfig,
  applyTenantConfig,
} from '../../server/config-documents/apply-tenant-config';
import type { ConfigChange } from '../../server/config-documents/config-change';
import { AppError } from '../../server/errors';
import { type Command, CommandFailed, type CommandResult, UsageError } from '../command';
import { changeLines } from '../format-changes';

export const applyCommand: Command = {
  name: 'apply',
  summary: 'Bring a tenant to a configuration document (JSON or YAML); prints what changed',
  usage: '<file> [--prune]',
  positionals: 1,
  options: { prune: { type: 'boolean' } },
  async run(context, values, [file]) {
    const document = await readDocument(file as string);
    const changes: ConfigChange[] = [];
    const slug = documentSlug(document);
    try {
      const applied = await applyTenantConfig({
        ...context,
        document,
        prune: values.prune === true,
        onChange: (change) => changes.push(change),
      });
      return report(applied.tenant.slug, applied);
    } catch (error) {
      if (changes.length === 0) throw error;
      throw new CommandFailed(error, report(slug, { tenant: { id: '', slug }, changes }));
    }
  },
};

function report(slug: string, applied: AppliedTenantConfig): CommandResult {
  const { changes } = applied;
  return {
    json: { tenant: applied.tenant, changed: changes.length > 0, changes },
    text:
      changes.length === 0
        ? [`tenant ${slug}: no changes`]
        : changes.flatMap((change) => changeLines(change, slug)),
  };
}

/** YAML is a superset of JSON, so one parser reads both. */
async function readDocument(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? error}`);
  }
  try {
    return parse(text, { maxAliasCount: 100 });
  } catch (error) {
    throw new AppError('VALIDATION_FAILED', `${file} is not JSON or YAML`, [
      { path: '', message: `Not JSON or YAML: ${(error as Error).message.split('\n')[0]}` },
    ]);
  }
}

function documentSlug(document: unknown): string {
  const tenant = (document as { tenant?: { slug?: unknown } } | null)?.tenant;
  return typeof tenant?.slug === 'string' ? tenant.slug : '?';
}
