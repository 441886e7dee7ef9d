/** GraphQL documents of the tenant screens (list, create, settings, branding, danger zone). */
import { gql } from '../graphql/document';

export type TenantStatus = 'active' | 'disabled';

export interface TenantRow {
  id: string;
  slug: string;
  name: string;
  issuer: string;
  status: TenantStatus;
  createdAt: string;
}

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export const TENANTS_LIST = gql<
  { tenants: { nodes: TenantRow[]; pageInfo: PageInfo; totalCount: number | null } },
  { search?: string; status?: TenantStatus; first: number; after?: string }
>(`
  query TenantsList($search: String, $status: TenantStatus, $first: Int, $after: String) {
    tenants(search: $search, status: $status, first: $first, after: $after) {
      nodes { id slug name issuer status createdAt }
      pageInfo { hasNextPage endCursor }
      totalCount
    }
  }
`);

export const TENANTS_CREATE = gql<
  { createTenant: { id: string; slug: string } },
  { name: string; slug: string }
>(`
  mutation TenantsCreate($name: String!, $slug: String!) {
    createTenant(name: $name, slug: $slug) { id slug }
  }
`);

export interface Lifetimes {
  accessToken: number;
  authorizationCode: number;
  idToken: number;
  interaction: number;
  refreshRenewalThreshold: number | null;
  refreshToken: number | null;
  session: number;
}

export interface LoginLimit {
  maxFailures: number;
  windowSeconds: number;
}

export interface LoginLimits {
  perAccount: LoginLimit;
  perAddress: LoginLimit;
  perTenant: LoginLimit;
}

export type RegistrationPolicy = 'open' | 'off' | 'initial_access_token';
export type PkceRequirement = 'all' | 'public';

export interface ProtocolSettings {
  grantTypes: string[];
  responseTypes: string[];
  signingAlgorithms: string[];
  tokenEndpointAuthMethods: string[];
  subjectTypes: string[];
  idTokenOnRefresh: boolean;
  refreshTokensRequireOfflineAccess: boolean;
  lifetimes: Lifetimes;
  pkce: { required: PkceRequirement; allowPlain: boolean };
  registration: RegistrationPolicy;
}

export interface Branding {
  displayName: string | null;
  primaryColor: string | null;
  backgroundColor: string | null;
  logoUrl: string | null;
}

export interface TenantSettings {
  protocol: ProtocolSettings;
  loginLimits: LoginLimits;
  branding: Branding;
}

const SETTINGS_FIELDS = `
  settings {
    protocol {
      grantTypes responseTypes signingAlgorithms tokenEndpointAuthMethods subjectTypes
      idTokenOnRefresh refreshTokensRequireOfflineAccess registration
      lifetimes {
        accessToken authorizationCode idToken interaction refreshRenewalThreshold refreshToken
        session
      }
      pkce { required allowPlain }
    }
    loginLimits {
      perAccount { maxFailures windowSeconds }
      perAddress { maxFailures windowSeconds }
      perTenant { maxFailures windowSeconds }
    }
    branding { displayName primaryColor backgroundColor logoUrl }
  }
`;

export const TENANTS_SETTINGS = gql<
  { tenant: { id: string; settings: TenantSettings } },
  { id: string }
>(`
  query TenantsSettings($id: ID!) {
    tenant(id: $id) { id ${SETTINGS_FIELDS} }
  }
`);

/** A merge patch of one section: omitted fields stay, null restores a default. */
export type SettingsPatch = Record<string, unknown>;

export const TENANTS_UPDATE_SETTINGS = gql<
  { updateTenantSettings: { id: string; configVersion: number; settings: TenantSettings } },
  { tenantId: string; settings: SettingsPatch }
>(`
  mutation TenantsUpdateSettings($tenantId: ID!, $settings: TenantSettingsInput!) {
    updateTenantSettings(tenantId: $tenantId, settings: $settings) {
      id configVersion ${SETTINGS_FIELDS}
    }
  }
`);

export const TENANTS_RENAME = gql<
  { renameTenant: { id: string; name: string } },
  { tenantId: string; name: string }
>(`
  mutation TenantsRename($tenantId: ID!, $name: String!) {
    renameTenant(tenantId: $tenantId, name: $name) { id name }
  }
`);

export const TENANTS_SET_STATUS = gql<
  { setTenantStatus: { id: string; status: TenantStatus } },
  { tenantId: string; status: TenantStatus }
>(`
  mutation TenantsSetStatus($tenantId: ID!, $status: TenantStatus!) {
    setTenantStatus(tenantId: $tenantId, status: $status) { id status }
  }
`);

export const TENANTS_DELETE = gql<
  { deleteTenant: string },
  { tenantId: string; confirmSlug: string }
>(`
  mutation TenantsDelete($tenantId: ID!, $confirmSlug: String!) {
    deleteTenant(tenantId: $tenantId, confirmSlug: $confirmSlug)
  }
`);

export interface InitialAccessToken {
  id: string;
  description: string | null;
  createdAt: string;
  expiresAt: string | null;
}

export const TENANTS_INITIAL_ACCESS_TOKENS = gql<
  { initialAccessTokens: InitialAccessToken[] },
  { tenantId: string }
>(`
  query TenantsInitialAccessTokens($tenantId: ID!) {
    initialAccessTokens(tenantId: $tenantId) { id description createdAt expiresAt }
  }
`);

export const TENANTS_CREATE_INITIAL_ACCESS_TOKEN = gql<
  { createInitialAccessToken: { token: string; initialAccessToken: InitialAccessToken } },
  { tenantId: string; description?: string; expiresInSeconds?: number }
>(`
  mutation TenantsCreateInitialAccessToken(
    $tenantId: ID!, $description: String, $expiresInSeconds: Int
  ) {
    createInitialAccessToken(
      tenantId: $tenantId, description: $description, expiresInSeconds: $expiresInSeconds
    ) {
      token
      initialAccessToken { id description createdAt expiresAt }
    }
  }
`);

export const TENANTS_REVOKE_INITIAL_ACCESS_TOKEN = gql<
  { revokeInitialAccessToken: { id: string } },
  { tenantId: string; id: string }
>(`
  mutation TenantsRevokeInitialAccessToken($tenantId: ID!, $id: ID!) {
    revokeInitialAccessToken(tenantId: $tenantId, id: $id) { id }
  }
`);
