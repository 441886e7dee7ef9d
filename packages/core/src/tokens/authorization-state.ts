/**
 * The lifecycle of codes and tokens (pyOP's `AuthorizationState`, done with hashes, atomic
 * single use and grant-wide revocation). Values are 256 random bits and only their SHA-256
 * reaches storage. Times come from the injected clock.
 */

import { splitScope } from '../claims/scopes.js';
import {
  InvalidAccessToken,
  InvalidAuthorizationCode,
  InvalidRefreshToken,
  InvalidScope,
  InvalidSubjectIdentifier,
} from '../errors.js';
import type { Lifetimes } from '../settings.js';
import type {
  AccessTokenRecord,
  AuthorizationCodeRecord,
  GrantRecord,
  RefreshTokenRecord,
  TenantStores,
} from '../storage/ports.js';
import type { SubjectIdentifierFactory } from '../subjects/subject-identifier.js';
import type { Clock, RandomSource, SubjectType } from '../types.js';
import { hashToken } from './hash.js';
import { randomId, randomToken } from './random.js';

export interface IssuedAccessToken {
  value: string;
  expiresIn: number;
  record: AccessTokenRecord;
}

export interface CodeRedemption {
  code: AuthorizationCodeRecord;
  grant: GrantRecord;
}

export interface RefreshRedemption {
  grant: GrantRecord;
  /** The scope of the new access token: the requested subset, or everything granted. */
  scope: string;
  /** The successor refresh token (rotation). */
  refreshToken: string;
}

export class AuthorizationState {
  constructor(
    private readonly stores: TenantStores,
    readonly lifetimes: Lifetimes,
    private readonly clock: Clock,
    private readonly random: RandomSource,
    private readonly subjectFactory: SubjectIdentifierFactory,
  ) {}

  async createGrant(input: Omit<GrantRecord, 'id' | 'issuedAt'>): Promise<GrantRecord> {
    const grant: GrantRecord = { ...input, id: randomId(this.random), issuedAt: this.clock() };
    await this.stores.grants.create(grant);
    return grant;
  }

  async createAuthorizationCode(
    grant: GrantRecord,
    binding: Pick<AuthorizationCodeRecord, 'redirectUri' | 'codeChallenge' | 'codeChallengeMethod'>,
  ): Promise<string> {
    const value = randomToken(this.random);
    const now = this.clock();
    await this.stores.codes.create({
      hash: hashToken(value),
      grantId: grant.id,
      clientId: grant.clientId,
      ...binding,
      issuedAt: now,
      expiresAt: now + this.lifetimes.authorizationCode,
    });
    return value;
  }

  /**
   * Redeems a code exactly once. A second redemption revokes everything issued from the code's
   * grant (RFC 6749 4.1.2: "SHOULD revoke (when possible) all tokens previously issued").
   */
  async redeemAuthorizationCode(value: string): Promise<CodeRedemption> {
    const result = await this.stores.codes.consume(hashToken(value), this.clock());
    if (result.outcome === 'not_found')
      throw new InvalidAuthorizationCode('The authorization code is unknown');
    if (result.outcome === 'replayed') {
      await this.stores.grants.revoke(result.record.grantId);
      throw new InvalidAuthorizationCode('The authorization code has already been used');
    }
    if (result.record.expiresAt < this.clock()) {
      throw new InvalidAuthorizationCode('The authorization code has expired');
    }
    const grant = await this.stores.grants.get(result.record.grantId);
    if (!grant) throw new InvalidAuthorizationCode('The authorization code has been revoked');
    return { code: result.record, grant };
  }

  async createAccessToken(
    input: Pick<AccessTokenRecord, 'clientId' | 'grantId' | 'userId' | 'sub' | 'scope' | 'claims'>,
  ): Promise<IssuedAccessToken> {
    const minted = this.mintAccessToken(input);
    await minted.persisted;
    return minted;
  }

  /**
   * Mints an access token and starts storing it without waiting, so the caller can sign the ID
   * token (which needs the value for `at_hash`) while the write is in flight. The token must not
   * be handed out before `persisted` resolves.
   */
  mintAccessToken(
    input: Pick<AccessTokenRecord, 'clientId' | 'grantId' | 'userId' | 'sub' | 'scope' | 'claims'>,
  ): IssuedAccessToken & { persisted: Promise<void> } {
    const value = randomToken(this.random);
    const now = this.clock();
    const expiresIn = this.lifetimes.accessToken;
    const record: AccessTokenRecord = {
      ...input,
      hash: hashToken(value),
      issuedAt: now,
      expiresAt: now + expiresIn,
    };
    return { value, expiresIn, record, persisted: this.stores.accessTokens.create(record) };
  }

  /** The stored token and whether it is active; unknown tokens throw `invalid_token`. */
  async introspectAccessToken(value: string): Promise<AccessTokenRecord & { active: boolean }> {
    const record = await this.stores.accessTokens.find(hashToken(value));
    if (!record) throw new InvalidAccessToken('The access token is unknown');
    return { ...record, active: record.expiresAt >= this.clock() };
  }

  /** A refresh token for the grant, or undefined when refresh tokens are off (no lifetime). */
  async createRefreshToken(grant: GrantRecord, expiresAt?: number): Promise<string | undefined> {
    const lifetime = this.lifetimes.refreshToken;
    if (lifetime === undefined) return undefined;
    const value = randomToken(this.random);
    const now = this.clock();
    const record: RefreshTokenRecord = {
      hash: hashToken(value),
      grantId: grant.id,
      clientId: grant.clientId,
      scope: grant.scope,
      issuedAt: now,
      ...(lifetime > 0 && { expiresAt: expiresAt ?? now + lifetime }),
    };
    await this.stores.refreshTokens.create(record);
    return value;
  }

  /**
   * Uses a refresh token: checks it is this client's, live and covers the requested scope, then
   * rotates it. Reuse of a rotated token revokes the whole grant (OAuth 2.0 Security BCP 4.14).
   */
  async useRefreshToken(
    value: string,
    clientId: string,
    requestedScope?: string,
  ): Promise<RefreshRedemption> {
    const hash = hashToken(value);
    const found = await this.stores.refreshTokens.find(hash);
    // A token of another client is reported exactly like an unknown one (no oracle).
    if (!found || found.clientId !== clientId)
      throw new InvalidRefreshToken('The refresh token is unknown');
    const now = this.clock();
    if (found.consumedAt === undefined && found.expiresAt !== undefined && found.expiresAt < now) {
      throw new InvalidRefreshToken('The refresh token has expired');
    }
    const granted = splitScope(found.scope);
    const requested = requestedScope === undefined ? granted : splitScope(requestedScope);
    if (found.consumedAt === undefined && requested.some((scope) => !granted.includes(scope))) {
      throw new InvalidScope('The requested scope exceeds the scope granted');
    }
    const result = await this.stores.refreshTokens.consume(hash, now);
    if (result.outcome !== 'consumed') {
      if (result.outcome === 'replayed') await this.stores.grants.revoke(result.record.grantId);
      throw new InvalidRefreshToken('The refresh token has already been used');
    }
    const grant = await this.stores.grants.get(found.grantId);
    if (!grant) throw new InvalidRefreshToken('The refresh token has been revoked');
    const threshold = this.lifetimes.refreshRenewalThreshold;
    const renew =
      found.expiresAt !== undefined && threshold !== undefined && found.expiresAt - now < threshold;
    const successor = await this.createRefreshToken(grant, renew ? undefined : found.expiresAt);
    // Refresh tokens exist only when a lifetime is configured, so a successor always exists here.
    return { grant, scope: requested.join(' '), refreshToken: successor! };
  }

  /** pyOP `get_subject_identifier`: computes a subject and remembers it for reverse lookups. */
  async getSubjectIdentifier(
    type: SubjectType,
    userId: string,
    sectorIdentifier?: string,
  ): Promise<string> {
    let sub: string;
    if (type === 'public') sub = this.subjectFactory.createPublicIdentifier(userId);
    else if (type === 'pairwise') {
      if (!sectorIdentifier) throw new TypeError('sector_identifier cannot be empty');
      sub = this.subjectFactory.createPairwiseIdentifier(userId, sectorIdentifier);
    } else throw new TypeError(`Unknown subject_type=${String(type)}`);
    await this.stores.subjects.remember(userId, sub);
    return sub;
  }

  async getUserIdForSubjectIdentifier(sub: string): Promise<string> {
    const userId = await this.stores.subjects.findUserId(sub);
    if (userId === undefined)
      throw new InvalidSubjectIdentifier('The subject identifier is unknown');
    return userId;
  }

  /** pyOP `delete_state_for_subject_identifier`: revokes every grant (codes and tokens) of `sub`. */
  async deleteStateForSubjectIdentifier(sub: string): Promise<number> {
    await this.getUserIdForSubjectIdentifier(sub);
    return this.stores.grants.revokeBySubject(sub);
  }
}
