import { verifyPassword } from '@tessera/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../../src/server/principal';
import { createTenant } from '../../../src/server/tenants/create-tenant';
import type { TenantView } from '../../../src/server/tenants/tenant-view';
import { createUser } from '../../../src/server/users/create-user';
import { deleteUser } from '../../../src/server/users/delete-user';
import { getUser } from '../../../src/server/users/get-user';
import { listUserSessions } from '../../../src/server/users/list-user-sessions';
import { listUsers } from '../../../src/server/users/list-users';
import { revokeUserSession } from '../../../src/server/users/revoke-user-session';
import { revokeUserSessions } from '../../../src/server/users/revoke-user-sessions';
import { setUserDisabled } from '../../../src/server/users/set-user-disabled';
import { setUserPassword } from '../../../src/server/users/set-user-password';
import { updateUser } from '../../../src/server/users/update-user';
import {
  appErrorOf,
  createUnitDeps,
  operator,
  tenantAdmin,
  UNIT_DATABASES,
  type UnitDeps,
} from '../../support/unit-deps';
import { issueSession } from './session-fixtures';

const PASSWORD = 'correct horse battery';

function tickingClock(): () => Date {
  let at = Date.now();
  return () => {
    at += 1000;
    return new Date(at);
  };
}

for (const database of UNIT_DATABASES) {
  describe.skipIf(database.skip)(`users (${database.name})`, () => {
    let unit: UnitDeps;
    let slugs = 0;

    beforeAll(async () => {
      unit = await createUnitDeps({ database: database.database });
    });
    afterAll(() => unit?.close());

    const newTenant = () =>
      createTenant({
        deps: unit.deps,
        principal: operator(),
        slug: `users-${++slugs}`,
        name: `Users ${slugs}`,
      });
    const scopeOf = (tenant: TenantView, principal: Principal = tenantAdmin(tenant.id)) => ({
      deps: unit.deps,
      principal,
      tenantId: tenant.id,
    });
    const userRow = (tenantId: string, id: string) =>
      unit.deps.db.user.findUniqueOrThrow({ where: { tenantId_id: { tenantId, id } } });

    it('creates a user with a lower-cased email and a hashed password it never returns', async () => {
      const tenant = await newTenant();
      const user = await createUser({
        ...scopeOf(tenant),
        loginName: ' ada ',
        email: ' Ada@Example.COM ',
        password: PASSWORD,
        claims: { name: 'Ada Lovelace', email_verified: true, department: 'maths' },
      });
      expect(user).toMatchObject({
        tenantId: tenant.id,
        loginName: 'ada',
        email: 'ada@example.com',
        claims: { name: 'Ada Lovelace', email_verified: true, department: 'maths' },
        disabled: false,
        hasPassword: true,
      });
      expect(user).not.toHaveProperty('passwordHash');
      expect(JSON.stringify(user)).not.toContain('scrypt');
      const row = await userRow(tenant.id, user.id);
      expect(row.passwordHash).not.toContain(PASSWORD);
      expect(await verifyPassword(PASSWORD, row.passwordHash ?? '')).toBe(true);
      expect(await getUser({ ...scopeOf(tenant), userId: user.id })).toEqual(user);
    });

    it('creates a user without a password, who cannot sign in by password yet', async () => {
      const tenant = await newTenant();
      const user = await createUser({ ...scopeOf(tenant), loginName: 'grace' });
      expect(user).toMatchObject({ hasPassword: false, email: null, claims: {} });
    });

    it('answers CONFLICT for a login name the tenant already has, and allows it elsewhere', async () => {
      const tenant = await newTenant();
      const other = await newTenant();
      await createUser({ ...scopeOf(tenant), loginName: 'ada' });
      const error = await appErrorOf(createUser({ ...scopeOf(tenant), loginName: 'ada' }));
      expect(error.code).toBe('CONFLICT');
      await expect(createUser({ ...scopeOf(other), loginName: 'ada' })).resolves.toBeDefined();
    });

    it.each([
      ['a password of 7 characters', { password: 'seven77' }, ['password']],
      ['a password over 1024 characters', { password: 'x'.repeat(1025) }, ['password']],
      ['an empty login name', { loginName: '   ' }, ['loginName']],
      ['an email that is no address', { email: 'ada-at-example' }, ['email']],
      ['a sub claim', { claims: { sub: 'someone-else' } }, ['claims.sub']],
      ['a provider-set claim', { claims: { iss: 'https://evil.example' } }, ['claims.iss']],
      [
        'a mistyped standard claim',
        { claims: { email_verified: 'yes' } },
        ['claims.email_verified'],
      ],
      ['claims that are no object', { claims: ['admin'] }, ['claims']],
      [
        'several problems at once',
        { loginName: '', password: 'short', claims: { sub: 'x' } },
        ['loginName', 'password', 'claims.sub'],
      ],
    ])('refuses %s with VALIDATION_FAILED at the field', async (_case, input, paths) => {
      const tenant = await newTenant();
      const error = await appErrorOf(
        createUser({ ...scopeOf(tenant), loginName: 'ada', ...input }),
      );
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.fieldErrors.map((e) => e.path)).toEqual(paths);
      expect(await unit.deps.db.user.count({ where: { tenantId: tenant.id } })).toBe(0);
    });

    it('updates only what is given, replaces claims, and removes the email on null', async () => {
      const tenant = await newTenant();
      const user = await createUser({
        ...scopeOf(tenant),
        loginName: 'ada',
        email: 'ada@example.com',
        claims: { name: 'Ada', locale: 'en' },
      });
      const renamed = await updateUser({
        ...scopeOf(tenant),
        userId: user.id,
        loginName: 'ada.l',
        email: 'ADA.L@Example.com',
      });
      expect(renamed).toMatchObject({
        loginName: 'ada.l',
        email: 'ada.l@example.com',
        claims: { name: 'Ada', locale: 'en' },
      });
      const reclaimed = await updateUser({
        ...scopeOf(tenant),
        userId: user.id,
        email: null,
        claims: { name: 'Ada Lovelace', team: ['engine'] },
      });
      expect(reclaimed).toMatchObject({
        loginName: 'ada.l',
        email: null,
        claims: { name: 'Ada Lovelace', team: ['engine'] },
      });
      const sub = await appErrorOf(
        updateUser({ ...scopeOf(tenant), userId: user.id, claims: { sub: 'x' } }),
      );
      expect(sub.fieldErrors.map((e) => e.path)).toEqual(['claims.sub']);
      await createUser({ ...scopeOf(tenant), loginName: 'grace' });
      const taken = await appErrorOf(
        updateUser({ ...scopeOf(tenant), userId: user.id, loginName: 'grace' }),
      );
      expect(taken.code).toBe('CONFLICT');
      const missing = await appErrorOf(
        updateUser({ ...scopeOf(tenant), userId: 'nobody', loginName: 'x' }),
      );
      expect(missing.code).toBe('NOT_FOUND');
    });

    it('sets a new password that replaces the old one, under the same policy', async () => {
      const tenant = await newTenant();
      const user = await createUser({ ...scopeOf(tenant), loginName: 'ada', password: PASSWORD });
      const short = await appErrorOf(
        setUserPassword({ ...scopeOf(tenant), userId: user.id, password: 'short' }),
      );
      expect(short.fieldErrors.map((e) => e.path)).toEqual(['password']);
      const updated = await setUserPassword({
        ...scopeOf(tenant),
        userId: user.id,
        password: 'a brand new passphrase',
      });
      expect(updated.hasPassword).toBe(true);
      const row = await userRow(tenant.id, user.id);
      expect(await verifyPassword('a brand new passphrase', row.passwordHash ?? '')).toBe(true);
      expect(await verifyPassword(PASSWORD, row.passwordHash ?? '')).toBe(false);
    });

    it('lists users by login name a page at a time and searches login, email and name in any case', async () => {
      const tenant = await newTenant();
      const people: [string, string | null, string][] = [
        ['ada', 'ada@example.com', 'Ada Lovelace'],
        ['alan', 'turing@example.org', 'Alan Turing'],
        ['grace', null, 'Grace HOPPER'],
        ['hopper_fan', null, 'Fan'],
        ['linus', 'linus@example.com', 'Linus'],
      ];
      for (const [loginName, email, name] of people) {
        await createUser({ ...scopeOf(tenant), loginName, email, claims: { name } });
      }
      const first = await listUsers({ ...scopeOf(tenant), first: 2 });
      expect(first.nodes.map((u) => u.loginName)).toEqual(['ada', 'alan']);
      expect(first).toMatchObject({ totalCount: 5, pageInfo: { hasNextPage: true } });
      const rest = await listUsers({ ...scopeOf(tenant), after: first.pageInfo.endCursor });
      expect(rest.nodes.map((u) => u.loginName)).toEqual(['grace', 'hopper_fan', 'linus']);

      const byName = await listUsers({ ...scopeOf(tenant), search: 'hopper' });
      expect(byName.nodes.map((u) => u.loginName)).toEqual(['grace', 'hopper_fan']);
      const byEmail = await listUsers({ ...scopeOf(tenant), search: 'EXAMPLE.COM', first: 1 });
      expect(byEmail.nodes.map((u) => u.loginName)).toEqual(['ada']);
      expect(byEmail).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true } });
      const next = await listUsers({
        ...scopeOf(tenant),
        search: 'example.com',
        after: byEmail.pageInfo.endCursor,
      });
      expect(next.nodes.map((u) => u.loginName)).toEqual(['linus']);
      const byLogin = await listUsers({ ...scopeOf(tenant), search: 'TURING' });
      expect(byLogin.nodes.map((u) => u.loginName)).toEqual(['alan']);
      const literal = await listUsers({ ...scopeOf(tenant), search: 'r_f' });
      expect(literal.nodes.map((u) => u.loginName)).toEqual(['hopper_fan']);
    });

    it("lists a user's live sessions with their clients, newest first", async () => {
      const tenant = await newTenant();
      const user = await createUser({ ...scopeOf(tenant), loginName: 'ada' });
      const other = await createUser({ ...scopeOf(tenant), loginName: 'grace' });
      const now = Math.floor(Date.now() / 1000);
      const fixture = { db: unit.deps.db, secretBox: unit.deps.secretBox, tenantId: tenant.id };
      await issueSession(fixture, { userId: user.id, sid: 'older', createdAt: now - 60 });
      await issueSession(fixture, {
        userId: user.id,
        sid: 'newer',
        createdAt: now - 10,
        clientIds: ['shop', 'blog'],
      });
      await issueSession(fixture, { userId: user.id, sid: 'expired', expiresAt: now - 1 });
      await issueSession(fixture, { userId: other.id, sid: 'someone-else' });

      const sessions = await listUserSessions({ ...scopeOf(tenant), userId: user.id });
      expect(sessions.map((s) => [s.id, s.clientIds])).toEqual([
        ['newer', ['shop', 'blog']],
        ['older', ['shop']],
      ]);
      expect(sessions[0]).toMatchObject({ userId: user.id, amr: ['pwd'] });
      expect(sessions[0]).not.toHaveProperty('tokenHash');
    });

    it('revokes one session with the tokens issued in it, and no one else’s', async () => {
      const tenant = await newTenant();
      const user = await createUser({ ...scopeOf(tenant), loginName: 'ada' });
      const other = await createUser({ ...scopeOf(tenant), loginName: 'grace' });
      const fixture = { db: unit.deps.db, secretBox: unit.deps.secretBox, tenantId: tenant.id };
      const ended = await issueSession(fixture, { userId: user.id, sid: 'ended' });
      const kept = await issueSession(fixture, { userId: user.id, sid: 'kept' });
      await issueSession(fixture, { userId: other.id, sid: 'theirs' });

      const wrongUser = await appErrorOf(
        revokeUserSession({ ...scopeOf(tenant), userId: user.id, sessionId: 'theirs' }),
      );
      expect(wrongUser.code).toBe('NOT_FOUND');
      const revoked = await revokeUserSession({
        ...scopeOf(tenant),
        userId: user.id,
        sessionId: 'ended',
      });
      expect(revoked).toMatchObject({ id: 'ended', clientIds: ['shop'] });
      const db = unit.deps.db;
      expect(await db.session.count({ where: { tenantId: tenant.id, id: 'ended' } })).toBe(0);
      expect(
        await db.sessionClient.count({ where: { tenantId: tenant.id, sessionId: 'ended' } }),
      ).toBe(0);
      expect(
        await db.accessToken.count({ where: { tenantId: tenant.id, hash: ended.tokenHash } }),
      ).toBe(0);
      expect(
        await db.accessToken.count({ where: { tenantId: tenant.id, hash: kept.tokenHash } }),
      ).toBe(1);
      const left = await listUserSessions({ ...scopeOf(tenant), userId: user.id });
      expect(left.map((s) => s.id)).toEqual(['kept']);

      expect(await revokeUserSessions({ ...scopeOf(tenant), userId: user.id })).toBe(1);
      expect(await listUserSessions({ ...scopeOf(tenant), userId: user.id })).toEqual([]);
      expect(await db.session.count({ where: { tenantId: tenant.id, id: 'theirs' } })).toBe(1);
    });

    it('disables a user, ending their sessions, and enables them again', async () => {
      const tenant = await newTenant();
      const user = await createUser({ ...scopeOf(tenant), loginName: 'ada' });
      const fixture = { db: unit.deps.db, secretBox: unit.deps.secretBox, tenantId: tenant.id };
      await issueSession(fixture, { userId: user.id, sid: 's1' });
      await issueSession(fixture, { userId: user.id, sid: 's2' });
      const disabled = await setUserDisabled({
        ...scopeOf(tenant),
        userId: user.id,
        disabled: true,
      });
      expect(disabled.disabled).toBe(true);
      expect(await listUserSessions({ ...scopeOf(tenant), userId: user.id })).toEqual([]);
      const enabled = await setUserDisabled({
        ...scopeOf(tenant),
        userId: user.id,
        disabled: false,
      });
      expect(enabled.disabled).toBe(false);
      const actions = await unit.deps.db.auditEvent.findMany({
        where: { tenantId: tenant.id, objectId: user.id },
        orderBy: { at: 'asc' },
        select: { action: true },
      });
      expect(actions.map((a) => a.action)).toEqual(['user.create', 'user.disable', 'user.enable']);
    });

    it('deletes a user with everything that names them, and nobody else’s', async () => {
      const tenant = await newTenant();
      const user = await createUser({ ...scopeOf(tenant), loginName: 'ada', password: PASSWORD });
      const other = await createUser({ ...scopeOf(tenant), loginName: 'grace' });
      const fixture = { db: unit.deps.db, secretBox: unit.deps.secretBox, tenantId: tenant.id };
      await issueSession(fixture, { userId: user.id, sid: 'mine', withConsent: true });
      await issueSession(fixture, { userId: other.id, sid: 'theirs', withConsent: true });
      await unit.deps.db.loginFailure.create({
        data: {
          tenantId: tenant.id,
          id: 'failure-1',
          accountKey: `user:${user.id}`,
          address: '192.0.2.1',
          at: new Date(),
          expiresAt: new Date(Date.now() + 60_000),
        },
      });

      const removed = await deleteUser({ ...scopeOf(tenant), userId: user.id });
      expect(removed.loginName).toBe('ada');
      const db = unit.deps.db;
      const mine = { tenantId: tenant.id, userId: user.id };
      const counts = await Promise.all([
        db.user.count({ where: { tenantId: tenant.id, id: user.id } }),
        db.session.count({ where: mine }),
        db.grant.count({ where: mine }),
        db.accessToken.count({ where: mine }),
        db.refreshToken.count({ where: { tenantId: tenant.id, grantId: 'grant-mine' } }),
        db.consent.count({ where: mine }),
        db.subject.count({ where: mine }),
        db.loginFailure.count({ where: { tenantId: tenant.id } }),
      ]);
      expect(counts).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
      const theirs = { tenantId: tenant.id, userId: other.id };
      expect(await db.session.count({ where: theirs })).toBe(1);
      expect(await db.grant.count({ where: theirs })).toBe(1);
      expect(await db.consent.count({ where: theirs })).toBe(1);
      const gone = await appErrorOf(getUser({ ...scopeOf(tenant), userId: user.id }));
      expect(gone.code).toBe('NOT_FOUND');
    });

    it('forbids a tenant admin every operation on another tenant, existing or not', async () => {
      const tenantA = await newTenant();
      const tenantB = await newTenant();
      const user = await createUser({ ...scopeOf(tenantB), loginName: 'ada' });
      const adminOfA = tenantAdmin(tenantA.id);
      for (const tenantId of [tenantB.id, 'no-such-tenant']) {
        const scope = { deps: unit.deps, principal: adminOfA, tenantId, userId: user.id };
        const calls = [
          listUsers(scope),
          getUser(scope),
          createUser({ ...scope, loginName: 'intruder', password: PASSWORD }),
          updateUser({ ...scope, claims: { name: 'pwned' } }),
          setUserPassword({ ...scope, password: PASSWORD }),
          setUserDisabled({ ...scope, disabled: true }),
          deleteUser(scope),
          listUserSessions(scope),
          revokeUserSession({ ...scope, sessionId: 'any' }),
          revokeUserSessions(scope),
        ];
        for (const call of calls) expect((await appErrorOf(call)).code).toBe('FORBIDDEN');
      }
      expect(await getUser({ ...scopeOf(tenantB), userId: user.id })).toEqual(user);
    });

    it('audits every change without passwords and leaves the config version alone', async () => {
      const tenant = await newTenant();
      const before = await unit.deps.db.tenant.findUniqueOrThrow({ where: { id: tenant.id } });
      // A clock a second further on each call: the events' order is then their `at` order.
      const scope = { ...scopeOf(tenant), deps: { ...unit.deps, now: tickingClock() } };
      const user = await createUser({ ...scope, loginName: 'ada', password: PASSWORD });
      await updateUser({ ...scope, userId: user.id, claims: { name: 'Ada' } });
      await setUserPassword({ ...scope, userId: user.id, password: 'another long secret' });
      await revokeUserSessions({ ...scope, userId: user.id });
      await deleteUser({ ...scope, userId: user.id });
      const events = await unit.deps.db.auditEvent.findMany({
        where: { tenantId: tenant.id, objectType: 'user' },
        orderBy: { at: 'asc' },
      });
      expect(events.map((e) => e.action)).toEqual([
        'user.create',
        'user.update',
        'user.password.set',
        'user.sessions.revoke',
        'user.delete',
      ]);
      for (const event of events) {
        const text = JSON.stringify(event.details ?? null);
        expect(text).not.toContain(PASSWORD);
        expect(text).not.toContain('another long secret');
        expect(text).not.toContain('scrypt');
      }
      expect(events[0]?.details).toMatchObject({ loginName: 'ada', hasPassword: true });
      expect(events[1]?.details).toMatchObject({ changed: ['claims'], claimNames: ['name'] });
      const after = await unit.deps.db.tenant.findUniqueOrThrow({ where: { id: tenant.id } });
      expect(after.configVersion).toBe(before.configVersion);
    });
  });
}
