/**
 * The OAuth error hierarchy. Every error the engine raises on purpose is an `OAuthError`
 * carrying the RFC error code, the HTTP status and whether it may be sent back to the
 * client's redirect URI. Exactly one serializer per transport lives in `http/errors.ts`;
 * anything that is not an `OAuthError` becomes `server_error` there without leaking internals.
 *
 * Class names follow pyOP (`InvalidAuthenticationRequest`, `InvalidTokenRequest`, ...) so the
 * lineage stays readable, but the codes follow the specifications, not pyOP's defects.
 */

export type OAuthErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'unsupported_response_type'
  | 'invalid_scope'
  | 'access_denied'
  | 'server_error'
  | 'temporarily_unavailable'
  | 'invalid_token'
  | 'insufficient_scope'
  | 'login_required'
  | 'consent_required'
  | 'interaction_required'
  | 'account_selection_required'
  | 'invalid_request_uri'
  | 'invalid_request_object'
  | 'request_not_supported'
  | 'request_uri_not_supported'
  | 'registration_not_supported'
  | 'invalid_redirect_uri'
  | 'invalid_client_metadata'
  | 'unsupported_token_type';

const STATUS: Partial<Record<OAuthErrorCode, number>> = {
  invalid_client: 401,
  invalid_token: 401,
  insufficient_scope: 403,
  server_error: 500,
  temporarily_unavailable: 503,
};

export interface OAuthErrorOptions {
  status?: number;
  cause?: unknown;
}

export class OAuthError extends Error {
  readonly error: OAuthErrorCode;
  readonly status: number;

  constructor(error: OAuthErrorCode, description: string, options: OAuthErrorOptions = {}) {
    super(description, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.error = error;
    this.status = options.status ?? STATUS[error] ?? 400;
  }

  /** The RFC 6749 5.2 body. The description is always safe to show: it never holds secrets. */
  toJSON(): { error: OAuthErrorCode; error_description: string } {
    return { error: this.error, error_description: this.message };
  }
}

/** Where an authorization error may be delivered once client and redirect URI are trusted. */
export interface AuthorizationErrorTarget {
  redirectUri: string;
  responseMode: 'query' | 'fragment' | 'form_post';
  state?: string;
  issuer: string;
}

/**
 * An authorization request failed. It can only be redirected after the client and the
 * redirect URI have been validated (`target` is set); before that, `toErrorUrl()` is
 * undefined and the host shows an error page. This closes pyOP's open redirect (PR 64).
 */
export class InvalidAuthenticationRequest extends OAuthError {
  target: AuthorizationErrorTarget | undefined;

  constructor(
    error: OAuthErrorCode,
    description: string,
    target?: AuthorizationErrorTarget,
    options?: OAuthErrorOptions,
  ) {
    super(error, description, options);
    this.target = target;
  }

  /** The error response URL (query or fragment), or undefined when it must not redirect. */
  toErrorUrl(): string | undefined {
    const target = this.target;
    if (!target || target.responseMode === 'form_post') return undefined;
    const params = new URLSearchParams({ error: this.error, error_description: this.message });
    if (target.state !== undefined) params.set('state', target.state);
    params.set('iss', target.issuer);
    const url = new URL(target.redirectUri);
    if (target.responseMode === 'fragment') {
      url.hash = params.toString();
      return url.toString();
    }
    for (const [name, value] of params) url.searchParams.append(name, value);
    return url.toString();
  }
}

/** The redirect URI is missing, unknown or not registered: never redirect (RFC 6749 4.1.2.1). */
export class InvalidRedirectURI extends InvalidAuthenticationRequest {
  constructor(description: string) {
    super('invalid_request', description);
  }
  override toErrorUrl(): undefined {
    return undefined;
  }
}

export class InvalidTokenRequest extends OAuthError {
  constructor(description: string, error: OAuthErrorCode = 'invalid_request') {
    super(error, description);
  }
}

export class InvalidClientAuthentication extends OAuthError {
  constructor(description: string, options?: OAuthErrorOptions) {
    super('invalid_client', description, options);
  }
}

export class InvalidAuthorizationCode extends OAuthError {
  constructor(description: string) {
    super('invalid_grant', description);
  }
}

export class InvalidRefreshToken extends OAuthError {
  constructor(description: string) {
    super('invalid_grant', description);
  }
}

export class InvalidScope extends OAuthError {
  constructor(description: string) {
    super('invalid_scope', description);
  }
}

/** An access token was missing, unknown, expired or revoked (RFC 6750 3.1). */
export class InvalidAccessToken extends OAuthError {
  constructor(description: string) {
    super('invalid_token', description);
  }
}

/** No bearer token in the request at all: RFC 6750 3.1 says answer without an error code. */
export class BearerTokenError extends OAuthError {
  constructor(description: string, error: OAuthErrorCode = 'invalid_request') {
    super(error, description, { status: 401 });
  }
}

export class InvalidClientRegistrationRequest extends OAuthError {
  constructor(
    description: string,
    error:
      | 'invalid_request'
      | 'invalid_redirect_uri'
      | 'invalid_client_metadata' = 'invalid_client_metadata',
    /** The metadata field at fault (`redirect_uris`), for callers that report per field. */
    readonly field?: string,
  ) {
    super(error, description);
  }
}

/** The subject identifier is unknown to this tenant (logout by sub, pyOP's InvalidSubjectIdentifier). */
export class InvalidSubjectIdentifier extends OAuthError {
  constructor(description: string) {
    super('invalid_request', description);
  }
}

/**
 * `authorize()` could not honour the request, e.g. the `claims` parameter asks for a `sub`
 * this user does not have. It redirects like any other authorization error.
 */
export class AuthorizationError extends InvalidAuthenticationRequest {}

/** Unexpected failures are reported as this, with the cause kept only for logs. */
export class ServerError extends OAuthError {
  constructor(cause?: unknown) {
    super('server_error', 'The server encountered an unexpected condition', { cause });
  }
}

export function isOAuthError(value: unknown): value is OAuthError {
  return value instanceof OAuthError;
}
