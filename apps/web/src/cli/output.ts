/**
 * How the CLI reports a failure: the stable code and, for invalid input, every field path, as
 * text for people or as `{ error: { code, message, fieldErrors } }` with `--json`. Never a stack
 * trace: a user's mistake is not a crash.
 */
import { MasterKeyError, TenantSettingsError } from '@tessera/db';
import { EnvError } from '../env';
import { AppError, type FieldError } from '../server/errors';
import { UsageError } from './command';

export interface CliFailure {
  /** An AppError code, or USAGE, CONFIGURATION, INTERNAL. */
  code: string;
  message: string;
  fieldErrors: FieldError[];
}

export function failureOf(error: unknown): CliFailure {
  if (error instanceof AppError) {
    return { code: error.code, message: error.message, fieldErrors: error.fieldErrors };
  }
  if (error instanceof UsageError)
    return { code: 'USAGE', message: error.message, fieldErrors: [] };
  if (error instanceof EnvError || error instanceof MasterKeyError) {
    return { code: 'CONFIGURATION', message: error.message, fieldErrors: [] };
  }
  if (error instanceof TenantSettingsError) {
    return {
      code: 'INVALID_STORED_SETTINGS',
      message: error.message,
      fieldErrors: [...error.issues],
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL', message, fieldErrors: [] };
}

/** The lines to print on stderr for `failure`. */
export function failureText(failure: CliFailure): string[] {
  if (failure.fieldErrors.length > 0) {
    return [
      `error: ${failure.code}`,
      ...failure.fieldErrors.map((e) => `  ${e.path || '(document)'}: ${e.message}`),
    ];
  }
  return [`error: ${failure.code}: ${failure.message}`];
}

/** Aligned `label: value` lines. */
export function table(rows: readonly (readonly [string, string])[], indent = '  '): string[] {
  const width = Math.max(0, ...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `${indent}${`${label}:`.padEnd(width + 2)}${value}`);
}
