/**
 * Case-insensitive substring search in hand-written SQL, the same on SQLite and PostgreSQL:
 * `lower(column) LIKE <pattern> ESCAPE '\'` with the pattern built here, so `%` and `_` typed
 * by a user match themselves instead of acting as wildcards.
 */

/** @example sql`lower("loginName") LIKE ${containsPattern('Ada')} ESCAPE '\\'` */
export function containsPattern(search: string): string {
  return `%${search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
