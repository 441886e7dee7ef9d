/**
 * The shape every CLI command shares: its options (for `node:util` parseArgs), its help text and
 * a `run` that calls service functions and returns what to print, both as lines for people and
 * as a value for `--json`. Commands never print or exit themselves.
 */
import type { ParseArgsConfig } from 'node:util';
import type { ServiceDeps } from '../graphql/context';
import type { Principal } from '../server/principal';

export type OptionsConfig = NonNullable<ParseArgsConfig['options']>;
export type OptionValues = Record<string, string | boolean | string[] | boolean[] | undefined>;

export interface CliContext {
  deps: ServiceDeps;
  principal: Principal;
}

export interface CommandResult {
  /** Human-readable lines. */
  text: string[];
  /** What `--json` prints. */
  json: unknown;
}

export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** The argument synopsis after the command name. */
  usage: string;
  options: OptionsConfig;
  /** How many positional arguments the command takes (default none). */
  positionals?: number;
  run(context: CliContext, values: OptionValues, positionals: string[]): Promise<CommandResult>;
}

/** A mistake in the command line itself (unknown option, missing value): exit 1 with usage. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * A command that failed after doing part of its work (an `apply` stopped by an invalid client):
 * what it did is printed before the error.
 */
export class CommandFailed extends Error {
  override name = 'CommandFailed';

  constructor(
    override readonly cause: unknown,
    readonly partial: CommandResult,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

/** @example const email = requiredString(values, 'email'); */
export function requiredString(values: OptionValues, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '') throw new UsageError(`--${name} is required`);
  return value;
}

export function optionalString(values: OptionValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

/** A repeatable option's values (`--redirect-uri a --redirect-uri b`). */
export function stringList(values: OptionValues, name: string): string[] {
  const value = values[name];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return typeof value === 'string' ? [value] : [];
}

/** `value` when it is one of `allowed`, else a usage error naming them. */
export function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (got '${value}')`);
}
