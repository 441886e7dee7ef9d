/**
 * One code path for every request the fast lane answers, used by both entrances: the custom
 * Node server (`server.ts`) and the Next route that mounts it for `next dev`. Returns
 * `undefined` when Next should answer (pages, assets).
 */

import { ENDPOINT_PATHS } from '@tessera/core';
import type { AppLogger } from '@tessera/core/node';
import { checkReady } from '@tessera/db';
import { handleInteractionSubmit } from '../interaction/handle-submit';
import type { OpRuntime } from '../runtime';
import { errorResponse, jsonResponse } from './responses';
import type { OpRoute } from './route';

export interface RequestContext {
  clientAddress: string;
  log: AppLogger;
}

/**
 * @example
 * const route = await runtime.router.route({ method, pathname, host });
 * const response = await handleOpRequest(runtime, route, request, { clientAddress, log });
 */
export async function handleOpRequest(
  runtime: OpRuntime,
  route: OpRoute,
  request: Request,
  context: RequestContext,
): Promise<Response | undefined> {
  switch (route.kind) {
    case 'health':
      return jsonResponse(200, { status: 'ok' });
    case 'ready': {
      const readiness = await checkReady(runtime.database);
      return readiness.ready
        ? jsonResponse(200, { status: 'ready' })
        : jsonResponse(503, { status: 'not_ready', reason: readiness.reason });
    }
    case 'unknown-tenant':
      return errorResponse(request, 404, 'not_found', 'There is no such tenant here.');
    case 'unavailable-tenant':
      return route.tenant.status === 'disabled'
        ? errorResponse(request, 403, 'tenant_disabled', 'This tenant is disabled.')
        : errorResponse(
            request,
            503,
            'temporarily_unavailable',
            'This tenant is not available right now.',
          );
    case 'protocol':
    case 'interaction': {
      let provider: Awaited<ReturnType<OpRuntime['pool']['get']>>;
      try {
        provider = await runtime.pool.get(route.tenant, route.issuer);
      } catch (error) {
        context.log.error('provider build failed', { error });
        return errorResponse(
          request,
          503,
          'temporarily_unavailable',
          'This tenant is not available right now.',
        );
      }
      if (route.kind === 'protocol') {
        const response = await provider.handle(request);
        if (issuedTokens(request, response, route.endpoint)) {
          runtime.activity.record(route.tenant.id, 'token_issued');
        }
        return response;
      }
      return handleInteractionSubmit({
        runtime,
        tenant: route.tenant,
        issuer: route.issuer,
        provider,
        request,
        interactionId: route.interactionId,
        clientAddress: context.clientAddress,
        log: context.log,
      });
    }
    case 'page':
    case 'next':
      return undefined;
  }
}

/**
 * A 200 from the token endpoint issued tokens (whatever the grant); judged by status and the
 * routed endpoint alone, so the body is never read. Implicit and hybrid responses are not counted (see
 * ARCHITECTURE.md): with `form_post` their tokens are only visible in the body.
 */
function issuedTokens(request: Request, response: Response, endpoint: string): boolean {
  return response.status === 200 && request.method === 'POST' && endpoint === ENDPOINT_PATHS.token;
}
