/**
 * Step 2: the settings. The document's `settings` is the whole settings document (without the
 * subject salt): fields it leaves out return to their defaults. Only a document that differs
 * from the stored one is written, as one merge patch.
 */
import { isDeepStrictEqual } from 'node:util';
import { type TenantSettings, tenantSettingsSchema } from '@tessera/db';
import { fieldErrorsOf, validationFailed } from '../errors';
import { diffSettings } from '../tenants/settings-diff';
import { isJsonObject, unknownPaths } from '../tenants/settings-patch';
import { updateTenantSettings } from '../tenants/update-tenant-settings';
import type { ApplyRun } from './apply-run';
import { atDocumentPath } from './config-change';

/** Stands in for the salt while a document for a tenant that does not exist yet is checked. */
const PLACEHOLDER_SALT = 'placeholder-subject-salt-of-a-new-tenant';

/**
 * The complete settings the document asks for, or VALIDATION_FAILED at `settings.<path>`.
 * Without a salt, only checks the document (before anything is written).
 */
export function targetSettings(
  settings: Record<string, unknown>,
  subjectSalt = PLACEHOLDER_SALT,
): TenantSettings {
  if (settings.subjectSalt !== undefined) {
    throw validationFailed([
      {
        path: 'settings.subjectSalt',
        message: 'Not part of a configuration document: the subject salt never changes',
      },
    ]);
  }
  const parsed = tenantSettingsSchema.safeParse({ ...settings, subjectSalt });
  if (!parsed.success) throw validationFailed(fieldErrorsOf(parsed.error.issues, 'settings'));
  const unknown = unknownPaths(settings, parsed.data);
  if (unknown.length > 0) {
    throw validationFailed(
      unknown.map((path) => ({ path: `settings.${path}`, message: 'Not a tenant setting' })),
    );
  }
  return parsed.data;
}

export async function applySettings(run: ApplyRun): Promise<void> {
  const wanted = run.document.settings;
  if (wanted === undefined) return;
  const current = run.tenant.settings;
  const target = targetSettings(wanted, current.subjectSalt);
  const fields = diffSettings(current, target);
  if (fields.length === 0) return;
  run.tenant = await atDocumentPath('', () =>
    updateTenantSettings({
      deps: run.deps,
      principal: run.principal,
      tenantId: run.tenant.id,
      settings: patchBetween(current, target) as Record<string, unknown>,
    }),
  );
  run.record({ kind: 'settings', name: run.tenant.slug, action: 'updated', fields });
}

/** The JSON merge patch (RFC 7396) that turns `from` into `to`: removed fields become null. */
export function patchBetween(from: unknown, to: unknown): unknown {
  if (!isJsonObject(from) || !isJsonObject(to)) return to;
  const entries: [string, unknown][] = [];
  for (const key of new Set([...Object.keys(from), ...Object.keys(to)])) {
    if (!Object.hasOwn(to, key) || to[key] === undefined) {
      if (from[key] !== undefined) entries.push([key, null]);
    } else if (!isDeepStrictEqual(from[key], to[key])) {
      entries.push([key, patchBetween(from[key], to[key])]);
    }
  }
  // fromEntries defines own properties: a `__proto__` key stays data.
  return Object.fromEntries(entries);
}
