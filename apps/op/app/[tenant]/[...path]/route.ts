/**
 * The protocol endpoints mounted as a Next route, for `next dev` without the custom server: the
 * same router and handler as the fast lane in server.ts. A page path that reached here is a 404.
 */
import { opRuntime } from '../../../src/next/op-runtime';

export const dynamic = 'force-dynamic';

async function handle(request: Request): Promise<Response> {
  const runtime = await opRuntime();
  // Without the custom server there is no socket address here; the login limits then count
  // this development instance's requests under one address.
  const response = await runtime.handle(request, 'next-dev');
  return response ?? new Response('Not Found', { status: 404 });
}

export {
  handle as DELETE,
  handle as GET,
  handle as HEAD,
  handle as OPTIONS,
  handle as POST,
  handle as PUT,
};
