/**
 * Test data written straight through Prisma, as the admin plane would: tenants (with settings
 * adjusted per test) and users with real password hashes.
 */
import { randomUUID } from 'node:crypto';
import { type Db, hashPassword, newTenantSettings, type TenantSettings } from '@tessera/db';

export interface TenantFixture {
  id: string;
  slug: string;
}

export interface CreateTenantOptions {
  slug?: string;
  status?: 'active' | 'disabled';
  /** Adjusts the new tenant's settings (lifetimes, loginLimits, ...) before they are stored. */
  settings?: (settings: TenantSettings) => void;
}

/** @example const acme = await createTenant(db, { settings: (s) => { s.loginLimits.perAccount.maxFailures = 2; } }); */
export async function createTenant(
  db: Db,
  options: CreateTenantOptions = {},
): Promise<TenantFixture> {
  const id = randomUUID();
  const slug = options.slug ?? `t-${id.slice(0, 8)}`;
  const settings = newTenantSettings();
  options.settings?.(settings);
  await db.tenant.create({
    data: { id, slug, name: `Tenant ${slug}`, status: options.status ?? 'active', settings },
  });
  return { id, slug };
}

/** Settings change for tenants that hand out refresh tokens (the engine issues none by default). */
export function withRefreshTokens(settings: TenantSettings): void {
  settings.protocol.lifetimes = { ...settings.protocol.lifetimes, refreshToken: 24 * 3600 };
}

/** Stores new settings the way an admin change does: the document and a bumped configVersion. */
export async function updateTenantSettings(
  db: Db,
  tenantId: string,
  change: (settings: TenantSettings) => void,
): Promise<void> {
  const row = await db.tenant.findUniqueOrThrow({ where: { id: tenantId } });
  const settings = structuredClone(row.settings) as TenantSettings;
  change(settings);
  await db.tenant.update({
    where: { id: tenantId },
    data: { settings, configVersion: { increment: 1 } },
  });
}

export interface UserFixture {
  id: string;
  login: string;
  email: string;
  password: string;
}

// One scrypt hash per password for the whole run: hashing costs ~100 ms at the default cost.
const hashes = new Map<string, Promise<string>>();

/** @example const alice = await createUser(db, acme.id, { login: 'alice' }); */
export async function createUser(
  db: Db,
  tenantId: string,
  options: { login: string; password?: string; disabled?: boolean },
): Promise<UserFixture> {
  const password = options.password ?? `${options.login}-correct-horse`;
  let hash = hashes.get(password);
  if (!hash) {
    hash = hashPassword(password);
    hashes.set(password, hash);
  }
  const id = randomUUID();
  const email = `${options.login}@example.com`;
  await db.user.create({
    data: {
      tenantId,
      id,
      loginName: options.login,
      email,
      passwordHash: await hash,
      disabled: options.disabled ?? false,
      claims: {
        name: `${options.login} Example`,
        email,
        email_verified: true,
      },
    },
  });
  return { id, login: options.login, email, password };
}
