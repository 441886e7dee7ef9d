'use client';
/**
 * React bindings of `request`: `useQuery` loads on mount and whenever the variables change,
 * keeping the previous data while the next loads (no flash of empty content); `useMutation`
 * runs on demand and reports pending and error states for the form that called it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Operation, Variables } from './document';
import { request } from './request';

export interface QueryState<TData> {
  data: TData | undefined;
  error: unknown;
  /** True while a request is in flight (first load or refetch). */
  loading: boolean;
  refetch: () => Promise<void>;
  /** Replaces the data without a request (optimistic updates, results of mutations). */
  setData: (update: (current: TData | undefined) => TData | undefined) => void;
}

/** @example const { data, loading, error } = useQuery(TENANT, { slug }); */
export function useQuery<TData, TVariables extends Variables>(
  operation: Operation<TData, TVariables>,
  variables: TVariables,
  options: { skip?: boolean } = {},
): QueryState<TData> {
  const key = JSON.stringify(variables);
  const [data, setDataState] = useState<TData | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [loading, setLoading] = useState(!options.skip);
  const generation = useRef(0);

  const load = useCallback(async () => {
    const mine = ++generation.current;
    setLoading(true);
    try {
      const result = await request(operation, JSON.parse(key) as TVariables);
      if (mine !== generation.current) return;
      setDataState(result);
      setError(undefined);
    } catch (caught) {
      if (mine !== generation.current) return;
      setError(caught);
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, [operation, key]);

  useEffect(() => {
    if (options.skip) return;
    void load();
    return () => {
      // A later load (or unmount) makes this one's answer stale.
      generation.current++;
    };
  }, [load, options.skip]);

  const setData = useCallback(
    (update: (current: TData | undefined) => TData | undefined) => setDataState(update),
    [],
  );
  return { data, error, loading, refetch: load, setData };
}

export interface MutationState {
  pending: boolean;
  error: unknown;
  reset: () => void;
}

/** @example const [createClient, { pending, error }] = useMutation(CREATE_CLIENT); */
export function useMutation<TData, TVariables extends Variables>(
  operation: Operation<TData, TVariables>,
): [(variables: TVariables) => Promise<TData | undefined>, MutationState] {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const run = useCallback(
    async (variables: TVariables) => {
      setPending(true);
      setError(undefined);
      try {
        return await request(operation, variables);
      } catch (caught) {
        setError(caught);
        return undefined;
      } finally {
        setPending(false);
      }
    },
    [operation],
  );
  const reset = useCallback(() => setError(undefined), []);
  return [run, { pending, error, reset }];
}
