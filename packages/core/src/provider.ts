/**
 * One tenant's OpenID Provider. Two faces over the same logic: `handle(request)` serves every
 * endpoint over Web-standard Request/Response, and the pyOP-style methods expose each step to
 * hosts that drive the protocol themselves.
 */
import type { JSONWebKeySet } from 'jose';
import {
  type AuthorizationResponse,
  authorize as authorizeRequest,
} from './authorization/authorize.js';
import {
  completeInteraction,
  type InteractionDetails,
  type InteractionResult,
  interactionDetails,
} from './authorization/interaction.js';
import { parseAuthenticationRequest } from './authorization/parse-request.js';
import type { AuthenticationRequest } from './authorization/request.js';
import {
  type AuthenticationRequestValidator,
  type CookieSettings,
  ENDPOINT_PATHS,
  type EndpointUrls,
  type Logger,
  type ProviderContext,
  type RegistrationRequestValidator,
  silentLogger,
} from './context.js';
import { handleAuthorization } from './endpoints/authorization.js';
import { discoveryDocument, handleDiscovery } from './endpoints/discovery.js';
import { handleEndSession } from './endpoints/end-session.js';
import { handleIntrospection } from './endpoints/introspection.js';
import { handleJwks } from './endpoints/jwks.js';
import {
  handleClientConfiguration,
  handleRegistration,
  processRegistrationRequest,
} from './endpoints/registration.js';
import { handleRevocation } from './endpoints/revocation.js';
import { handleToken, processTokenRequest } from './endpoints/token.js';
import { handleUserinfo, processUserinfoRequest } from './endpoints/userinfo.js';
import { asOAuthError, jsonErrorResponse } from './http/errors.js';
import { parseParams } from './http/request.js';
import { jsonResponse } from './http/response.js';
import { ensureSigningKeys, KeySet } from './keys/key-set.js';
import {
  completeLogout,
  doPostLogoutRedirect,
  type EndSessionRequest,
  logoutUser,
} from './logout/logout.js';
import { resolveSettings, type SettingsInput } from './settings.js';
import type { TenantStores } from './storage/ports.js';
import {
  HashBasedSubjectIdentifierFactory,
  type SubjectIdentifierFactory,
} from './subjects/subject-identifier.js';
import { AuthorizationState } from './tokens/authorization-state.js';
import { defaultRandom } from './tokens/random.js';
import type { Authentication, Clock, ExtraClaims, RandomSource } from './types.js';

export interface ProviderOptions {
  /** The issuer: https (http only for localhost), no query or fragment. */
  issuer: string;
  stores: TenantStores;
  /** Salt of the hash-based subject identifiers; keep it secret and stable per tenant. */
  subjectSalt?: string;
  /** Replaces the hash-based factory. */
  subjectIdentifierFactory?: SubjectIdentifierFactory;
  settings?: SettingsInput;
  clock?: Clock;
  random?: RandomSource;
  fetch?: typeof fetch;
  logger?: Logger;
  /** Where the host shows login, consent and logout confirmation; default `${issuer}/interaction/{id}`. */
  interactionUrl?: (id: string, prompt: 'login' | 'consent' | 'logout') => string;
  loggedOutUrl?: string;
  extraIdTokenClaims?: ExtraClaims;
  /** Extra discovery metadata, published as given. */
  extraMetadata?: Record<string, unknown>;
  verifyInitialAccessToken?: (token: string) => Promise<boolean>;
  waitUntil?: (work: Promise<unknown>) => void;
  cookies?: Partial<CookieSettings>;
}

export const systemClock: Clock = () => Math.floor(Date.now() / 1000);

function validateIssuer(issuer: string): URL {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    throw new TypeError(`The issuer '${issuer}' is not an absolute URL`);
  }
  // Loopback names (RFC 6761: `localhost` and every `*.localhost`) may use plain http.
  const local =
    ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname) ||
    url.hostname.endsWith('.localhost');
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
    throw new TypeError('The issuer must use https (http is allowed for localhost only)');
  }
  if (url.search || url.hash || issuer.includes('?') || issuer.includes('#')) {
    throw new TypeError('The issuer must not have a query or fragment');
  }
  if (issuer.endsWith('/')) throw new TypeError('The issuer must not end with a slash');
  return url;
}

export class Provider {
  /** App-added checks run after the built-in ones (pyOP `authentication_request_validators`). */
  readonly authenticationRequestValidators: AuthenticationRequestValidator[];
  /** App-added checks on registration metadata (pyOP `registration_request_validators`). */
  readonly registrationRequestValidators: RegistrationRequestValidator[];
  private readonly issuerPath: string;

  private constructor(readonly context: ProviderContext) {
    this.authenticationRequestValidators = context.authenticationRequestValidators;
    this.registrationRequestValidators = context.registrationRequestValidators;
    this.issuerPath = new URL(context.issuer).pathname.replace(/\/$/, '');
  }

  /** Builds a provider, creating the tenant's first signing keys when it has none. */
  static async create(options: ProviderOptions): Promise<Provider> {
    const issuerUrl = validateIssuer(options.issuer);
    const settings = resolveSettings(options.settings);
    if (!settings.signingAlgorithms.includes('RS256')) settings.signingAlgorithms.unshift('RS256');
    const clock = options.clock ?? systemClock;
    const random = options.random ?? defaultRandom;
    const subjects =
      options.subjectIdentifierFactory ??
      new HashBasedSubjectIdentifierFactory(
        options.subjectSalt ?? missing('subjectSalt or subjectIdentifierFactory'),
      );
    await ensureSigningKeys(options.stores.keys, settings.signingAlgorithms, { clock, random });
    const keys = await KeySet.load(options.stores.keys);
    const issuer = options.issuer;
    const endpoints = Object.fromEntries(
      Object.entries(ENDPOINT_PATHS).map(([name, path]) => [name, issuer + path]),
    ) as unknown as EndpointUrls;
    const logger = options.logger ?? silentLogger;
    return new Provider({
      issuer,
      endpoints,
      settings,
      stores: options.stores,
      clock,
      random,
      fetch: options.fetch ?? globalThis.fetch.bind(globalThis),
      logger,
      subjects,
      state: new AuthorizationState(options.stores, settings.lifetimes, clock, random, subjects),
      keys,
      cookies: {
        session: 'tessera.session',
        interaction: 'tessera.interaction',
        path: issuerUrl.pathname === '' ? '/' : issuerUrl.pathname,
        secure: issuerUrl.protocol === 'https:',
        ...options.cookies,
      },
      interactionUrl: options.interactionUrl ?? ((id) => `${issuer}/interaction/${id}`),
      loggedOutUrl: options.loggedOutUrl,
      extraIdTokenClaims: options.extraIdTokenClaims,
      extraMetadata: options.extraMetadata ?? {},
      verifyInitialAccessToken: options.verifyInitialAccessToken,
      waitUntil:
        options.waitUntil ??
        ((work) => {
          work.catch((error: unknown) =>
            logger.error('background work failed', { cause: String(error) }),
          );
        }),
      authenticationRequestValidators: [],
      registrationRequestValidators: [],
    });
  }

  get issuer(): string {
    return this.context.issuer;
  }

  /** The discovery document (OpenID Connect Discovery 1.0, 3). */
  get configuration(): Record<string, unknown> {
    return discoveryDocument(this.context);
  }

  /** Public keys: next, active and retired ones, so rotation never breaks verification. */
  get jwks(): JSONWebKeySet {
    return this.context.keys.jwks;
  }

  /** Re-reads the key store after a rotation. */
  async reloadKeys(): Promise<void> {
    this.context.keys = await KeySet.load(this.context.stores.keys);
  }

  /** Serves every protocol endpoint. Never throws: failures become OAuth error responses. */
  async handle(request: Request): Promise<Response> {
    const ctx = this.context;
    try {
      const path = new URL(request.url).pathname;
      if (!path.startsWith(this.issuerPath)) return notFound();
      const route = path.slice(this.issuerPath.length) || '/';
      const response = await this.route(route, request);
      return response ?? notFound();
    } catch (error) {
      return jsonErrorResponse(asOAuthError(error, ctx.logger));
    }
  }

  private route(route: string, request: Request): Promise<Response> | undefined {
    const ctx = this.context;
    const method = request.method;
    const cors = method === 'OPTIONS';
    switch (route) {
      case ENDPOINT_PATHS.discovery:
        return only(method, ['GET', 'HEAD'], () => handleDiscovery(ctx, request));
      case ENDPOINT_PATHS.jwks:
        return only(method, ['GET', 'HEAD'], () => handleJwks(ctx, request));
      case ENDPOINT_PATHS.authorization:
        return only(method, ['GET', 'POST'], () => handleAuthorization(ctx, request));
      case ENDPOINT_PATHS.token:
        return cors ? preflight() : only(method, ['POST'], () => handleToken(ctx, request));
      case ENDPOINT_PATHS.userinfo:
        return cors
          ? preflight()
          : only(method, ['GET', 'POST'], () => handleUserinfo(ctx, request));
      case ENDPOINT_PATHS.registration:
        return only(method, ['POST'], () => handleRegistration(ctx, request));
      case ENDPOINT_PATHS.introspection:
        return only(method, ['POST'], () => handleIntrospection(ctx, request));
      case ENDPOINT_PATHS.revocation:
        return cors ? preflight() : only(method, ['POST'], () => handleRevocation(ctx, request));
      case ENDPOINT_PATHS.endSession:
        return only(method, ['GET', 'POST'], () => handleEndSession(ctx, request));
    }
    const prefix = `${ENDPOINT_PATHS.registration}/`;
    if (route.startsWith(prefix) && route.length > prefix.length) {
      const clientId = decodePathSegment(route.slice(prefix.length));
      if (clientId === undefined) return Promise.resolve(notFound());
      return only(method, ['GET', 'PUT', 'DELETE'], () =>
        handleClientConfiguration(ctx, request, clientId),
      );
    }
    return undefined;
  }

  // ---- the pyOP-style programmatic API ----

  /**
   * Parses and validates an authentication request (query string, form body or parameters).
   * Async so malformed parameters reject the promise instead of throwing synchronously.
   */
  async parseAuthenticationRequest(
    params: string | URLSearchParams | Record<string, string>,
  ): Promise<AuthenticationRequest> {
    const search =
      typeof params === 'string' || params instanceof URLSearchParams
        ? params
        : new URLSearchParams(params);
    return parseAuthenticationRequest(this.context, parseParams(search));
  }

  /**
   * Issues the authorization response for an authenticated user. `authentication` defaults to
   * "authenticated now", for hosts that handle sessions themselves as pyOP did.
   */
  authorize(
    request: AuthenticationRequest,
    userId: string,
    extraIdTokenClaims?: ExtraClaims,
    authentication?: Partial<Omit<Authentication, 'userId'>>,
  ): Promise<AuthorizationResponse> {
    return authorizeRequest(
      this.context,
      request,
      { authTime: this.context.clock(), ...authentication, userId },
      extraIdTokenClaims ?? this.context.extraIdTokenClaims,
    );
  }

  /** What the host's login, consent or logout page needs to show. */
  interactionDetails(request: Request, id: string): Promise<InteractionDetails> {
    return interactionDetails(this.context, request, id);
  }

  /** Resumes a paused request with the host's login, consent or logout decision. */
  completeInteraction(request: Request, id: string, result: InteractionResult): Promise<Response> {
    return completeInteraction(this.context, request, id, result);
  }

  /** Token endpoint logic; returns the JSON response body or throws an `OAuthError`. */
  handleTokenRequest(
    body: string | URLSearchParams,
    headers?: HeadersInit,
    extraIdTokenClaims?: ExtraClaims,
  ): Promise<Record<string, unknown>> {
    return processTokenRequest(
      this.context,
      formRequest(this.context.endpoints.token, body, headers),
      extraIdTokenClaims ?? this.context.extraIdTokenClaims,
    );
  }

  /** Userinfo endpoint logic; `body` is the query string or form body. */
  handleUserinfoRequest(
    body?: string | URLSearchParams,
    headers?: HeadersInit,
  ): Promise<Record<string, unknown>> {
    return processUserinfoRequest(
      this.context,
      formRequest(this.context.endpoints.userinfo, body ?? '', headers),
    );
  }

  /** Dynamic registration logic; returns the client information response body. */
  handleClientRegistrationRequest(
    metadata: string | Record<string, unknown>,
    headers?: HeadersInit,
  ): Promise<Record<string, unknown>> {
    const body = typeof metadata === 'string' ? metadata : JSON.stringify(metadata);
    const request = new Request(this.context.endpoints.registration, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...Object.fromEntries(new Headers(headers)) },
      body,
    });
    return processRegistrationRequest(this.context, request);
  }

  /** Revokes everything of a subject, or of the subject of a verified `id_token_hint`. */
  logoutUser(subjectIdentifier?: string, endSessionRequest?: EndSessionRequest): Promise<void> {
    return logoutUser(this.context, { subjectIdentifier, endSessionRequest });
  }

  /** The validated post-logout redirect URL (with `state`), or undefined. */
  doPostLogoutRedirect(endSessionRequest: EndSessionRequest): Promise<string | undefined> {
    return doPostLogoutRedirect(this.context, endSessionRequest);
  }

  /** Ends the logout interaction the host confirmed (or cancelled). */
  completeLogout(request: Request, id: string, confirmed: boolean): Promise<Response> {
    return completeLogout(this.context, request, id, confirmed);
  }
}

function missing(what: string): never {
  throw new TypeError(`Provider option ${what} is required`);
}

function formRequest(url: string, body: string | URLSearchParams, headers?: HeadersInit): Request {
  const merged = new Headers(headers);
  if (!merged.has('content-type')) merged.set('content-type', 'application/x-www-form-urlencoded');
  return new Request(url, { method: 'POST', headers: merged, body: body.toString() });
}

function only(method: string, allowed: string[], run: () => Promise<Response>): Promise<Response> {
  if (allowed.includes(method)) return run();
  return Promise.resolve(
    jsonResponse(
      { error: 'invalid_request', error_description: `Method ${method} is not allowed here` },
      405,
      { allow: allowed.join(', ') },
    ),
  );
}

/** CORS preflight for the endpoints browsers call directly (SPAs); no cookies are involved. */
function preflight(): Promise<Response> {
  return Promise.resolve(
    new Response(null, {
      status: 204,
      headers: {
        'access-control-allow-origin': '*',
        'access-control-allow-methods': 'GET, POST',
        'access-control-allow-headers': 'authorization, content-type, dpop',
        'access-control-max-age': '600',
      },
    }),
  );
}

/** A percent-decoded path segment, or undefined when it is malformed (e.g. `%E0`). */
function decodePathSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

function notFound(): Response {
  return jsonResponse({ error: 'not_found', error_description: 'No such endpoint' }, 404);
}
