import type { ClaimsRequest, ClientRecord, ResponseMode, ResponseType } from '../types.js';

export type Prompt = 'none' | 'login' | 'consent' | 'select_account';

/**
 * A validated authentication request (OIDC Core 3.1.2.1): the client and redirect URI are
 * trusted, so errors found from here on may be redirected.
 */
export interface AuthenticationRequest {
  client: ClientRecord;
  clientId: string;
  redirectUri: string;
  /** Normalised word order: `code id_token token`. */
  responseType: ResponseType;
  responseMode: ResponseMode;
  scope: string[];
  state?: string;
  nonce?: string;
  prompt: Set<Prompt>;
  maxAge?: number;
  claims?: ClaimsRequest;
  acrValues?: string[];
  loginHint?: string;
  /** Claims of a verified `id_token_hint` (signature and issuer checked, expiry tolerated). */
  idTokenHint?: { sub: string; sid?: string };
  uiLocales?: string[];
  display?: string;
  codeChallenge?: string;
  codeChallengeMethod?: 'S256' | 'plain';
  /** The request parameters as received, to resume the flow after an interaction. */
  params: Record<string, string>;
}
