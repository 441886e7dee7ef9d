/**
 * The one table from errors to GraphQL responses: `AppError` keeps its stable code (and field
 * paths for VALIDATION_FAILED); GraphQL's own request errors keep theirs; anything else is
 * masked as INTERNAL_SERVER_ERROR and logged, never shown.
 */

import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { AppError } from '../server/errors';

/** Codes GraphQL and Apollo give request errors; safe to show as they are. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'QUERY_TOO_COMPLEX',
  'RATE_LIMITED',
  'UNAUTHENTICATED',
]);

/**
 * @example new ApolloServer({ schema, formatError: formatErrorWith(log) })
 */
export function formatErrorWith(report: (error: unknown) => void) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof AppError) {
      return {
        message: original.message,
        ...(formatted.path && { path: formatted.path }),
        extensions: {
          code: original.code,
          ...(original.fieldErrors.length > 0 && { fieldErrors: original.fieldErrors }),
        },
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) {
      const { stacktrace: _hidden, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    report(original);
    return {
      message: 'Internal server error',
      ...(formatted.path && { path: formatted.path }),
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
