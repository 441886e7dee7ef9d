/**
 * `apply`'s report, one line per changed field:
 *   tenant acme: settings.protocol.lifetimes.accessToken 3600 → 900
 *   client web-app: created (secret: ... shown once)
 */
import type { ConfigChange } from '../server/config-documents/config-change';

/** Values longer than this are cut: a logo data URL would drown the report. */
const MAX_VALUE_LENGTH = 100;

export function changeLines(change: ConfigChange, slug: string): string[] {
  const subject = change.kind === 'settings' ? `tenant ${slug}` : `${change.kind} ${change.name}`;
  if (change.action !== 'updated') {
    const verb =
      change.kind === 'domain'
        ? { created: 'added', deleted: 'removed' }[change.action]
        : change.action;
    const secret = change.clientSecret ? ` (secret: ${change.clientSecret} shown once)` : '';
    return [`${subject}: ${verb}${secret}`];
  }
  const secret = change.clientSecret
    ? [`${subject}: new secret: ${change.clientSecret} (shown once)`]
    : [];
  const prefix = change.kind === 'settings' ? 'settings.' : '';
  return [
    ...(change.fields ?? []).map(
      (field) => `${subject}: ${prefix}${field.path} ${shown(field.from)} → ${shown(field.to)}`,
    ),
    ...secret,
  ];
}

function shown(value: unknown): string {
  if (value === null || value === undefined) return '(unset)';
  const text =
    typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH - 1)}…` : text;
}
