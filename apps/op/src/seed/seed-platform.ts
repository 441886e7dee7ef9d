/**
 * First-start seeding: the `admin` tenant (with the first platform operator) and, outside
 * production, the `demo` tenant. Idempotent: what exists is left alone, and a second run returns
 * no credentials, so the start script prints secrets at most once. Signing keys are not made
 * here; the core creates a tenant's keys when its first Provider is built.
 */
import { randomBytes } from 'node:crypto';
import type { RandomSource } from '@tessera/core';
import type { Db, ScryptParams, SecretBox } from '@tessera/db';
import { ADMIN_TENANT_SLUG, seedAdminTenant } from './seed-admin-tenant';
import { DEMO_TENANT_SLUG, type DemoCredentials, seedDemoTenant } from './seed-demo-tenant';

export interface SeedPlatformOptions {
  db: Db;
  /** Encrypts what the client store keeps encrypted. */
  secretBox: SecretBox;
  /** `OP_PUBLIC_URL`; the tenants' issuers are `${publicUrl}/<slug>`. */
  publicUrl: string;
  /** The first operator's login and email; the login is `admin` without one. */
  adminEmail?: string;
  /** The first operator's password; a one-time password is generated and returned without one. */
  adminPassword?: string;
  /** Create the demo tenant (user `demo`, password `demo`). Pass false in production. */
  demo: boolean;
  demoRedirectUris?: string[];
  demoPostLogoutRedirectUris?: string[];
  random?: RandomSource;
  now?: () => Date;
  /** scrypt parameters of the seeded passwords; tests pass cheap ones. */
  hashParams?: ScryptParams;
}

export interface SeedResult {
  /** Whether anything was created by this run. */
  created: boolean;
  /** Present when the admin tenant was created now; `password` only when it was generated. */
  admin?: { login: string; password?: string; issuer: string };
  /** Present when the demo client was created now: its secret is shown this once. */
  demo?: DemoCredentials & { issuer: string };
}

/**
 * Seeds what is missing and returns the credentials to show once.
 *
 * @example
 * const seeded = await seedPlatform({
 *   db, secretBox, publicUrl: env.OP_PUBLIC_URL, adminEmail: env.ADMIN_EMAIL,
 *   demo: env.NODE_ENV !== 'production',
 * });
 * if (seeded.admin?.password) console.log(`admin password (shown once): ${seeded.admin.password}`);
 */
export async function seedPlatform(options: SeedPlatformOptions): Promise<SeedResult> {
  const random = options.random ?? randomBytes;
  const now = options.now ?? (() => new Date());
  const issuer = (slug: string) => `${options.publicUrl.replace(/\/+$/, '')}/${slug}`;
  const common = { db: options.db, random, now, hashParams: options.hashParams };

  const admin = await seedAdminTenant({
    ...common,
    adminEmail: options.adminEmail,
    adminPassword: options.adminPassword,
  });
  const demo = options.demo
    ? await seedDemoTenant({
        ...common,
        secretBox: options.secretBox,
        redirectUris: options.demoRedirectUris,
        postLogoutRedirectUris: options.demoPostLogoutRedirectUris,
      })
    : undefined;
  return {
    created: admin !== undefined || demo !== undefined,
    ...(admin && { admin: { ...admin, issuer: issuer(ADMIN_TENANT_SLUG) } }),
    ...(demo && { demo: { ...demo, issuer: issuer(DEMO_TENANT_SLUG) } }),
  };
}
