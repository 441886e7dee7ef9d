/**
 * Prisma's unique-constraint error (P2002), recognised by its code: the SQLite and PostgreSQL
 * clients throw instances of two different generated classes.
 *
 * @example
 * catch (error) { if (isUniqueViolation(error)) return undefined; throw error; }
 */
export function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    (error as { code: unknown }).code === 'P2002'
  );
}
