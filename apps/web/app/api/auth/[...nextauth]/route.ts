/**
 * next-auth's endpoints (`/api/auth/*`: signin, callback, session, csrf, signout) for the
 * console's sign-in through the admin tenant. next-auth is bundled by Next; its options come
 * from the runtime, which is not (src/next/web-runtime.ts).
 */

import type { NextRequest } from 'next/server';
import NextAuth from 'next-auth';
import { webRuntime } from '../../../../src/next/web-runtime';

export const dynamic = 'force-dynamic';

interface RouteContext {
  params: Promise<{ nextauth: string[] }>;
}

async function handler(request: NextRequest, context: RouteContext): Promise<Response> {
  const runtime = await webRuntime();
  return NextAuth(request, context, runtime.authOptions);
}

export { handler as GET, handler as POST };
