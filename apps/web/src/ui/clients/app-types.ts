/**
 * The four kinds of application a person picks when creating a client, each a starting set of
 * registration metadata as Auth0, Logto and Keycloak offer them. They only prefill the form: the
 * advanced fields can change anything, and the API validates the result.
 */
export type AppTypeId = 'web' | 'spa' | 'native' | 'm2m';

export interface AppTypePreset {
  id: AppTypeId;
  label: string;
  description: string;
  applicationType: 'web' | 'native';
  grantTypes: string[];
  responseTypes: string[];
  tokenEndpointAuthMethod: string;
  /** Whether the kind signs users in (and so needs redirect URIs). */
  redirects: boolean;
  redirectPlaceholder: string;
}

export const APP_TYPES: readonly AppTypePreset[] = [
  {
    id: 'web',
    label: 'Web app',
    description: 'A server-rendered app that keeps a client secret (code flow, refresh tokens).',
    applicationType: 'web',
    grantTypes: ['authorization_code', 'refresh_token'],
    responseTypes: ['code'],
    tokenEndpointAuthMethod: 'client_secret_basic',
    redirects: true,
    redirectPlaceholder: 'https://app.example.com/callback',
  },
  {
    id: 'spa',
    label: 'Single-page app',
    description: 'JavaScript in the browser, no secret: code flow with PKCE.',
    applicationType: 'web',
    grantTypes: ['authorization_code'],
    responseTypes: ['code'],
    tokenEndpointAuthMethod: 'none',
    redirects: true,
    redirectPlaceholder: 'https://app.example.com/callback',
  },
  {
    id: 'native',
    label: 'Native app',
    description:
      'A mobile or desktop app, no secret: code flow with PKCE, custom-scheme or loopback redirects.',
    applicationType: 'native',
    grantTypes: ['authorization_code', 'refresh_token'],
    responseTypes: ['code'],
    tokenEndpointAuthMethod: 'none',
    redirects: true,
    redirectPlaceholder: 'com.example.app:/callback\nhttp://127.0.0.1/callback',
  },
  {
    id: 'm2m',
    label: 'Machine to machine',
    description:
      'A service calling APIs on its own behalf: client credentials, no users, no redirects.',
    applicationType: 'web',
    grantTypes: ['client_credentials'],
    responseTypes: [],
    tokenEndpointAuthMethod: 'client_secret_basic',
    redirects: false,
    redirectPlaceholder: '',
  },
];

export const GRANT_TYPES = [
  'authorization_code',
  'refresh_token',
  'client_credentials',
  'implicit',
] as const;

export const RESPONSE_TYPES = [
  'code',
  'id_token',
  'id_token token',
  'code id_token',
  'code token',
  'code id_token token',
] as const;

export const AUTH_METHODS = [
  'client_secret_basic',
  'client_secret_post',
  'client_secret_jwt',
  'private_key_jwt',
  'none',
] as const;

/** A short name for a client's kind in lists, read from its metadata. */
export function describeClientKind(client: {
  applicationType: string;
  tokenEndpointAuthMethod: string;
  grantTypes: readonly string[];
}): string {
  if (client.grantTypes.length === 1 && client.grantTypes[0] === 'client_credentials') {
    return 'Machine to machine';
  }
  if (client.applicationType === 'native') return 'Native app';
  return client.tokenEndpointAuthMethod === 'none' ? 'Single-page app' : 'Web app';
}

/** One URI per line, blank lines and surrounding spaces dropped. */
export function parseLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}
