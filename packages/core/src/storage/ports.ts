/**
 * Storage ports. Every store acts within exactly one tenant: the tenant is fixed when the
 * store object is created (see `TenantStoresFactory`) and no method takes a tenant id, so a
 * query without the tenant condition cannot be written through these interfaces.
 *
 * Secrets never reach a store in clear: codes and tokens are identified by `hash`, the
 * base64url SHA-256 of the value (`tokens/hash.ts`). All times are epoch seconds.
 * The contract suite in `@tessera/core/testing` pins down every behaviour described here.
 */
import type { JWK } from 'jose';
import type { ClaimsRequest, ClientRecord, SigningAlgorithm, UserRecord } from '../types.js';

export interface ClientStore {
  get(clientId: string): Promise<ClientRecord | undefined>;
  /** Returns false when the client id is already taken. */
  create(record: ClientRecord): Promise<boolean>;
  /** Replaces the record; returns false when it does not exist. */
  update(record: ClientRecord): Promise<boolean>;
  /** Deletes the client and everything issued to it; returns false when it did not exist. */
  delete(clientId: string): Promise<boolean>;
}

export interface UserStore {
  get(userId: string): Promise<UserRecord | undefined>;
}

/** What a single-use consumption found (codes, refresh tokens). */
export type ConsumeResult<T> =
  | { outcome: 'consumed'; record: T }
  | { outcome: 'replayed'; record: T }
  | { outcome: 'not_found' };

/** What was authorized: the parent of codes and tokens, revoked as one (RFC 6749 10.5, 10.4). */
export interface GrantRecord {
  id: string;
  clientId: string;
  userId?: string;
  sub?: string;
  /** The scope granted, space separated. */
  scope: string;
  claims?: ClaimsRequest;
  authTime?: number;
  acr?: string;
  amr?: string[];
  sid?: string;
  nonce?: string;
  extraIdTokenClaims?: Record<string, unknown>;
  issuedAt: number;
  expiresAt?: number;
}

export interface GrantStore {
  create(record: GrantRecord): Promise<void>;
  get(id: string): Promise<GrantRecord | undefined>;
  /** Deletes the grant and makes every code, access token and refresh token of it unusable. */
  revoke(id: string): Promise<boolean>;
  /** Revokes every grant of this subject (logout); returns how many were revoked. */
  revokeBySubject(sub: string): Promise<number>;
  /** Revokes every grant of this browser session (logout); returns the revoked grants. */
  revokeBySession(sid: string): Promise<GrantRecord[]>;
}

export interface AuthorizationCodeRecord {
  hash: string;
  grantId: string;
  clientId: string;
  redirectUri: string;
  codeChallenge?: string;
  codeChallengeMethod?: 'S256' | 'plain';
  issuedAt: number;
  expiresAt: number;
  /** Set once the code was redeemed; a second redemption is a replay. */
  consumedAt?: number;
}

export interface AuthorizationCodeStore {
  create(record: AuthorizationCodeRecord): Promise<void>;
  /** Atomically marks the code used. Of many concurrent calls exactly one sees `consumed`. */
  consume(hash: string, now: number): Promise<ConsumeResult<AuthorizationCodeRecord>>;
}

export interface AccessTokenRecord {
  hash: string;
  /** Absent for tokens that act for the client itself (client_credentials). */
  grantId?: string;
  clientId: string;
  userId?: string;
  sub?: string;
  scope: string;
  /** The `claims.userinfo` part of the request this token may read. */
  claims?: ClaimsRequest['userinfo'];
  issuedAt: number;
  expiresAt: number;
}

export interface AccessTokenStore {
  create(record: AccessTokenRecord): Promise<void>;
  /** Finds a token, expired ones included; the engine decides about expiry. */
  find(hash: string): Promise<AccessTokenRecord | undefined>;
  revoke(hash: string): Promise<boolean>;
}

export interface RefreshTokenRecord {
  hash: string;
  grantId: string;
  clientId: string;
  scope: string;
  issuedAt: number;
  /** Absent: valid until revoked. */
  expiresAt?: number;
  /** Set when the token was rotated; using it again is a reuse that revokes the grant. */
  consumedAt?: number;
}

export interface RefreshTokenStore {
  create(record: RefreshTokenRecord): Promise<void>;
  find(hash: string): Promise<RefreshTokenRecord | undefined>;
  /** Atomically marks the token rotated. Of many concurrent calls exactly one sees `consumed`. */
  consume(hash: string, now: number): Promise<ConsumeResult<RefreshTokenRecord>>;
  revoke(hash: string): Promise<boolean>;
}

export interface SubjectStore {
  /** Records that `sub` denotes `userId` (idempotent; one user may have many subs). */
  remember(userId: string, sub: string): Promise<void>;
  findUserId(sub: string): Promise<string | undefined>;
}

/** An end-user session at the OP (the browser's login). */
export interface SessionRecord {
  /** Public session id, used as the `sid` claim. */
  id: string;
  /** base64url SHA-256 of the cookie value. */
  tokenHash: string;
  userId: string;
  authTime: number;
  acr?: string;
  amr?: string[];
  /** Clients that received tokens in this session (for back-channel logout). */
  clientIds: string[];
  createdAt: number;
  expiresAt: number;
}

export interface SessionStore {
  create(record: SessionRecord): Promise<void>;
  get(id: string): Promise<SessionRecord | undefined>;
  findByTokenHash(tokenHash: string): Promise<SessionRecord | undefined>;
  addClient(id: string, clientId: string): Promise<void>;
  /** Ends the session; returns it when it existed. */
  delete(id: string): Promise<SessionRecord | undefined>;
}

/**
 * A paused request waiting for one of the host's pages: login or consent (authorization
 * endpoint) or the logout confirmation (end-session endpoint).
 */
export interface InteractionRecord {
  id: string;
  /** base64url SHA-256 of the browser-binding cookie set when the interaction began. */
  bindingHash: string;
  /** Absent only for a logout without any client named. */
  clientId?: string;
  /** The validated request parameters, to resume with. */
  params: Record<string, string>;
  prompt: InteractionPrompt;
  /** Filled in when login completed and consent is still to come. */
  login?: { userId: string; authTime: number; acr?: string; amr?: string[]; sid?: string };
  createdAt: number;
  expiresAt: number;
}

export type InteractionPrompt = 'login' | 'consent' | 'logout';

export interface InteractionStore {
  create(record: InteractionRecord): Promise<void>;
  get(id: string): Promise<InteractionRecord | undefined>;
  update(record: InteractionRecord): Promise<void>;
  /** Atomically removes and returns it, so an interaction completes at most once. */
  consume(id: string): Promise<InteractionRecord | undefined>;
}

export interface ConsentRecord {
  userId: string;
  clientId: string;
  scopes: string[];
  claims: string[];
  grantedAt: number;
}

export interface ConsentStore {
  get(userId: string, clientId: string): Promise<ConsentRecord | undefined>;
  /** Upserts the consent of this user for this client. */
  save(record: ConsentRecord): Promise<void>;
  revoke(userId: string, clientId: string): Promise<boolean>;
}

export type KeyState = 'next' | 'active' | 'retired';

export interface KeyRecord {
  kid: string;
  alg: SigningAlgorithm;
  state: KeyState;
  /** Private JWK; adapters encrypt it at rest. */
  privateJwk: JWK;
  publicJwk: JWK;
  createdAt: number;
  activatedAt?: number;
  retiredAt?: number;
}

export interface KeyStore {
  list(): Promise<KeyRecord[]>;
  create(record: KeyRecord): Promise<void>;
  update(record: KeyRecord): Promise<boolean>;
  delete(kid: string): Promise<boolean>;
}

export interface ReplayStore {
  /** Remembers `key` until `expiresAt`; true when it was new, false when seen before (atomic). */
  add(key: string, expiresAt: number): Promise<boolean>;
}

/** Everything one tenant's provider reads and writes. */
export interface TenantStores {
  clients: ClientStore;
  users: UserStore;
  grants: GrantStore;
  codes: AuthorizationCodeStore;
  accessTokens: AccessTokenStore;
  refreshTokens: RefreshTokenStore;
  subjects: SubjectStore;
  sessions: SessionStore;
  interactions: InteractionStore;
  consents: ConsentStore;
  keys: KeyStore;
  replay: ReplayStore;
}
