/**
 * GraphQL over HTTP as API callers send it: a JSON POST to `/api/graphql`, authenticated by a
 * bearer token, a console session cookie, or nothing.
 */
import type { WebServer } from './web-server';

export interface GraphqlError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; fieldErrors?: { path: string; message: string }[] };
}

export interface GraphqlResult<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  data: T | null | undefined;
  errors: GraphqlError[] | undefined;
}

const RATE_LIMIT_RETRIES = 5;

export type Credentials = { token?: string; cookie?: string };

/** @example const { data, errors } = await graphql(web, 'query { me { name } }', {}, { token }); */
export async function graphql<T = Record<string, unknown>>(
  web: WebServer,
  query: string,
  variables: Record<string, unknown> = {},
  credentials: Credentials = {},
  init: { headers?: Record<string, string>; retryRateLimited?: boolean } = {},
): Promise<GraphqlResult<T>> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/json',
    ...(credentials.token && { authorization: `Bearer ${credentials.token}` }),
    ...(credentials.cookie && { cookie: credentials.cookie }),
    ...init.headers,
  };
  let response = await post(web, headers, { query, variables });
  // A polite client waits as told when the per-principal rate limit answers 429.
  for (let retry = 0; response.status === 429 && init.retryRateLimited !== false; retry++) {
    if (retry === RATE_LIMIT_RETRIES) break;
    await new Promise((resolve) =>
      setTimeout(resolve, 1000 * Number(response.headers.get('retry-after') ?? 1)),
    );
    response = await post(web, headers, { query, variables });
  }
  const text = await response.text();
  let body: { data?: T | null; errors?: GraphqlError[] };
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`not a GraphQL response (${response.status}): ${text.slice(0, 300)}`);
  }
  return {
    status: response.status,
    headers: response.headers,
    data: body.data,
    errors: body.errors,
  };
}

function post(web: WebServer, headers: Record<string, string>, body: unknown): Promise<Response> {
  return fetch(web.graphqlUrl, { method: 'POST', headers, body: JSON.stringify(body) });
}

/** The `extensions.code` of the first error, or 'OK' when there is none. */
export function outcomeOf(result: GraphqlResult<unknown>): string {
  return result.errors?.[0]?.extensions?.code ?? 'OK';
}

/** The data of a call that must succeed, or an error naming what came back instead. */
export function dataOf<T>(result: GraphqlResult<T>): T {
  if (result.errors?.length || !result.data) {
    throw new Error(`GraphQL call failed (${result.status}): ${JSON.stringify(result.errors)}`);
  }
  return result.data;
}
