/**
 * Checks a login form's credentials for one tenant, behind the brute-force limits. The steps, in
 * order: find the user; store this attempt as a failure (so parallel attempts count one another);
 * refuse without checking the password when a limit is reached; check the password (against a
 * dummy hash when there is no user, to keep the timing flat); on success forget the account's
 * failures and upgrade a weak hash. Passwords are never logged or stored in clear.
 */
import { randomUUID } from 'node:crypto';
import {
  type Db,
  DEFAULT_SCRYPT_PARAMS,
  hashPassword,
  type LoginLimits,
  needsRehash,
  type ScryptParams,
  verifyPassword,
} from '@tessera/db';
import { checkLoginLimits, type LoginAttemptKeys } from './check-login-limits';
import { dummyPasswordHash } from './dummy-password-hash';
import { findLoginUser, type LoginUser } from './find-login-user';

/** Longer than any email address (RFC 5321: 254): such a login names nobody, no query needed. */
export const MAX_LOGIN_LENGTH = 320;

export interface AuthenticateUserOptions {
  db: Db;
  tenantId: string;
  /** A login name or an email address, as typed. */
  login: string;
  password: string;
  /** The client's IP address, as the server resolved it (trusted proxies applied). */
  address: string;
  limits: LoginLimits;
  now: () => Date;
  /** Parameters of rehashed passwords and of the dummy hash; tests pass cheap ones. */
  hashParams?: ScryptParams;
}

export type AuthenticationResult =
  | { ok: true; userId: string }
  | { ok: false; reason: 'invalid_credentials' | 'disabled' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

/**
 * Authenticates `login` / `password` at the tenant. A disabled user learns so only after giving
 * the right password; anyone else gets `invalid_credentials`.
 *
 * @example
 * const result = await authenticateUser({
 *   db, tenantId: tenant.id, login: form.login, password: form.password,
 *   address: clientAddress, limits: settings.loginLimits, now: () => new Date(),
 * });
 * if (result.ok) return provider.completeInteraction(request, id, { login: { userId: result.userId } });
 */
export async function authenticateUser(
  options: AuthenticateUserOptions,
): Promise<AuthenticationResult> {
  const { db, tenantId, limits } = options;
  const at = options.now();
  const login = options.login.normalize('NFKC').trim();
  const user =
    login.length > 0 && login.length <= MAX_LOGIN_LENGTH
      ? await findLoginUser({ db, tenantId, login })
      : undefined;
  const keys: LoginAttemptKeys = {
    tenantId,
    accountKey: accountKey(user, login),
    address: options.address,
  };
  const attempt = await recordFailure(db, keys, limits, at);

  const retryAfterSeconds = await checkLoginLimits({ db, keys, limits, at });
  if (retryAfterSeconds !== undefined) {
    // A refused attempt is not a failure: counting it would let an attacker who keeps trying
    // extend the owner's lockout indefinitely.
    await db.loginFailure.deleteMany({ where: { tenantId, id: attempt } });
    return { ok: false, reason: 'throttled', retryAfterSeconds };
  }

  const params = options.hashParams ?? DEFAULT_SCRYPT_PARAMS;
  const stored = user?.passwordHash ?? (await dummyPasswordHash(params));
  const matches = (await verifyPassword(options.password, stored)) && !!user?.passwordHash;
  if (!user || !matches) return { ok: false, reason: 'invalid_credentials' };

  // The right password: this account's failures (this attempt's row among them) are forgiven.
  await db.loginFailure.deleteMany({ where: { tenantId, accountKey: keys.accountKey } });
  if (user.disabled) return { ok: false, reason: 'disabled' };
  if (needsRehash(stored, params)) {
    await rehash(db, tenantId, user.id, stored, options.password, params);
  }
  return { ok: true, userId: user.id };
}

/**
 * Failures of a known user count against the user, however the login was typed (login name or
 * email); unknown logins count against the normalised text, so guessing at them is limited too.
 */
function accountKey(user: LoginUser | undefined, login: string): string {
  return user ? `user:${user.id}` : `login:${login.toLowerCase().slice(0, MAX_LOGIN_LENGTH)}`;
}

/** Stores the attempt as a failure, kept as long as the longest window counts it. */
async function recordFailure(
  db: Db,
  keys: LoginAttemptKeys,
  limits: LoginLimits,
  at: Date,
): Promise<string> {
  const id = randomUUID();
  const longestWindow = Math.max(
    limits.perAccount.windowSeconds,
    limits.perAddress.windowSeconds,
    limits.perTenant.windowSeconds,
  );
  const expiresAt = new Date(at.getTime() + longestWindow * 1000);
  await db.loginFailure.create({ data: { ...keys, id, at, expiresAt }, select: { id: true } });
  return id;
}

/** Only if the hash is still the one just verified: a concurrent password change wins. */
async function rehash(
  db: Db,
  tenantId: string,
  userId: string,
  stored: string,
  password: string,
  params: ScryptParams,
): Promise<void> {
  const passwordHash = await hashPassword(password, params);
  await db.user.updateMany({
    where: { tenantId, id: userId, passwordHash: stored },
    data: { passwordHash },
  });
}
