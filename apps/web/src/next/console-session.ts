/**
 * The console's pages are for signed-in operators only: without a next-auth session the browser
 * goes to /signin and comes back to where it was going. Roles are not checked here; every API
 * call checks them (src/auth/authenticate.ts).
 */
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getServerSession } from 'next-auth';
import { REQUEST_PATH_HEADER } from './request-path';
import { webRuntime } from './web-runtime';

/** @example await requireConsoleSession(); */
export async function requireConsoleSession(): Promise<void> {
  const runtime = await webRuntime();
  const session = await getServerSession(runtime.authOptions);
  if (session) return;
  const requested = (await headers()).get(REQUEST_PATH_HEADER) ?? '/';
  redirect(`/signin?${new URLSearchParams({ callbackUrl: requested })}`);
}
