/**
 * A sign-in started by the panel, kept in sessionStorage (this tab only) between the redirect to
 * the tenant and the callback. It holds no secret: a confidential client's secret is asked for
 * on the callback page and lives only in that page's memory.
 */
export const CALLBACK_PATH = '/try-it/callback';
const STORAGE_KEY = 'tessera.try-it.flow';

export interface PendingFlow {
  state: string;
  nonce: string;
  codeVerifier: string;
  clientId: string;
  /** How the token request authenticates: none, client_secret_basic or client_secret_post. */
  authMethod: string;
  /** Expected `alg` of the ID token (the client's id_token_signed_response_alg). */
  idTokenAlg: string;
  redirectUri: string;
  scope: string;
  tenantSlug: string;
  tenantName: string;
  issuer: string;
  tokenEndpoint: string;
  jwksUri: string;
  userinfoEndpoint: string | undefined;
}

/** The parts of a discovery document the panel uses (OIDC Discovery 3). */
export interface Discovery {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
  userinfo_endpoint?: string;
}

export async function fetchDiscovery(url: string): Promise<Discovery> {
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`The discovery document answered ${response.status}`);
  const document = (await response.json()) as Partial<Discovery>;
  if (
    !document.issuer ||
    !document.authorization_endpoint ||
    !document.token_endpoint ||
    !document.jwks_uri
  ) {
    throw new Error('The discovery document lacks an issuer or an endpoint');
  }
  return document as Discovery;
}

export function saveFlow(flow: PendingFlow): void {
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(flow));
}

/** The pending flow, removed as it is read: a code is exchanged once, a reload starts over. */
export function takeFlow(): PendingFlow | undefined {
  const stored = sessionStorage.getItem(STORAGE_KEY);
  sessionStorage.removeItem(STORAGE_KEY);
  if (!stored) return undefined;
  try {
    return JSON.parse(stored) as PendingFlow;
  } catch {
    return undefined;
  }
}
