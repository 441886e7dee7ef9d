/**
 * Who sent a GraphQL request:
 * - `Authorization: Bearer <access token>` issued by the `admin` tenant to an API client
 *   (client credentials). The token is looked up by its hash in the admin tenant's store, the
 *   same row apps/op wrote, so revocation and expiry apply at once. Only clients registered as
 *   API clients are accepted: a token of any other admin-tenant client grants nothing.
 * - the console's next-auth session cookie (an encrypted JWT naming the operator).
 */
import { hashToken } from '@tessera/core';
import { ADMIN_TENANT_SLUG, createTenantStores, type Db, type SecretBox } from '@tessera/db';
import { decode } from 'next-auth/jwt';
import type { PrincipalResult } from '../graphql/handler';
import type { Principal } from '../server/principal';
import { apiClientRolesSchema, principalFromRoles } from './roles';

const SESSION_COOKIES = ['__Secure-next-auth.session-token', 'next-auth.session-token'];

export interface AuthenticatorOptions {
  db: Db;
  secretBox: SecretBox;
  /** next-auth's session secret (derived from the master key). */
  sessionSecret: string;
  now?: () => number;
}

/** @example const authenticate = createAuthenticator({ db, secretBox, sessionSecret }); */
export function createAuthenticator(options: AuthenticatorOptions) {
  const { db } = options;
  const now = options.now ?? (() => Math.floor(Date.now() / 1000));
  let adminTenantId: string | undefined;

  const adminStores = async () => {
    adminTenantId ??= (
      await db.tenant.findUnique({ where: { slug: ADMIN_TENANT_SLUG }, select: { id: true } })
    )?.id;
    return adminTenantId
      ? createTenantStores(db, adminTenantId, { secretBox: options.secretBox })
      : undefined;
  };

  async function fromBearer(token: string): Promise<PrincipalResult> {
    const invalid = { kind: 'invalid', message: 'The bearer token is invalid or expired' } as const;
    const stores = await adminStores();
    const record = stores && (await stores.accessTokens.find(hashToken(token)));
    if (!record || record.expiresAt <= now()) return invalid;
    const client = await db.apiClient.findUnique({ where: { clientId: record.clientId } });
    if (!client) return invalid;
    const roles = apiClientRolesSchema.safeParse(client.roles);
    return {
      kind: 'principal',
      principal: principalFromRoles(
        { kind: 'api_client', id: client.clientId, name: client.name },
        roles.success ? roles.data : [],
      ),
    };
  }

  async function fromSession(cookieHeader: string): Promise<PrincipalResult> {
    const cookies = parseCookies(cookieHeader);
    const value = SESSION_COOKIES.map((name) => cookies.get(name)).find(Boolean);
    if (!value) return { kind: 'anonymous' };
    const token = await decode({ token: value, secret: options.sessionSecret }).catch(() => null);
    const operatorId = typeof token?.operatorId === 'string' ? token.operatorId : undefined;
    if (!operatorId || (typeof token?.exp === 'number' && token.exp <= now())) {
      return { kind: 'anonymous' };
    }
    const principal = await operatorPrincipal(db, operatorId);
    return principal ? { kind: 'principal', principal } : { kind: 'anonymous' };
  }

  return async (request: Request): Promise<PrincipalResult> => {
    const authorization = request.headers.get('authorization');
    if (authorization) {
      const [scheme, token] = authorization.split(' ');
      if (scheme?.toLowerCase() !== 'bearer' || !token) {
        return { kind: 'invalid', message: 'Use Authorization: Bearer <access token>' };
      }
      return fromBearer(token);
    }
    return fromSession(request.headers.get('cookie') ?? '');
  };
}

/** An operator and its memberships as a principal; undefined when the operator is gone. */
export async function operatorPrincipal(
  db: Db,
  operatorId: string,
): Promise<Principal | undefined> {
  const operator = await db.operator.findUnique({
    where: { id: operatorId },
    include: { memberships: { select: { role: true, tenantId: true } } },
  });
  if (!operator) return undefined;
  return principalFromRoles(
    { kind: 'operator', id: operator.id, name: operator.name ?? operator.email },
    operator.memberships,
  );
}

function parseCookies(header: string): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of header.split(';')) {
    const at = part.indexOf('=');
    if (at > 0) cookies.set(part.slice(0, at).trim(), part.slice(at + 1).trim());
  }
  return cookies;
}
