/**
 * The platform's own tenant, `admin`: the console signs operators in through it. Its first user
 * becomes the first platform operator. Everything is written in one transaction, so a crash or a
 * second instance starting at the same moment leaves either all of it or none.
 */
import type { RandomSource } from '@tessera/core';
import {
  ADMIN_TENANT_SLUG,
  type Db,
  hashPassword,
  isUniqueViolation,
  newTenantSettings,
  publicSubjectOf,
  type ScryptParams,
} from '@tessera/db';
import { randomSecret } from './random-secret';

export { ADMIN_TENANT_SLUG };
/** The login name when no admin email is given. */
export const DEFAULT_ADMIN_LOGIN = 'admin';
/**
 * `Operator.email` is required; without an admin email it holds this address in the reserved
 * `.invalid` domain (RFC 2606), which can never receive mail or be mistaken for a real one.
 */
export const PLACEHOLDER_OPERATOR_EMAIL = 'admin@tessera.invalid';
/** 18 random bytes: a 24-character one-time password (144 bits). */
const GENERATED_PASSWORD_BYTES = 18;
const ID_BYTES = 16;

export interface SeedAdminTenantOptions {
  db: Db;
  adminEmail?: string;
  adminPassword?: string;
  random: RandomSource;
  now: () => Date;
  hashParams?: ScryptParams;
}

/**
 * Creates the admin tenant with its operator user, or does nothing when it exists. Returns the
 * login, and the password only when it was generated (shown once, never stored in clear).
 *
 * @example
 * const admin = await seedAdminTenant({ db, adminEmail: env.ADMIN_EMAIL, random, now });
 */
export async function seedAdminTenant(
  options: SeedAdminTenantOptions,
): Promise<{ login: string; password?: string } | undefined> {
  const { db, random } = options;
  if (await db.tenant.findUnique({ where: { slug: ADMIN_TENANT_SLUG }, select: { id: true } })) {
    return undefined;
  }
  const email = options.adminEmail?.trim().toLowerCase() || undefined;
  const login = email ?? DEFAULT_ADMIN_LOGIN;
  const generated = options.adminPassword
    ? undefined
    : randomSecret(random, GENERATED_PASSWORD_BYTES);
  const passwordHash = await hashPassword(options.adminPassword ?? generated!, options.hashParams);
  // The admin tenant's clients are the console and API clients the admin plane registers; nobody
  // may register their own.
  const settings = newTenantSettings(random);
  settings.protocol.registration = 'off';
  const tenantId = randomSecret(random, ID_BYTES);
  const userId = randomSecret(random, ID_BYTES);
  const operatorId = randomSecret(random, ID_BYTES);
  const createdAt = options.now();
  // The console's client uses public subjects, so the operator is recognised by this `sub`.
  const subject = publicSubjectOf(settings, userId);
  const claims = { name: 'Administrator', ...(email && { email, email_verified: true }) };
  try {
    await db.$transaction([
      db.tenant.create({
        data: { id: tenantId, slug: ADMIN_TENANT_SLUG, name: 'Tessera Admin', settings, createdAt },
      }),
      db.user.create({
        data: { tenantId, id: userId, loginName: login, email, passwordHash, claims, createdAt },
      }),
      db.operator.create({
        data: {
          id: operatorId,
          subject,
          email: email ?? PLACEHOLDER_OPERATOR_EMAIL,
          name: 'Administrator',
          createdAt,
        },
      }),
      db.membership.create({
        data: {
          id: randomSecret(random, ID_BYTES),
          operatorId,
          tenantId: null,
          role: 'platform_operator',
          createdAt,
        },
      }),
    ]);
  } catch (error) {
    // Another instance seeded first (same slug or the same operator email): nothing to do.
    if (isUniqueViolation(error)) return undefined;
    throw error;
  }
  return { login, ...(generated !== undefined && { password: generated }) };
}
