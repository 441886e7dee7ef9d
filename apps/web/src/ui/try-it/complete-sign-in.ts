/**
 * The callback half of the panel's code flow, as a browser RP does it: exchange the code at the
 * token endpoint (with the PKCE verifier, and the secret for confidential clients), verify the
 * ID token against the tenant's JWKS (signature, iss, aud, exp, nonce), call userinfo.
 */
import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, errors, jwtVerify } from 'jose';
import type { PendingFlow } from './flow';

/** An OAuth error answered by the OP (RFC 6749 5.2), or one found here (state, nonce). */
export class OAuthFailure extends Error {
  override name = 'OAuthFailure';
  constructor(
    readonly code: string,
    readonly description: string | undefined,
    readonly status?: number,
  ) {
    super(description ? `${code}: ${description}` : code);
  }
}

export interface TokenResponse {
  access_token?: string;
  refresh_token?: string;
  id_token?: string;
  token_type?: string;
  expires_in?: number;
  scope?: string;
}

export interface Verification {
  ok: boolean;
  /** A jose error code (ERR_JWS_SIGNATURE_VERIFICATION_FAILED, ...) or nonce_mismatch. */
  code?: string;
  message: string;
}

export interface SignInResult {
  tokens: TokenResponse;
  idTokenHeader: Record<string, unknown> | undefined;
  idTokenClaims: Record<string, unknown> | undefined;
  verification: Verification;
  userinfo: { ok: true; claims: Record<string, unknown> } | { ok: false; error: string };
}

export async function exchangeCode(
  flow: PendingFlow,
  code: string,
  secret: string | undefined,
): Promise<TokenResponse> {
  const body = new URLSearchParams({
    grant_type: 'authorization_code',
    code,
    redirect_uri: flow.redirectUri,
    code_verifier: flow.codeVerifier,
  });
  const headers: Record<string, string> = {
    'content-type': 'application/x-www-form-urlencoded',
    accept: 'application/json',
  };
  if (flow.authMethod === 'client_secret_basic') {
    // RFC 6749 2.3.1: both parts form-urlencoded before base64.
    const encode = (value: string) => encodeURIComponent(value).replaceAll('%20', '+');
    headers.authorization = `Basic ${btoa(`${encode(flow.clientId)}:${encode(secret ?? '')}`)}`;
  } else {
    body.set('client_id', flow.clientId);
    if (flow.authMethod === 'client_secret_post') body.set('client_secret', secret ?? '');
  }
  const response = await fetch(flow.tokenEndpoint, { method: 'POST', headers, body });
  const answer = (await response.json().catch(() => ({}))) as TokenResponse & {
    error?: string;
    error_description?: string;
  };
  if (!response.ok || answer.error) {
    throw new OAuthFailure(
      answer.error ?? 'server_error',
      answer.error_description ?? `The token endpoint answered ${response.status}`,
      response.status,
    );
  }
  return answer;
}

export async function verifyIdToken(flow: PendingFlow, idToken: string): Promise<Verification> {
  try {
    const { payload } = await jwtVerify(idToken, createRemoteJWKSet(new URL(flow.jwksUri)), {
      issuer: flow.issuer,
      audience: flow.clientId,
      algorithms: [flow.idTokenAlg],
    });
    if (payload.nonce !== flow.nonce) {
      return { ok: false, code: 'nonce_mismatch', message: 'The nonce is not the one sent' };
    }
    return {
      ok: true,
      message: `Signature verified with the tenant's JWKS (${flow.idTokenAlg}); iss, aud, exp and nonce match.`,
    };
  } catch (error) {
    if (error instanceof errors.JOSEError)
      return { ok: false, code: error.code, message: error.message };
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

async function fetchUserinfo(
  flow: PendingFlow,
  accessToken: string | undefined,
): Promise<SignInResult['userinfo']> {
  if (!flow.userinfoEndpoint) return { ok: false, error: 'The tenant has no userinfo endpoint' };
  if (!accessToken) return { ok: false, error: 'No access token was issued' };
  const response = await fetch(flow.userinfoEndpoint, {
    headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' },
  });
  if (!response.ok) {
    const challenge = response.headers.get('www-authenticate');
    return { ok: false, error: `${response.status}${challenge ? `: ${challenge}` : ''}` };
  }
  return { ok: true, claims: (await response.json()) as Record<string, unknown> };
}

function decodeSafely<T>(decode: () => T): T | undefined {
  try {
    return decode();
  } catch {
    return undefined;
  }
}

export async function completeSignIn(
  flow: PendingFlow,
  code: string,
  secret: string | undefined,
): Promise<SignInResult> {
  const tokens = await exchangeCode(flow, code, secret);
  const idToken = tokens.id_token;
  const verification: Verification = idToken
    ? await verifyIdToken(flow, idToken)
    : { ok: false, code: 'missing_id_token', message: 'The token response holds no ID token' };
  return {
    tokens,
    idTokenHeader: idToken ? decodeSafely(() => decodeProtectedHeader(idToken)) : undefined,
    idTokenClaims: idToken ? decodeSafely(() => decodeJwt(idToken)) : undefined,
    verification,
    userinfo: await fetchUserinfo(flow, tokens.access_token),
  };
}

/** The first and last characters of a token: enough to tell tokens apart, too little to use. */
export function truncateToken(token: string | undefined): string {
  if (!token) return '—';
  return token.length <= 16
    ? `${token.slice(0, 4)}…`
    : `${token.slice(0, 8)}…${token.slice(-4)} (${token.length} characters)`;
}
