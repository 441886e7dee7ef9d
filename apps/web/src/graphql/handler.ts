/**
 * `/api/graphql`: Apollo Server over Web `Request`/`Response`, served by the custom server's fast
 * lane. Authentication happens here (bearer token or console session), then the rate limit;
 * resolvers only authorise and call services.
 */
import { ApolloServer, HeaderMap } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import type { Principal } from '../server/principal';
import type { GraphQLContext, ServiceDeps } from './context';
import { formatErrorWith } from './errors';
import { limitsPlugin } from './limits';
import type { RateLimiter } from './rate-limiter';

/** Request bodies larger than this are refused before parsing. */
export const MAX_BODY_BYTES = 256 * 1024;

export type PrincipalResult =
  | { kind: 'anonymous' }
  | { kind: 'principal'; principal: Principal }
  /** Credentials were sent but are not valid (unknown or expired token). */
  | { kind: 'invalid'; message: string };

export interface GraphqlHandlerOptions {
  schema: GraphQLSchema;
  introspection: boolean;
  deps: ServiceDeps;
  limiter: RateLimiter;
  authenticate: (request: Request, ip: string) => Promise<PrincipalResult>;
  onError: (error: unknown) => void;
}

export interface GraphqlHandler {
  handle(request: Request, ip: string): Promise<Response>;
  stop(): Promise<void>;
}

/** @example const graphql = await createGraphqlHandler({ schema, ... }); await graphql.handle(request, ip); */
export async function createGraphqlHandler(
  options: GraphqlHandlerOptions,
): Promise<GraphqlHandler> {
  const server = new ApolloServer<GraphQLContext>({
    schema: options.schema,
    introspection: options.introspection,
    includeStacktraceInErrorResponses: false,
    // Cookie-authenticated calls must send JSON or a preflight header: a cross-site form or
    // image request can never run an operation (Apollo's CSRF prevention).
    csrfPrevention: true,
    formatError: formatErrorWith(options.onError),
    plugins: [limitsPlugin()],
  });
  await server.start();
  return {
    async handle(request, ip) {
      const auth = await options.authenticate(request, ip);
      if (auth.kind === 'invalid') {
        return graphqlError(401, 'UNAUTHENTICATED', auth.message, {
          'www-authenticate': 'Bearer error="invalid_token"',
        });
      }
      const principal = auth.kind === 'principal' ? { ...auth.principal, ip } : undefined;
      if (!options.limiter.take(principal ? `${principal.kind}:${principal.id}` : `ip:${ip}`)) {
        return graphqlError(429, 'RATE_LIMITED', 'Too many requests; slow down', {
          'retry-after': '1',
        });
      }
      const body = await readBody(request);
      if (body.kind === 'error') {
        // The unread rest of a refused body must not be taken for the next request.
        return graphqlError(body.status, 'BAD_REQUEST', body.message, { connection: 'close' });
      }
      const headers = new HeaderMap();
      for (const [name, value] of request.headers) headers.set(name, value);
      const url = new URL(request.url);
      const result = await server.executeHTTPGraphQLRequest({
        httpGraphQLRequest: {
          method: request.method,
          headers,
          search: url.search,
          body: body.value,
        },
        context: async () => ({ principal, deps: options.deps }),
      });
      const responseHeaders = new Headers();
      for (const [name, value] of result.headers) responseHeaders.set(name, value);
      responseHeaders.set('cache-control', 'no-store');
      if (result.body.kind === 'complete') {
        return new Response(result.body.string, {
          status: result.status ?? 200,
          headers: responseHeaders,
        });
      }
      const chunks: string[] = [];
      for await (const chunk of result.body.asyncIterator) chunks.push(chunk);
      return new Response(chunks.join(''), {
        status: result.status ?? 200,
        headers: responseHeaders,
      });
    },
    stop: () => server.stop(),
  };
}

type Body = { kind: 'ok'; value: unknown } | { kind: 'error'; status: number; message: string };

async function readBody(request: Request): Promise<Body> {
  if (request.method !== 'POST') return { kind: 'ok', value: undefined };
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > MAX_BODY_BYTES) return { kind: 'error', status: 413, message: 'Body too large' };
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) {
    return { kind: 'error', status: 413, message: 'Body too large' };
  }
  const type = request.headers.get('content-type') ?? '';
  if (!type.includes('application/json')) return { kind: 'ok', value: text };
  try {
    return { kind: 'ok', value: JSON.parse(text) };
  } catch {
    return { kind: 'error', status: 400, message: 'The body is not valid JSON' };
  }
}

function graphqlError(
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify({ errors: [{ message, extensions: { code } }] }), {
    status,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      ...headers,
    },
  });
}
