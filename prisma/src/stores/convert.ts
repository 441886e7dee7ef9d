/** Conversions between the engine's records (epoch seconds, undefined) and rows (Date, null). */
import { Prisma } from '../../generated/sqlite/client/client.js';

export const toDate = (seconds: number): Date => new Date(seconds * 1000);

export const toSeconds = (date: Date): number => Math.floor(date.getTime() / 1000);

export function optionalDate(seconds: number | undefined): Date | null {
  return seconds === undefined ? null : toDate(seconds);
}

export function optionalSeconds(date: Date | null): number | undefined {
  return date === null ? undefined : toSeconds(date);
}

/** A nullable column read back as an absent field, as the storage contract requires. */
export function optional<T>(value: T | null): T | undefined {
  return value === null ? undefined : value;
}

/** JSON column input: absent becomes SQL NULL (Prisma needs its marker for JSON columns). */
export function json(value: unknown): Prisma.InputJsonValue | typeof Prisma.DbNull {
  return value === undefined ? Prisma.DbNull : (value as Prisma.InputJsonValue);
}

/** JSON column output: SQL NULL becomes absent. */
export function fromJson<T>(value: unknown): T | undefined {
  return value === null || value === undefined ? undefined : (value as T);
}

/** Prisma's unique-constraint violation: the row exists already. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}
