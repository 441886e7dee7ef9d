/** What the API shows of a user: never the password hash, only whether one is set. */

export interface UserView {
  tenantId: string;
  id: string;
  loginName: string;
  /** The login address (stored lower-cased); the `email` claim lives in `claims`. */
  email: string | null;
  /** Standard and custom claims, as released to clients. */
  claims: Record<string, unknown>;
  disabled: boolean;
  hasPassword: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/** The hash is selected only to compute `hasPassword`; `userView` drops it. */
export const USER_VIEW_SELECT = {
  tenantId: true,
  id: true,
  loginName: true,
  email: true,
  passwordHash: true,
  claims: true,
  disabled: true,
  createdAt: true,
  updatedAt: true,
} as const;

type UserRow = {
  tenantId: string;
  id: string;
  loginName: string;
  email: string | null;
  passwordHash: string | null;
  claims: unknown;
  disabled: boolean;
  createdAt: Date;
  updatedAt: Date;
};

export function userView(row: UserRow): UserView {
  return {
    tenantId: row.tenantId,
    id: row.id,
    loginName: row.loginName,
    email: row.email,
    claims: (row.claims ?? {}) as Record<string, unknown>,
    disabled: row.disabled,
    hasPassword: row.passwordHash !== null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
