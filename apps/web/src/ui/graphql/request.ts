/**
 * The console's one way to the admin API: a same-origin POST of JSON (the session cookie goes
 * along; a JSON body also satisfies Apollo's CSRF prevention). Errors become `ApiError`; an ended
 * session sends the browser to sign in and come back.
 */
import { ApiError, type FieldError, NETWORK_ERROR } from './api-error';
import type { Operation, Variables } from './document';

export const GRAPHQL_PATH = '/api/graphql';

interface GraphQLResponse<TData> {
  data?: TData | null;
  errors?: { message: string; extensions?: { code?: string; fieldErrors?: FieldError[] } }[];
}

/** @example const { me } = await request(ME, {}); */
export async function request<TData, TVariables extends Variables>(
  operation: Operation<TData, TVariables>,
  variables: TVariables,
  signal?: AbortSignal,
): Promise<TData> {
  let response: Response;
  try {
    response = await fetch(GRAPHQL_PATH, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: operation.source, variables }),
      credentials: 'same-origin',
      ...(signal && { signal }),
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(NETWORK_ERROR, 'The admin API is unreachable');
  }
  let body: GraphQLResponse<TData>;
  try {
    body = (await response.json()) as GraphQLResponse<TData>;
  } catch {
    throw new ApiError(NETWORK_ERROR, `The admin API answered ${response.status}`);
  }
  const first = body.errors?.[0];
  if (first) {
    const code = first.extensions?.code ?? 'INTERNAL_SERVER_ERROR';
    if (code === 'UNAUTHENTICATED') signInAgain();
    throw new ApiError(code, first.message, first.extensions?.fieldErrors ?? []);
  }
  if (!body.data) throw new ApiError(NETWORK_ERROR, `The admin API answered ${response.status}`);
  return body.data;
}

function signInAgain(): void {
  if (typeof window === 'undefined') return;
  const here = `${window.location.pathname}${window.location.search}`;
  window.location.assign(`/signin?${new URLSearchParams({ callbackUrl: here })}`);
}
