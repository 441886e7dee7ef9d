/**
 * GET /signin: the console's sign-in page, usable without JavaScript. The button posts
 * next-auth's sign-in form (`POST /api/auth/signin/<provider>` with its double-submit CSRF token)
 * and next-auth sends the browser on to the admin tenant's login page. next-auth sends failed
 * sign-ins back here with `?error=...`.
 */
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { webRuntime } from '../../src/next/web-runtime';

export const dynamic = 'force-dynamic';

/** next-auth's CSRF cookie (`__Host-` prefixed when cookies are Secure): `<token>|<hash>`. */
const CSRF_COOKIES = ['__Host-next-auth.csrf-token', 'next-auth.csrf-token'];
/**
 * Marks the one round trip through next-auth that sets the CSRF cookie: when the cookie is still
 * missing afterwards, the browser refuses cookies, and the page says so instead of looping.
 */
const NO_COOKIE = 'NoCookie';

const MESSAGES: Record<string, string> = {
  AccessDenied: 'This account is not a Tessera operator. Ask a platform operator for access.',
  [NO_COOKIE]: 'Your browser did not keep the sign-in cookie. Allow cookies for this site.',
  SessionRequired: 'Please sign in to continue.',
};
const FALLBACK_MESSAGE = 'Sign-in did not complete. Please try again.';

export default async function SignInPage(props: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const query = await props.searchParams;
  const error = typeof query.error === 'string' ? query.error : undefined;
  const runtime = await webRuntime();
  const callbackUrl = sameOriginPath(query.callbackUrl, runtime.env.publicUrl);
  const jar = await cookies();
  const csrfToken = CSRF_COOKIES.map((name) => jar.get(name)?.value.split('|')[0]).find(Boolean);
  if (!csrfToken) {
    if (error === NO_COOKIE) return <SignIn message={MESSAGES[NO_COOKIE]} />;
    // next-auth sets its CSRF cookie on this redirect and sends the browser back here.
    redirect(`/api/auth/signin?${new URLSearchParams({ callbackUrl, error: NO_COOKIE })}`);
  }
  const provider = runtime.authOptions.providers[0];
  const message =
    error === undefined || error === NO_COOKIE ? undefined : (MESSAGES[error] ?? FALLBACK_MESSAGE);
  return (
    <SignIn message={query.csrf === 'true' ? FALLBACK_MESSAGE : message}>
      <form method="post" action={`/api/auth/signin/${provider?.id ?? 'tessera'}`}>
        <input type="hidden" name="csrfToken" value={csrfToken} />
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        <button type="submit" className="button button-primary">
          Sign in with {provider?.name ?? 'Tessera'}
        </button>
      </form>
    </SignIn>
  );
}

function SignIn(props: { message?: string | undefined; children?: ReactNode }) {
  return (
    <main className="signin">
      <div className="signin-card">
        <h1>Sign in to the Tessera console</h1>
        {props.message && (
          <p className="notice notice-error" role="alert">
            {props.message}
          </p>
        )}
        {props.children}
      </div>
    </main>
  );
}

/** Where to go after sign-in: only a page of this site (anything else would be an open redirect). */
function sameOriginPath(value: string | string[] | undefined, publicUrl: string): string {
  if (typeof value !== 'string') return '/';
  const url = URL.canParse(value, publicUrl) ? new URL(value, publicUrl) : undefined;
  return url && url.origin === publicUrl ? `${url.pathname}${url.search}` : '/';
}
