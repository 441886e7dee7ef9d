/**
 * pyOP's TestAuthorizationState, ported. Translation notes:
 * - pyOP stored the whole authorization request per code and token; Tessera stores a grant
 *   (client, user, sub, scope, claims, nonce) and codes/tokens reference it by id, under the
 *   SHA-256 of their value. "auth_req round-trips" becomes "the redemption returns the grant".
 * - The `*_with_stateless_storage` variants do not apply: there is no stateless storage.
 * - `create_*_with_invalid_subject_identifier` do not apply: codes and tokens are created from
 *   a stored grant, not from a free-form subject; an unknown code or token is covered instead.
 * - Refresh tokens are always rotated (RFC 9700 4.14.2), so "no new refresh token" becomes
 *   "the successor keeps the original expiry" unless the renewal threshold is reached.
 */
import { describe, expect, it } from 'vitest';
import {
  InvalidAccessToken,
  InvalidAuthorizationCode,
  InvalidRefreshToken,
  InvalidScope,
  InvalidSubjectIdentifier,
} from '../../src/errors.js';
import type { SettingsInput } from '../../src/settings.js';
import { hashToken } from '../../src/tokens/hash.js';
import { createTestProvider, NOW } from '../support/harness.js';

const INVALID_INPUT = ['', 'noexist'];
const TEST_TOKEN_LIFETIME = 3000;

async function setup(lifetimes: SettingsInput['lifetimes'] = {}) {
  const t = await createTestProvider({
    settings: { lifetimes: { refreshToken: 3600, accessToken: TEST_TOKEN_LIFETIME, ...lifetimes } },
  });
  const state = t.provider.context.state;
  const grant = await state.createGrant({
    clientId: 'client1',
    userId: 'user1',
    sub: 'sub',
    scope: 'openid',
  });
  return { ...t, state, grant };
}

describe('pyOP TestAuthorizationState: authorization codes', () => {
  it('creates a stored, unused code with the configured lifetime', async () => {
    const { state, grant, stores } = await setup({ authorizationCode: 120 });
    const code = await state.createAuthorizationCode(grant, {
      redirectUri: 'https://client.example.com/cb',
    });
    const consumed = await stores.codes.consume(hashToken(code), NOW);
    expect(consumed.outcome).toBe('consumed');
    if (consumed.outcome !== 'consumed') return;
    expect(consumed.record).toMatchObject({
      grantId: grant.id,
      clientId: 'client1',
      issuedAt: NOW,
      expiresAt: NOW + 120,
    });
  });

  it('keeps a granted scope other than the one requested', async () => {
    const { state } = await setup();
    const grant = await state.createGrant({
      clientId: 'client1',
      sub: 'sub',
      scope: 'openid extra',
    });
    const code = await state.createAuthorizationCode(grant, {
      redirectUri: 'https://client.example.com/cb',
    });
    expect((await state.redeemAuthorizationCode(code)).grant.scope).toBe('openid extra');
  });

  it.each(INVALID_INPUT)('rejects the unknown code %j', async (value) => {
    const { state } = await setup();
    await expect(state.redeemAuthorizationCode(value)).rejects.toBeInstanceOf(
      InvalidAuthorizationCode,
    );
  });

  it('redeems a code into its grant and marks it used', async () => {
    const { state, grant } = await setup();
    const code = await state.createAuthorizationCode(grant, {
      redirectUri: 'https://client.example.com/cb',
    });
    const redemption = await state.redeemAuthorizationCode(code);
    expect(redemption.grant).toEqual(grant);
    expect(redemption.grant.sub).toBe('sub');
    await expect(state.redeemAuthorizationCode(code)).rejects.toBeInstanceOf(
      InvalidAuthorizationCode,
    );
  });

  it('rejects an expired code', async () => {
    const { state, grant, clock } = await setup({ authorizationCode: 2 });
    const code = await state.createAuthorizationCode(grant, {
      redirectUri: 'https://client.example.com/cb',
    });
    clock.advance(3);
    await expect(state.redeemAuthorizationCode(code)).rejects.toBeInstanceOf(
      InvalidAuthorizationCode,
    );
  });

  it('revokes the grant when a used code is redeemed again (RFC 6749 4.1.2)', async () => {
    const { state, grant, stores } = await setup();
    const code = await state.createAuthorizationCode(grant, {
      redirectUri: 'https://client.example.com/cb',
    });
    await state.redeemAuthorizationCode(code);
    await expect(state.redeemAuthorizationCode(code)).rejects.toBeInstanceOf(
      InvalidAuthorizationCode,
    );
    expect(await stores.grants.get(grant.id)).toBeUndefined();
  });
});

describe('pyOP TestAuthorizationState: access tokens', () => {
  it('creates a stored Bearer token with the configured lifetime', async () => {
    const { state, grant, stores } = await setup();
    const token = await state.createAccessToken({
      clientId: 'client1',
      grantId: grant.id,
      sub: 'sub',
      scope: 'openid',
    });
    expect(token.expiresIn).toBe(TEST_TOKEN_LIFETIME);
    expect(token.value).not.toBe('');
    expect(await stores.accessTokens.find(hashToken(token.value))).toMatchObject({
      scope: 'openid',
      clientId: 'client1',
      sub: 'sub',
      issuedAt: NOW,
      expiresAt: NOW + TEST_TOKEN_LIFETIME,
    });
  });

  it('keeps a scope other than the one requested', async () => {
    const { state, grant } = await setup();
    const token = await state.createAccessToken({
      clientId: 'client1',
      grantId: grant.id,
      scope: 'openid extra',
    });
    expect(token.record.scope).toBe('openid extra');
  });

  it('introspects an active token', async () => {
    const { state, grant } = await setup();
    const token = await state.createAccessToken({
      clientId: 'client1',
      grantId: grant.id,
      sub: 'sub',
      scope: 'openid',
    });
    expect(await state.introspectAccessToken(token.value)).toMatchObject({
      active: true,
      scope: 'openid',
      clientId: 'client1',
      sub: 'sub',
      issuedAt: NOW,
      expiresAt: NOW + TEST_TOKEN_LIFETIME,
    });
  });

  it('introspects an expired token as inactive with its fields', async () => {
    const { state, grant, clock } = await setup();
    const token = await state.createAccessToken({
      clientId: 'client1',
      grantId: grant.id,
      sub: 'sub',
      scope: 'openid',
    });
    clock.advance(TEST_TOKEN_LIFETIME + 1);
    expect(await state.introspectAccessToken(token.value)).toMatchObject({
      active: false,
      sub: 'sub',
      scope: 'openid',
    });
  });

  it.each(INVALID_INPUT)('rejects introspecting the unknown token %j', async (value) => {
    const { state } = await setup();
    await expect(state.introspectAccessToken(value)).rejects.toBeInstanceOf(InvalidAccessToken);
  });
});

describe('pyOP TestAuthorizationState: refresh tokens', () => {
  it('creates a stored refresh token bound to the grant, with an expiry', async () => {
    const { state, grant, stores } = await setup();
    const value = await state.createRefreshToken(grant);
    const record = await stores.refreshTokens.find(hashToken(String(value)));
    expect(record).toMatchObject({ grantId: grant.id, clientId: 'client1', expiresAt: NOW + 3600 });
  });

  it('issues no refresh token without a lifetime', async () => {
    const t = await createTestProvider();
    const state = t.provider.context.state;
    const grant = await state.createGrant({ clientId: 'client1', sub: 'sub', scope: 'openid' });
    expect(await state.createRefreshToken(grant)).toBeUndefined();
  });

  it('uses the configured expiration time', async () => {
    const { state, grant, stores } = await setup({ refreshToken: 86_400 });
    const value = await state.createRefreshToken(grant);
    expect((await stores.refreshTokens.find(hashToken(String(value))))?.expiresAt).toBe(
      NOW + 86_400,
    );
  });

  it('rotates on use; the successor keeps the original expiry', async () => {
    const { state, grant, stores, clock } = await setup({ refreshToken: 300 });
    const value = String(await state.createRefreshToken(grant));
    clock.advance(100);
    const used = await state.useRefreshToken(value, 'client1');
    expect(used.refreshToken).not.toBe(value);
    expect(used.grant.id).toBe(grant.id);
    expect((await stores.refreshTokens.find(hashToken(used.refreshToken)))?.expiresAt).toBe(
      NOW + 300,
    );
    expect((await stores.refreshTokens.find(hashToken(value)))?.consumedAt).toBe(NOW + 100);
  });

  it.each(INVALID_INPUT)('rejects the unknown refresh token %j', async (value) => {
    const { state } = await setup();
    await expect(state.useRefreshToken(value, 'client1')).rejects.toBeInstanceOf(
      InvalidRefreshToken,
    );
  });

  it('gives the successor a full lifetime when the old one is close to expiry', async () => {
    const { state, grant, stores, clock } = await setup({
      refreshToken: 7200,
      refreshRenewalThreshold: 3600,
    });
    const value = String(await state.createRefreshToken(grant));
    clock.advance(7200 - 50);
    const used = await state.useRefreshToken(value, 'client1');
    expect((await stores.refreshTokens.find(hashToken(used.refreshToken)))?.expiresAt).toBe(
      NOW + 7150 + 7200,
    );
  });

  it('keeps the original expiry when the old one is far from expiry', async () => {
    const { state, grant, stores } = await setup({
      refreshToken: 7200,
      refreshRenewalThreshold: 3600,
    });
    const used = await state.useRefreshToken(
      String(await state.createRefreshToken(grant)),
      'client1',
    );
    expect((await stores.refreshTokens.find(hashToken(used.refreshToken)))?.expiresAt).toBe(
      NOW + 7200,
    );
  });

  it('keeps the original expiry when no threshold is set', async () => {
    const { state, grant, stores, clock } = await setup({ refreshToken: 400 });
    const value = String(await state.createRefreshToken(grant));
    clock.advance(399);
    const used = await state.useRefreshToken(value, 'client1');
    expect((await stores.refreshTokens.find(hashToken(used.refreshToken)))?.expiresAt).toBe(
      NOW + 400,
    );
  });

  it('rejects an expired refresh token', async () => {
    const { state, grant, clock } = await setup({ refreshToken: 2 });
    const value = String(await state.createRefreshToken(grant));
    clock.advance(3);
    await expect(state.useRefreshToken(value, 'client1')).rejects.toBeInstanceOf(
      InvalidRefreshToken,
    );
  });

  it('rejects a scope beyond the grant', async () => {
    const { state, grant } = await setup();
    const value = String(await state.createRefreshToken(grant));
    await expect(state.useRefreshToken(value, 'client1', 'openid extra')).rejects.toBeInstanceOf(
      InvalidScope,
    );
  });

  it('narrows to a subset without minimising the granted scope', async () => {
    const { state } = await setup();
    const grant = await state.createGrant({
      clientId: 'client1',
      sub: 'sub',
      scope: 'openid profile',
    });
    const first = await state.useRefreshToken(
      String(await state.createRefreshToken(grant)),
      'client1',
      'openid',
    );
    expect(first.scope).toBe('openid');
    const second = await state.useRefreshToken(first.refreshToken, 'client1');
    expect(second.scope).toBe('openid profile');
  });

  it('defaults to the granted scope', async () => {
    const { state, grant } = await setup();
    expect(
      (await state.useRefreshToken(String(await state.createRefreshToken(grant)), 'client1')).scope,
    ).toBe('openid');
  });

  it("rejects another client's refresh token (pyOP defect 8)", async () => {
    const { state, grant } = await setup();
    const value = String(await state.createRefreshToken(grant));
    await expect(state.useRefreshToken(value, 'client2')).rejects.toBeInstanceOf(
      InvalidRefreshToken,
    );
  });
});

describe('pyOP TestAuthorizationState: subject identifiers', () => {
  it('returns the same public sub twice and remembers it', async () => {
    const { state } = await setup();
    const first = await state.getSubjectIdentifier('public', 'user1');
    expect(await state.getSubjectIdentifier('public', 'user1')).toBe(first);
    expect(await state.getUserIdForSubjectIdentifier(first)).toBe('user1');
  });

  it('returns different pairwise subs for different sectors, the same for the same sector', async () => {
    const { state } = await setup();
    const one = await state.getSubjectIdentifier('pairwise', 'user1', 'client1.example.com');
    const two = await state.getSubjectIdentifier('pairwise', 'user1', 'client2.example.com');
    expect(one).not.toBe(two);
    expect(await state.getSubjectIdentifier('pairwise', 'user1', 'client1.example.com')).toBe(one);
    expect(await state.getUserIdForSubjectIdentifier(two)).toBe('user1');
  });

  it('refuses a pairwise sub without a sector and an unknown subject type', async () => {
    const { state } = await setup();
    await expect(state.getSubjectIdentifier('pairwise', 'user1')).rejects.toBeInstanceOf(TypeError);
    await expect(state.getSubjectIdentifier('unknown' as 'public', 'user1')).rejects.toBeInstanceOf(
      TypeError,
    );
  });

  it('removes every code and token of a subject', async () => {
    const { state, stores } = await setup();
    const sub = await state.getSubjectIdentifier('public', 'user1');
    const grants = await Promise.all(
      [1, 2].map(() =>
        state.createGrant({ clientId: 'client1', userId: 'user1', sub, scope: 'openid' }),
      ),
    );
    const codes = await Promise.all(
      grants.map((g) =>
        state.createAuthorizationCode(g, { redirectUri: 'https://client.example.com/cb' }),
      ),
    );
    const tokens = await Promise.all(
      grants.map((g) =>
        state.createAccessToken({ clientId: 'client1', grantId: g.id, sub, scope: 'openid' }),
      ),
    );
    await state.deleteStateForSubjectIdentifier(sub);
    for (const code of codes) {
      await expect(state.redeemAuthorizationCode(code)).rejects.toBeInstanceOf(
        InvalidAuthorizationCode,
      );
    }
    for (const token of tokens)
      expect(await stores.accessTokens.find(token.record.hash)).toBeUndefined();
  });

  it('refuses to remove state for an unknown subject', async () => {
    const { state } = await setup();
    await expect(state.deleteStateForSubjectIdentifier('unknown')).rejects.toBeInstanceOf(
      InvalidSubjectIdentifier,
    );
  });
});
