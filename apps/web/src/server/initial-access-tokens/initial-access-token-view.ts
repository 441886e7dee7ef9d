/** What the API shows of an initial access token: never the token, which is shown once at creation. */

export interface InitialAccessTokenView {
  id: string;
  description: string | null;
  createdAt: Date;
  /** Null: the token never expires. */
  expiresAt: Date | null;
}

/** The columns a view needs: never `hash`. */
export const INITIAL_ACCESS_TOKEN_VIEW_SELECT = {
  id: true,
  description: true,
  createdAt: true,
  expiresAt: true,
} as const;

/** @example return rows.map(initialAccessTokenView); */
export function initialAccessTokenView(row: InitialAccessTokenView): InitialAccessTokenView {
  return {
    id: row.id,
    description: row.description,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
  };
}
