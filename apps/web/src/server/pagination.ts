/**
 * Cursor pagination for every list that can grow: `first` (capped) and `after` (an opaque
 * cursor: base64url of the last row's sort key). Fetch `first + 1` rows to learn whether there
 * is a next page.
 */
import { validationFailed } from './errors';

/** The largest page any list returns: bounds the work one request can ask for. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface Page<T> {
  nodes: T[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
  /** Set where counting is cheap enough to offer. */
  totalCount?: number;
}

/** The page size to fetch; rejects out-of-range values instead of silently clamping them. */
export function pageSize(args: PageArgs): number {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw validationFailed([
      { path: 'first', message: `Must be an integer from 1 to ${MAX_PAGE_SIZE}` },
    ]);
  }
  return first;
}

export function encodeCursor(key: string): string {
  return Buffer.from(key, 'utf8').toString('base64url');
}

/** The sort key inside `after`, or undefined for the first page. */
export function decodeCursor(after: string | null | undefined): string | undefined {
  if (after === null || after === undefined || after === '') return undefined;
  const key = Buffer.from(after, 'base64url').toString('utf8');
  if (encodeCursor(key) !== after) {
    throw validationFailed([{ path: 'after', message: 'Not a cursor from this API' }]);
  }
  return key;
}

/**
 * @example
 * const size = pageSize(args);
 * const rows = await db.tenant.findMany({ take: size + 1, ... });
 * return pageOf(rows, size, (row) => row.slug);
 */
export function pageOf<T>(rows: T[], size: number, keyOf: (row: T) => string): Page<T> {
  const nodes = rows.slice(0, size);
  const last = nodes.at(-1);
  return {
    nodes,
    pageInfo: {
      endCursor: last === undefined ? null : encodeCursor(keyOf(last)),
      hasNextPage: rows.length > size,
    },
  };
}
