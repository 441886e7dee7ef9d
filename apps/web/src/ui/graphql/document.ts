/**
 * A GraphQL operation of the console with its result and variables types. Every document is
 * checked against the live schema by test/unit/ui/operations.test.ts, so a renamed field fails
 * there, not in a browser.
 */
export interface Operation<TData, TVariables extends Variables = Variables> {
  readonly source: string;
  /** Phantom fields: they carry the types, never a value. */
  readonly __data?: TData;
  readonly __variables?: TVariables;
}

export type Variables = Record<string, unknown>;

/** @example export const ME = gql<{ me: Me }>(`query Me { me { id name } }`); */
export function gql<TData, TVariables extends Variables = Variables>(
  source: string,
): Operation<TData, TVariables> {
  return { source };
}

export function isOperation(value: unknown): value is Operation<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { source?: unknown }).source === 'string' &&
    Object.keys(value).length === 1
  );
}
