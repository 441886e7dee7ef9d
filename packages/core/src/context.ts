/**
 * Everything an endpoint needs, built once per provider. Endpoints are plain functions of
 * `(ctx, request)`; nothing here reads the environment or the wall clock.
 */
import type { ErrorLogger } from './http/errors.js';
import type { KeySet } from './keys/key-set.js';
import type { ProviderSettings } from './settings.js';
import type { InteractionPrompt, TenantStores } from './storage/ports.js';
import type { SubjectIdentifierFactory } from './subjects/subject-identifier.js';
import type { AuthorizationState } from './tokens/authorization-state.js';
import type { Clock, ExtraClaims, RandomSource } from './types.js';

export interface Logger extends ErrorLogger {
  info(message: string, details: Record<string, unknown>): void;
  warn(message: string, details: Record<string, unknown>): void;
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

/** Absolute URLs of every endpoint, derived from the issuer. */
export interface EndpointUrls {
  discovery: string;
  jwks: string;
  authorization: string;
  token: string;
  userinfo: string;
  registration: string;
  introspection: string;
  revocation: string;
  endSession: string;
}

export const ENDPOINT_PATHS = {
  discovery: '/.well-known/openid-configuration',
  jwks: '/jwks',
  authorization: '/authorize',
  token: '/token',
  userinfo: '/userinfo',
  registration: '/register',
  introspection: '/token/introspection',
  revocation: '/token/revocation',
  endSession: '/logout',
} as const satisfies Record<keyof EndpointUrls, string>;

export interface CookieSettings {
  /** Name of the end-user session cookie. */
  session: string;
  /** Name of the cookie binding a paused interaction to the browser that started it. */
  interaction: string;
  /** Cookie path: the issuer's path, so tenants on one host never see each other's cookies. */
  path: string;
  /** Secure everywhere except plain-http localhost development. */
  secure: boolean;
}

export interface ProviderContext {
  issuer: string;
  endpoints: EndpointUrls;
  settings: ProviderSettings;
  stores: TenantStores;
  clock: Clock;
  random: RandomSource;
  /** Outgoing HTTP (back-channel logout, sector_identifier_uri, jwks_uri). */
  fetch: typeof fetch;
  logger: Logger;
  subjects: SubjectIdentifierFactory;
  state: AuthorizationState;
  keys: KeySet;
  cookies: CookieSettings;
  /** Where the host renders login, consent and logout confirmation for an interaction. */
  interactionUrl: (id: string, prompt: InteractionPrompt) => string;
  /** Where the end user lands after a logout without a valid post_logout_redirect_uri. */
  loggedOutUrl: string | undefined;
  /** Host-supplied ID-token claims for flows driven through `handle()`. */
  extraIdTokenClaims: ExtraClaims | undefined;
  /** Extra discovery metadata published as given (pyOP keeps unknown keys). */
  extraMetadata: Record<string, unknown>;
  /** Checks an RFC 7591 initial access token when registration needs one. */
  verifyInitialAccessToken: ((token: string) => Promise<boolean>) | undefined;
  /** Keeps background work (back-channel logout deliveries) alive; tests await it. */
  waitUntil: (work: Promise<unknown>) => void;
  authenticationRequestValidators: AuthenticationRequestValidator[];
  registrationRequestValidators: RegistrationRequestValidator[];
}

/** An app-added check on a parsed authentication request; throw an `OAuthError` to reject. */
export type AuthenticationRequestValidator = (
  request: import('./authorization/request.js').AuthenticationRequest,
) => void | Promise<void>;

/** An app-added check on registration metadata; throw an `OAuthError` to reject. */
export type RegistrationRequestValidator = (
  metadata: Record<string, unknown>,
) => void | Promise<void>;
