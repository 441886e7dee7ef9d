/**
 * `npm run tessera -- <command> [options] [--json]`: parses the command line, opens the database
 * from the admin plane's environment, runs the command and prints its result (text, or JSON with
 * `--json`). Returns the exit code: 0 on success, 1 on any error.
 */
import { parseArgs } from 'node:util';
import { readEnv } from '../env';
import { type OpenedCliContext, openCliContext } from './cli-context';
import {
  type Command,
  CommandFailed,
  type OptionsConfig,
  type OptionValues,
  UsageError,
} from './command';
import { COMMANDS } from './commands';
import { failureOf, failureText } from './output';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** The environment to read (default: the process's). */
  env?: Record<string, string | undefined>;
}

const GLOBAL_OPTIONS: OptionsConfig = {
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};

/** @example process.exitCode = await runCli(process.argv.slice(2), { stdout, stderr }); */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const json = argv.includes('--json');
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.stdout(`${overview()}\n`);
    return name === undefined ? 1 : 0;
  }
  let context: OpenedCliContext | undefined;
  try {
    const command = COMMANDS.find((c) => c.name === name);
    if (!command)
      throw new UsageError(`Unknown command '${name}'. Run 'tessera help' for the list.`);
    const { values, positionals } = parseCommandLine(command, rest);
    if (values.help) {
      io.stdout(`${commandHelp(command)}\n`);
      return 0;
    }
    const env = readEnv(io.env);
    context = await openCliContext(env, {
      warn: (message) =>
        io.stderr(`${/^warning/i.test(message) ? message : `warning: ${message}`}\n`),
    });
    const result = await command.run(context, values, positionals);
    io.stdout(json ? `${JSON.stringify(result.json, null, 2)}\n` : `${result.text.join('\n')}\n`);
    return 0;
  } catch (error) {
    const partial = error instanceof CommandFailed ? error.partial : undefined;
    const failure = failureOf(error instanceof CommandFailed ? error.cause : error);
    if (json) {
      const done = partial?.json && typeof partial.json === 'object' ? partial.json : {};
      io.stdout(`${JSON.stringify({ ...done, error: failure }, null, 2)}\n`);
    } else {
      if (partial && partial.text.length > 0) io.stdout(`${partial.text.join('\n')}\n`);
      io.stderr(`${failureText(failure).join('\n')}\n`);
    }
    return 1;
  } finally {
    await context?.close();
  }
}

function parseCommandLine(command: Command, args: string[]) {
  let parsed: { values: OptionValues; positionals: string[] };
  try {
    parsed = parseArgs({
      args,
      options: { ...command.options, ...GLOBAL_OPTIONS },
      allowPositionals: true,
      strict: true,
    }) as { values: OptionValues; positionals: string[] };
  } catch (error) {
    // parseArgs throws TypeErrors with codes ERR_PARSE_ARGS_*: the user's mistake, not a crash.
    throw new UsageError(`${(error as Error).message}\nusage: ${synopsis(command)}`);
  }
  const expected = command.positionals ?? 0;
  if (!parsed.values.help && parsed.positionals.length !== expected) {
    throw new UsageError(
      `${command.name} takes ${expected} argument(s), got ${parsed.positionals.length}\nusage: ${synopsis(command)}`,
    );
  }
  return parsed;
}

const synopsis = (command: Command) => `tessera ${command.name} ${command.usage} [--json]`;

function commandHelp(command: Command): string {
  return `${command.summary}\n\nusage: ${synopsis(command)}`;
}

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'usage: npm run tessera -- <command> [options] [--json]',
    '',
    'Commands (run `tessera <command> --help` for its options):',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width + 2)}${c.summary}`),
    '',
    'The database and master key come from the same environment as apps/web',
    '(DATABASE_URL, TESSERA_DATA_DIR, TESSERA_MASTER_KEY, OP_PUBLIC_URL).',
  ].join('\n');
}
