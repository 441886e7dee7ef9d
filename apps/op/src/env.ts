/**
 * The OP app's environment, read once at start-up and validated: every other module takes
 * explicit options. Production mode insists on the settings that development defaults.
 */
import { z } from 'zod';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  /** Interface to listen on; all interfaces in production, loopback in development. */
  HOST: z.string().min(1).optional(),
  /** The public origin relying parties and browsers use, e.g. https://id.example.com. */
  OP_PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z.string().min(1).optional(),
  /** Folder for the default SQLite file and the development master key. */
  TESSERA_DATA_DIR: z.string().min(1).default('./data'),
  TESSERA_MASTER_KEY: z.string().optional(),
  TESSERA_ADMIN_EMAIL: z.email().optional(),
  TESSERA_ADMIN_PASSWORD: z.string().min(12).optional(),
  /** Take the client address and scheme from X-Forwarded-* (only behind a trusted proxy). */
  TESSERA_TRUST_PROXY: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((value) => value === 'true' || value === '1'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
});

export interface OpEnv {
  production: boolean;
  port: number;
  host: string;
  /** Origin without a trailing slash. */
  publicUrl: string;
  databaseUrl: string | undefined;
  dataDir: string;
  masterKey: string | undefined;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  trustProxy: boolean;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
}

/** A start-up configuration problem, with a message meant for the operator. */
export class EnvError extends Error {
  override name = 'EnvError';
}

/**
 * The one place the app reads `process.env`.
 *
 * @example const env = readEnv(); // throws EnvError with every problem listed
 */
export function readEnv(source: Record<string, string | undefined> = process.env): OpEnv {
  // Empty variables (`FOO=` in a .env file) mean "not set".
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `  ${issue.path.join('.')}: ${issue.message}`,
    );
    throw new EnvError(`Invalid environment:\n${problems.join('\n')}`);
  }
  const env = parsed.data;
  const production = env.NODE_ENV === 'production';
  const publicUrl = (env.OP_PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, '');
  const problems: string[] = [];
  const url = new URL(publicUrl);
  if (url.pathname !== '/' || url.search || url.hash) {
    problems.push('  OP_PUBLIC_URL: must be an origin (scheme, host, port), without a path');
  }
  if (production) {
    if (!env.OP_PUBLIC_URL) {
      problems.push('  OP_PUBLIC_URL: required in production (e.g. https://id.example.com)');
    } else if (url.protocol !== 'https:' && !LOCAL_HOSTS.has(url.hostname)) {
      problems.push('  OP_PUBLIC_URL: must use https in production');
    }
    if (!env.TESSERA_MASTER_KEY) {
      problems.push(
        '  TESSERA_MASTER_KEY: required in production (32 random bytes, base64); generate one with\n' +
          `    node -e "console.log(require('crypto').randomBytes(32).toString('base64'))"`,
      );
    }
  }
  if (problems.length > 0) throw new EnvError(`Invalid environment:\n${problems.join('\n')}`);
  return {
    production,
    port: env.PORT,
    host: env.HOST ?? (production ? '0.0.0.0' : '127.0.0.1'),
    publicUrl: url.origin,
    databaseUrl: env.DATABASE_URL,
    dataDir: env.TESSERA_DATA_DIR,
    masterKey: env.TESSERA_MASTER_KEY,
    adminEmail: env.TESSERA_ADMIN_EMAIL,
    adminPassword: env.TESSERA_ADMIN_PASSWORD,
    trustProxy: env.TESSERA_TRUST_PROXY,
    logLevel: env.LOG_LEVEL,
  };
}
