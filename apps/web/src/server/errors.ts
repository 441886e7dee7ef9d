/**
 * The admin plane's one error type. Services throw `AppError` with a stable code; the GraphQL
 * layer maps it to `extensions.code` (src/graphql/errors.ts) and masks anything else.
 */

export const APP_ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'VALIDATION_FAILED',
  'RATE_LIMITED',
] as const;

export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

/** One invalid input field: a dotted path from the operation's input (`settings.branding.logoUrl`). */
export interface FieldError {
  path: string;
  message: string;
}

export class AppError extends Error {
  override name = 'AppError';

  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly fieldErrors: FieldError[] = [],
  ) {
    super(message);
  }
}

/** @example throw notFound('tenant', id) */
export const notFound = (what: string, id: string): AppError =>
  new AppError('NOT_FOUND', `No ${what} '${id}'`);

export const forbidden = (message = 'You may not do this'): AppError =>
  new AppError('FORBIDDEN', message);

export const conflict = (message: string): AppError => new AppError('CONFLICT', message);

/** @example throw validationFailed([{ path: 'slug', message: 'Lower-case letters...' }]) */
export const validationFailed = (fieldErrors: FieldError[]): AppError =>
  new AppError(
    'VALIDATION_FAILED',
    fieldErrors.map((e) => `${e.path}: ${e.message}`).join('; '),
    fieldErrors,
  );

/** zod issues (or any `{ path, message }` list) as field errors, under an optional prefix. */
export function fieldErrorsOf(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  prefix?: string,
): FieldError[] {
  return issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'),
    message: issue.message,
  }));
}
