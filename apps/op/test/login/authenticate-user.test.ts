import { randomUUID } from 'node:crypto';
import {
  type Db,
  hashPassword,
  type LoginLimits,
  loginLimitsSchema,
  newTenantSettings,
  type ScryptParams,
} from '@tessera/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuthenticateUserOptions, authenticateUser } from '../../src/login/authenticate-user';
import { type TestDatabase, testDatabases } from '../support/test-databases';

/** Cheap scrypt parameters: a real hash in microseconds. */
const FAST: ScryptParams = { ln: 4, r: 8, p: 1 };
const WEAKER: ScryptParams = { ln: 3, r: 8, p: 1 };
const START = new Date('2026-01-01T00:00:00Z');
const WINDOW = 60;

/** Generous limits, so only the limit a test lowers is ever reached. */
function limitsWith(overrides: Partial<Record<keyof LoginLimits, number>> = {}): LoginLimits {
  const limit = (maxFailures = 1000) => ({ maxFailures, windowSeconds: WINDOW });
  return loginLimitsSchema.parse({
    perAccount: limit(overrides.perAccount),
    perAddress: limit(overrides.perAddress),
    perTenant: limit(overrides.perTenant),
  });
}

for (const provider of testDatabases) {
  describe.skipIf(provider.skip)(`Password login on ${provider.name}`, () => {
    let database: TestDatabase;
    let db: Db;
    beforeAll(async () => {
      database = await provider.open();
      db = database.db;
    });
    afterAll(async () => {
      await database?.close();
    });

    /** A fresh tenant with a frozen clock and a login helper with default arguments. */
    async function tenant(limits: LoginLimits = limitsWith()) {
      const tenantId = randomUUID();
      await db.tenant.create({
        data: { id: tenantId, slug: tenantId, name: 'Test', settings: newTenantSettings() },
      });
      let clock = START;
      const login = (
        loginName: string,
        password: string,
        more: Partial<AuthenticateUserOptions> = {},
      ) =>
        authenticateUser({
          db,
          tenantId,
          login: loginName,
          password,
          address: '192.0.2.1',
          limits,
          now: () => clock,
          hashParams: FAST,
          ...more,
        });
      const advance = (seconds: number) => {
        clock = new Date(clock.getTime() + seconds * 1000);
      };
      const addUser = async (
        loginName: string,
        password: string,
        extra: { email?: string; disabled?: boolean; params?: ScryptParams } = {},
      ) => {
        const id = randomUUID();
        await db.user.create({
          data: {
            tenantId,
            id,
            loginName,
            email: extra.email ?? null,
            passwordHash: await hashPassword(password, extra.params ?? FAST),
            claims: {},
            disabled: extra.disabled ?? false,
          },
        });
        return id;
      };
      const failures = () => db.loginFailure.count({ where: { tenantId } });
      return { tenantId, login, advance, addUser, failures };
    }

    it('accepts the right password and returns the user id', async () => {
      const { login, addUser, failures } = await tenant();
      const id = await addUser('ada', 'correct horse');
      expect(await login('ada', 'correct horse')).toEqual({ ok: true, userId: id });
      expect(await failures()).toBe(0);
    });

    it('refuses a wrong password and records one failure', async () => {
      const { login, addUser, failures } = await tenant();
      await addUser('ada', 'correct horse');
      expect(await login('ada', 'wrong horse')).toEqual({
        ok: false,
        reason: 'invalid_credentials',
      });
      expect(await failures()).toBe(1);
    });

    it('refuses an unknown login exactly as it refuses a wrong password', async () => {
      const { login, failures } = await tenant();
      expect(await login('nobody', 'anything')).toEqual({
        ok: false,
        reason: 'invalid_credentials',
      });
      expect(await failures()).toBe(1);
    });

    it('refuses a user without a password, whatever is typed', async () => {
      const { tenantId, login } = await tenant();
      await db.user.create({ data: { tenantId, id: 'u', loginName: 'nopass', claims: {} } });
      expect(await login('nopass', '')).toMatchObject({ reason: 'invalid_credentials' });
      expect(await login('nopass', 'x')).toMatchObject({ reason: 'invalid_credentials' });
    });

    it('accepts the email address as login, in any letter case', async () => {
      const { login, addUser } = await tenant();
      const id = await addUser('ada', 'correct horse', { email: 'ada@example.com' });
      expect(await login('Ada@Example.COM', 'correct horse')).toEqual({ ok: true, userId: id });
      expect(await login(' ada@example.com ', 'correct horse')).toEqual({ ok: true, userId: id });
    });

    it('prefers the login name when it equals another user’s email', async () => {
      const { login, addUser } = await tenant();
      await addUser('first', 'first password', { email: 'shared@example.com' });
      const second = await addUser('shared@example.com', 'second password');
      expect(await login('shared@example.com', 'second password')).toEqual({
        ok: true,
        userId: second,
      });
      expect(await login('shared@example.com', 'first password')).toMatchObject({ ok: false });
    });

    it('signs nobody in by an email that several users share', async () => {
      const { login, addUser } = await tenant();
      await addUser('one', 'same password', { email: 'team@example.com' });
      await addUser('two', 'same password', { email: 'team@example.com' });
      expect(await login('team@example.com', 'same password')).toMatchObject({
        reason: 'invalid_credentials',
      });
    });

    it('tells a disabled user so only after the right password', async () => {
      const { login, addUser } = await tenant();
      await addUser('gone', 'right password', { disabled: true });
      expect(await login('gone', 'wrong password')).toMatchObject({
        reason: 'invalid_credentials',
      });
      expect(await login('gone', 'right password')).toEqual({ ok: false, reason: 'disabled' });
    });

    it('throttles an account at its limit without checking the password, until the window passes', async () => {
      const { login, addUser, advance } = await tenant(limitsWith({ perAccount: 3 }));
      const id = await addUser('ada', 'correct horse', { email: 'ada@example.com' });
      await login('ada', 'guess 1');
      advance(10);
      await login('ada@example.com', 'guess 2'); // the same account, however it is named
      await login('ada', 'guess 3');
      expect(await login('ada', 'correct horse')).toEqual({
        ok: false,
        reason: 'throttled',
        retryAfterSeconds: WINDOW - 10,
      });
      advance(WINDOW - 10);
      // The first failure left the window; the other two are still in it.
      expect(await login('ada', 'correct horse')).toEqual({ ok: true, userId: id });
    });

    it('does not count refused attempts, so retrying does not extend a lockout', async () => {
      const { login, addUser, advance, failures } = await tenant(limitsWith({ perAccount: 2 }));
      const id = await addUser('ada', 'correct horse');
      await login('ada', 'guess 1');
      await login('ada', 'guess 2');
      for (let i = 0; i < 5; i++) {
        advance(10);
        expect(await login('ada', 'guess again')).toMatchObject({ reason: 'throttled' });
      }
      expect(await failures()).toBe(2);
      advance(WINDOW - 50);
      expect(await login('ada', 'correct horse')).toEqual({ ok: true, userId: id });
    });

    it('forgives an account’s failures after a successful login', async () => {
      const { login, addUser, failures } = await tenant(limitsWith({ perAccount: 3 }));
      const id = await addUser('ada', 'correct horse');
      await login('ada', 'guess 1');
      await login('ada', 'guess 2');
      expect(await login('ada', 'correct horse')).toEqual({ ok: true, userId: id });
      expect(await failures()).toBe(0);
      await login('ada', 'guess 3');
      await login('ada', 'guess 4');
      expect(await login('ada', 'correct horse')).toEqual({ ok: true, userId: id });
    });

    it('throttles an address spraying many accounts, but not other addresses', async () => {
      const { login, addUser, advance } = await tenant(limitsWith({ perAddress: 3 }));
      const id = await addUser('ada', 'correct horse');
      for (const name of ['bob', 'carol', 'dave']) await login(name, 'password1');
      expect(await login('ada', 'correct horse')).toEqual({
        ok: false,
        reason: 'throttled',
        retryAfterSeconds: WINDOW,
      });
      expect(await login('ada', 'correct horse', { address: '198.51.100.7' })).toEqual({
        ok: true,
        userId: id,
      });
      advance(WINDOW);
      expect(await login('ada', 'correct horse')).toEqual({ ok: true, userId: id });
    });

    it('throttles the whole tenant at its limit, and only that tenant', async () => {
      const limits = limitsWith({ perTenant: 3 });
      const first = await tenant(limits);
      const other = await tenant(limits);
      const id = await first.addUser('ada', 'correct horse');
      const otherId = await other.addUser('ada', 'correct horse');
      for (const [i, name] of ['bob', 'carol', 'dave'].entries()) {
        await first.login(name, 'password1', { address: `203.0.113.${i}` });
      }
      expect(await first.login('ada', 'correct horse', { address: '198.51.100.7' })).toEqual({
        ok: false,
        reason: 'throttled',
        retryAfterSeconds: WINDOW,
      });
      expect(await other.login('ada', 'correct horse')).toEqual({ ok: true, userId: otherId });
      first.advance(WINDOW);
      expect(await first.login('ada', 'correct horse')).toEqual({ ok: true, userId: id });
    });

    it('lets at most the limit of parallel guesses reach the password check', async () => {
      const { login, addUser, failures } = await tenant(limitsWith({ perAccount: 5 }));
      await addUser('ada', 'correct horse');
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => login('ada', `guess ${i}`)),
      );
      const checked = results.filter((r) => !r.ok && r.reason === 'invalid_credentials');
      expect(checked.length).toBeLessThanOrEqual(5);
      expect(results.every((r) => !r.ok)).toBe(true);
      expect(await failures()).toBe(checked.length);
    });

    it('keeps tenants apart: a user of one tenant cannot log in at another with the same login name', async () => {
      const a = await tenant();
      const b = await tenant();
      await a.addUser('ada', 'password of a', { email: 'ada@example.com' });
      const idB = await b.addUser('ada', 'password of b');
      expect(await b.login('ada', 'password of a')).toMatchObject({
        reason: 'invalid_credentials',
      });
      expect(await b.login('ada@example.com', 'password of a')).toMatchObject({
        reason: 'invalid_credentials',
      });
      expect(await b.login('ada', 'password of b')).toEqual({ ok: true, userId: idB });
      // Failures at B are recorded at B only; the unknown email's stays after ada's success.
      expect(await a.failures()).toBe(0);
      expect(await b.failures()).toBe(1);
    });

    it('upgrades a password hash made with weaker parameters after a successful login', async () => {
      const { tenantId, login, addUser } = await tenant();
      const id = await addUser('ada', 'correct horse', { params: WEAKER });
      const storedHash = async () =>
        (await db.user.findUniqueOrThrow({ where: { tenantId_id: { tenantId, id } } }))
          .passwordHash;
      expect(await storedHash()).toMatch(/^scrypt\$ln=3,/);
      expect(await login('ada', 'correct horse')).toEqual({ ok: true, userId: id });
      const upgraded = await storedHash();
      expect(upgraded).toMatch(/^scrypt\$ln=4,/);
      expect(await login('ada', 'correct horse')).toEqual({ ok: true, userId: id });
      expect(await storedHash()).toBe(upgraded);
    });

    it('does not upgrade the hash after a wrong password', async () => {
      const { tenantId, login, addUser } = await tenant();
      const id = await addUser('ada', 'correct horse', { params: WEAKER });
      await login('ada', 'wrong horse');
      const row = await db.user.findUniqueOrThrow({ where: { tenantId_id: { tenantId, id } } });
      expect(row.passwordHash).toMatch(/^scrypt\$ln=3,/);
    });
  });
}
