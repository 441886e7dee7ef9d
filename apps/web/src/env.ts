/**
 * The admin plane's environment, read once and validated; the one place `process.env` is read.
 */
import { z } from 'zod';

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  WEB_PORT: z.coerce.number().int().min(1).max(65_535).default(3001),
  HOST: z.string().min(1).optional(),
  /** Where operators reach the console, e.g. https://console.example.com. */
  WEB_PUBLIC_URL: z.url().optional(),
  /** The OP app's public origin; the console signs in at `${OP_PUBLIC_URL}/admin`. */
  OP_PUBLIC_URL: z.url().optional(),
  /** The OP's origin as this server reaches it (defaults to OP_PUBLIC_URL). */
  OP_INTERNAL_URL: z.url().optional(),
  DATABASE_URL: z.string().min(1).optional(),
  TESSERA_DATA_DIR: z.string().min(1).default('./data'),
  TESSERA_MASTER_KEY: z.string().optional(),
  /** Allow GraphQL introspection in production (always on in development). */
  GRAPHQL_INTROSPECTION: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((value) => value === 'true' || value === '1'),
  TESSERA_TRUST_PROXY: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((value) => value === 'true' || value === '1'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
});

export interface WebEnv {
  production: boolean;
  port: number;
  host: string;
  /** Origins without a trailing slash. */
  publicUrl: string;
  opPublicUrl: string;
  opInternalUrl: string;
  databaseUrl: string | undefined;
  dataDir: string;
  masterKey: string | undefined;
  introspection: boolean;
  trustProxy: boolean;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
}

export class EnvError extends Error {
  override name = 'EnvError';
}

/** @example const env = readEnv(); // throws EnvError listing every problem */
export function readEnv(source: Record<string, string | undefined> = process.env): WebEnv {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new EnvError(`Invalid environment:\n${problems.join('\n')}`);
  }
  const env = parsed.data;
  const production = env.NODE_ENV === 'production';
  const problems: string[] = [];
  if (production) {
    if (!env.WEB_PUBLIC_URL) problems.push('  WEB_PUBLIC_URL: required in production');
    if (!env.OP_PUBLIC_URL) problems.push('  OP_PUBLIC_URL: required in production');
    if (!env.TESSERA_MASTER_KEY) problems.push('  TESSERA_MASTER_KEY: required in production');
  }
  if (problems.length > 0) throw new EnvError(`Invalid environment:\n${problems.join('\n')}`);
  const origin = (url: string) => new URL(url).origin;
  const opPublicUrl = origin(env.OP_PUBLIC_URL ?? 'http://localhost:3000');
  return {
    production,
    port: env.WEB_PORT,
    host: env.HOST ?? (production ? '0.0.0.0' : '127.0.0.1'),
    publicUrl: origin(env.WEB_PUBLIC_URL ?? `http://localhost:${env.WEB_PORT}`),
    opPublicUrl,
    opInternalUrl: env.OP_INTERNAL_URL ? origin(env.OP_INTERNAL_URL) : opPublicUrl,
    databaseUrl: env.DATABASE_URL,
    dataDir: env.TESSERA_DATA_DIR,
    masterKey: env.TESSERA_MASTER_KEY,
    introspection: !production || env.GRAPHQL_INTROSPECTION,
    trustProxy: env.TESSERA_TRUST_PROXY,
    logLevel: env.LOG_LEVEL,
  };
}
