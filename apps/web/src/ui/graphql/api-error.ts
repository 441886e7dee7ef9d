/**
 * What the admin API answered when it did not answer with data: the stable `extensions.code`
 * (UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT, VALIDATION_FAILED, RATE_LIMITED, ...) and,
 * for VALIDATION_FAILED, the failing field paths (`metadata.redirect_uris`).
 */
export interface FieldError {
  path: string;
  message: string;
}

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly code: string,
    message: string,
    readonly fieldErrors: readonly FieldError[] = [],
  ) {
    super(message);
  }

  /** The message of the first field error at `path` or below it (`settings.protocol`). */
  fieldError(path: string): string | undefined {
    return this.fieldErrors.find((error) => isAtOrBelow(error.path, path))?.message;
  }
}

function isAtOrBelow(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}.`);
}

/**
 * The error for the notice above a form: none when it is a validation error whose every field
 * error lies at or below one of `shown` (the form's fields show those inline), else `error`.
 */
export function errorForNotice(error: unknown, shown: readonly string[]): unknown {
  const allShown =
    error instanceof ApiError &&
    error.fieldErrors.length > 0 &&
    error.fieldErrors.every((fieldError) =>
      shown.some((path) => isAtOrBelow(fieldError.path, path)),
    );
  return allShown ? undefined : error;
}

/** Network failures and non-GraphQL answers, so every caller handles one error type. */
export const NETWORK_ERROR = 'NETWORK_ERROR';

const FRIENDLY: Record<string, string> = {
  FORBIDDEN: 'You do not have access to this.',
  NOT_FOUND: 'This no longer exists. It may have been deleted.',
  RATE_LIMITED: 'Too many requests in a short time. Wait a moment and try again.',
  UNAUTHENTICATED: 'Your session has ended. Sign in again.',
  INTERNAL_SERVER_ERROR:
    'Something went wrong on the server. Try again; if it persists, check the logs.',
  [NETWORK_ERROR]: 'The console cannot reach the server. Check your connection and try again.',
};

/** A sentence for people: the API's own message for validation and conflicts, else a fixed one. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'VALIDATION_FAILED' && error.fieldErrors.length > 0) {
      return 'Some fields need attention.';
    }
    return FRIENDLY[error.code] ?? error.message;
  }
  return FRIENDLY[NETWORK_ERROR] as string;
}
