/**
 * Conversions between the engine's records (epoch seconds, absent fields) and rows (DateTime,
 * NULL). The contract wants absent optional fields to read back absent, never `null`.
 */
import { Prisma } from '../../generated/sqlite/client/client.js';

export const toDate = (seconds: number): Date => new Date(seconds * 1000);

export const toSeconds = (date: Date): number => Math.floor(date.getTime() / 1000);

export const optionalDate = (seconds: number | undefined): Date | null =>
  seconds === undefined ? null : toDate(seconds);

export const optionalSeconds = (date: Date | null): number | undefined =>
  date === null ? undefined : toSeconds(date);

/** A nullable column read back as an absent field. */
export const optional = <T>(value: T | null): T | undefined => (value === null ? undefined : value);

/** JSON column input: absent becomes SQL NULL (Prisma needs its marker for nullable JSON). */
export function json(value: unknown): Prisma.InputJsonValue | typeof Prisma.DbNull {
  return value === undefined ? Prisma.DbNull : (value as Prisma.InputJsonValue);
}

/**
 * JSON column input for hand-written SQL: the JSON text, or SQL NULL when absent. A text parameter
 * lands as JSON on both providers (SQLite stores JSON as text; PostgreSQL types the untyped parameter as jsonb), as
 * Prisma's typed calls write it; an array passed as is would become a PostgreSQL array instead.
 */
export const sqlJson = (value: unknown): string | null =>
  value === undefined ? null : JSON.stringify(value);

/** JSON column output: SQL NULL becomes absent. */
export const fromJson = <T>(value: unknown): T | undefined =>
  value === null || value === undefined ? undefined : (value as T);

/** Prisma's unique-constraint violation (P2002): the row exists already. Nothing else is caught. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}
