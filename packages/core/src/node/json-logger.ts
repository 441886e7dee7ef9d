/**
 * Structured JSON logs, one line per event on stdout. Callers pass identifiers (request id,
 * tenant, client), never secrets: the logger also drops any field whose name looks like one,
 * so a careless call cannot print a password or token.
 */
import type { Logger } from '../context.js';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

// Field names that must never reach a log line, whatever the caller meant.
const SECRET_FIELD = /pass(word)?|secret|token|code$|^code|assertion|cookie|authorization/i;

export interface AppLogger extends Logger {
  debug(message: string, details?: Record<string, unknown>): void;
  info(message: string, details?: Record<string, unknown>): void;
  warn(message: string, details?: Record<string, unknown>): void;
  error(message: string, details?: Record<string, unknown>): void;
  /** The same logger with `fields` added to every line (e.g. `{ requestId, tenant }`). */
  child(fields: Record<string, unknown>): AppLogger;
}

/**
 * @example const log = createLogger({ level: 'info' }); log.info('listening', { port: 3000 });
 */
export function createLogger(options: {
  level: LogLevel;
  write?: (line: string) => void;
  now?: () => Date;
  fields?: Record<string, unknown>;
}): AppLogger {
  const threshold = RANK[options.level];
  const write = options.write ?? ((line: string) => process.stdout.write(line));
  const now = options.now ?? (() => new Date());
  const base = options.fields ?? {};
  const emit = (level: LogLevel, message: string, details: Record<string, unknown> = {}) => {
    if (RANK[level] < threshold) return;
    const line: Record<string, unknown> = { time: now().toISOString(), level, msg: message };
    for (const [key, value] of Object.entries({ ...base, ...details })) {
      if (value === undefined) continue;
      line[key] = SECRET_FIELD.test(key) ? '[redacted]' : describe(value);
    }
    write(`${JSON.stringify(line)}\n`);
  };
  return {
    debug: (message, details) => emit('debug', message, details),
    info: (message, details) => emit('info', message, details),
    warn: (message, details) => emit('warn', message, details),
    error: (message, details) => emit('error', message, details),
    child: (fields) => createLogger({ ...options, fields: { ...base, ...fields } }),
  };
}

// Errors serialise as {} by default; keep their name and message (stacks only in debug).
function describe(value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message };
  return value;
}
