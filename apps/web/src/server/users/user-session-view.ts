/** What the API shows of an end-user session at the OP; never its cookie hash. */

export interface UserSessionView {
  /** The session id (`sid` in ID and logout tokens). */
  id: string;
  userId: string;
  authTime: Date;
  acr: string | null;
  amr: string[];
  /** Clients that received tokens in this session, in the order they joined. */
  clientIds: string[];
  createdAt: Date;
  expiresAt: Date;
}

export const USER_SESSION_SELECT = {
  id: true,
  userId: true,
  authTime: true,
  acr: true,
  amr: true,
  createdAt: true,
  expiresAt: true,
} as const;

type SessionRow = {
  id: string;
  userId: string;
  authTime: Date;
  acr: string | null;
  amr: unknown;
  createdAt: Date;
  expiresAt: Date;
};

export function userSessionView(row: SessionRow, clientIds: string[]): UserSessionView {
  return {
    id: row.id,
    userId: row.userId,
    authTime: row.authTime,
    acr: row.acr,
    amr: Array.isArray(row.amr) ? (row.amr as string[]) : [],
    clientIds,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
  };
}
