/** The users area's GraphQL documents: list, create, read, change, sessions. */
import { gql } from '../graphql/document';

/** Standard and custom claims, as the API stores them (a JSON object). */
export type Claims = Record<string, unknown>;

export interface UserRow {
  id: string;
  loginName: string;
  email: string | null;
  claims: Claims;
  disabled: boolean;
  hasPassword: boolean;
  createdAt: string;
}

export interface UserDetail extends UserRow {
  tenantId: string;
  updatedAt: string;
}

export interface UserSessionRow {
  id: string;
  createdAt: string;
  authTime: string;
  expiresAt: string;
  amr: string[];
  acr: string | null;
  clientIds: string[];
}

const USER_FIELDS = 'id tenantId loginName email claims disabled hasPassword createdAt updatedAt';

export const USERS_LIST = gql<
  {
    users: {
      nodes: UserRow[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      totalCount: number | null;
    };
  },
  { tenantId: string; search?: string; first: number; after?: string }
>(`
  query UsersList($tenantId: ID!, $search: String, $first: Int, $after: String) {
    users(tenantId: $tenantId, search: $search, first: $first, after: $after) {
      nodes { id loginName email claims disabled hasPassword createdAt }
      pageInfo { hasNextPage endCursor }
      totalCount
    }
  }
`);

export const USER_CREATE = gql<
  { createUser: UserDetail },
  { tenantId: string; loginName: string; email?: string; password?: string; claims?: Claims }
>(`
  mutation UsersCreate($tenantId: ID!, $loginName: String!, $email: String, $password: String, $claims: JSON) {
    createUser(tenantId: $tenantId, loginName: $loginName, email: $email, password: $password, claims: $claims) {
      ${USER_FIELDS}
    }
  }
`);

export const USER_DETAIL = gql<{ user: UserDetail }, { tenantId: string; userId: string }>(`
  query UsersDetail($tenantId: ID!, $userId: ID!) {
    user(tenantId: $tenantId, userId: $userId) { ${USER_FIELDS} }
  }
`);

export const USER_UPDATE = gql<
  { updateUser: UserDetail },
  { tenantId: string; userId: string; loginName?: string; email?: string | null; claims?: Claims }
>(`
  mutation UsersUpdate($tenantId: ID!, $userId: ID!, $loginName: String, $email: String, $claims: JSON) {
    updateUser(tenantId: $tenantId, userId: $userId, loginName: $loginName, email: $email, claims: $claims) {
      ${USER_FIELDS}
    }
  }
`);

export const USER_SET_PASSWORD = gql<
  { setUserPassword: UserDetail },
  { tenantId: string; userId: string; password: string }
>(`
  mutation UsersSetPassword($tenantId: ID!, $userId: ID!, $password: String!) {
    setUserPassword(tenantId: $tenantId, userId: $userId, password: $password) { ${USER_FIELDS} }
  }
`);

export const USER_SET_DISABLED = gql<
  { setUserDisabled: UserDetail },
  { tenantId: string; userId: string; disabled: boolean }
>(`
  mutation UsersSetDisabled($tenantId: ID!, $userId: ID!, $disabled: Boolean!) {
    setUserDisabled(tenantId: $tenantId, userId: $userId, disabled: $disabled) { ${USER_FIELDS} }
  }
`);

export const USER_DELETE = gql<
  { deleteUser: { id: string } },
  { tenantId: string; userId: string }
>(`
  mutation UsersDelete($tenantId: ID!, $userId: ID!) {
    deleteUser(tenantId: $tenantId, userId: $userId) { id }
  }
`);

export const USER_SESSIONS = gql<
  { userSessions: UserSessionRow[] },
  { tenantId: string; userId: string }
>(`
  query UsersSessions($tenantId: ID!, $userId: ID!) {
    userSessions(tenantId: $tenantId, userId: $userId) {
      id createdAt authTime expiresAt amr acr clientIds
    }
  }
`);

export const USER_REVOKE_SESSION = gql<
  { revokeUserSession: { id: string } },
  { tenantId: string; userId: string; sessionId: string }
>(`
  mutation UsersRevokeSession($tenantId: ID!, $userId: ID!, $sessionId: ID!) {
    revokeUserSession(tenantId: $tenantId, userId: $userId, sessionId: $sessionId) { id }
  }
`);

export const USER_REVOKE_SESSIONS = gql<
  { revokeUserSessions: number },
  { tenantId: string; userId: string }
>(`
  mutation UsersRevokeSessions($tenantId: ID!, $userId: ID!) {
    revokeUserSessions(tenantId: $tenantId, userId: $userId)
  }
`);
