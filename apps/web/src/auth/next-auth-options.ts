/**
 * next-auth for the console: OpenID Connect against the platform's own `admin` tenant on apps/op
 * (code flow with PKCE, state and nonce). Sign-in succeeds only for a `sub` that belongs to an
 * operator; the session (an encrypted JWT cookie) carries the operator id, and every API call
 * re-reads the operator's roles, so revoking a membership takes effect at once.
 */
import type { Db } from '@tessera/db';
import type { AuthOptions } from 'next-auth';
import { CONSOLE_PROVIDER_ID, type ConsoleClient } from './console-client';

/** Console sessions last a working day; the OP session decides whether sign-in needs a password. */
export const CONSOLE_SESSION_SECONDS = 8 * 3600;

export interface BuildAuthOptions {
  db: Db;
  /** `${OP_PUBLIC_URL}/admin`: the `iss` of the ID tokens. */
  issuer: string;
  /** Where this server fetches discovery (same as `issuer` unless apps/op is reached internally). */
  internalIssuerUrl: string;
  client: ConsoleClient;
  sessionSecret: string;
  secureCookies: boolean;
}

/** @example NextAuth(buildAuthOptions({ db, issuer, internalIssuerUrl, client, sessionSecret, secureCookies })) */
export function buildAuthOptions(options: BuildAuthOptions): AuthOptions {
  const { db } = options;
  return {
    secret: options.sessionSecret,
    useSecureCookies: options.secureCookies,
    session: { strategy: 'jwt', maxAge: CONSOLE_SESSION_SECONDS },
    pages: { signIn: '/signin', error: '/signin' },
    providers: [
      {
        id: CONSOLE_PROVIDER_ID,
        name: 'Tessera',
        type: 'oauth',
        wellKnown: `${options.internalIssuerUrl}/.well-known/openid-configuration`,
        issuer: options.issuer,
        clientId: options.client.clientId,
        clientSecret: options.client.clientSecret,
        authorization: { params: { scope: 'openid profile email' } },
        idToken: true,
        checks: ['pkce', 'state', 'nonce'],
        profile: (profile: { sub: string; name?: string; email?: string }) => ({
          id: profile.sub,
          name: profile.name ?? null,
          email: profile.email ?? null,
        }),
      },
    ],
    callbacks: {
      // Only operators may hold a console session.
      async signIn({ account }) {
        const subject = account?.providerAccountId;
        if (!subject) return false;
        return (await db.operator.count({ where: { subject } })) === 1;
      },
      async jwt({ token, account }) {
        if (account?.providerAccountId) {
          const operator = await db.operator.findUnique({
            where: { subject: account.providerAccountId },
            select: { id: true },
          });
          if (operator) token.operatorId = operator.id;
        }
        return token;
      },
      async session({ session, token }) {
        return { ...session, operatorId: token.operatorId };
      },
    },
  };
}
