/**
 * The `demo` tenant for trying Tessera out: one user with a fixed, documented password and one
 * confidential web client. Never created in production (the password is public knowledge).
 * The tenant and its user are written in one transaction; the client goes through the tenant's
 * client store, stored exactly as dynamic registration stores one (SHA-256 of the secret), so
 * the token endpoint accepts its secret.
 */
import { type ClientRecord, hashToken, type RandomSource } from '@tessera/core';
import {
  createTenantStores,
  type Db,
  hashPassword,
  isUniqueViolation,
  newTenantSettings,
  type ScryptParams,
  type SecretBox,
} from '@tessera/db';
import { randomSecret } from './random-secret';

export const DEMO_TENANT_SLUG = 'demo';
export const DEMO_LOGIN = 'demo';
/** Documented in the README; acceptable only because the demo tenant never exists in production. */
export const DEMO_PASSWORD = 'demo';
export const DEMO_CLIENT_ID = 'demo-client';
export const DEFAULT_DEMO_REDIRECT_URIS = ['http://localhost:3000/demo-rp/callback'];
export const DEFAULT_DEMO_POST_LOGOUT_REDIRECT_URIS = ['http://localhost:3000/demo-rp'];
/** 256 bits, the shape of the secrets the core issues at registration. */
const CLIENT_SECRET_BYTES = 32;
const ID_BYTES = 16;

const DEMO_CLAIMS = {
  name: 'Demo User',
  given_name: 'Demo',
  family_name: 'User',
  email: 'demo@example.com',
  email_verified: true,
};

export interface SeedDemoTenantOptions {
  db: Db;
  secretBox: SecretBox;
  redirectUris?: string[];
  postLogoutRedirectUris?: string[];
  random: RandomSource;
  now: () => Date;
  hashParams?: ScryptParams;
}

export interface DemoCredentials {
  login: string;
  password: string;
  clientId: string;
  clientSecret: string;
}

/**
 * Creates what is missing of the demo tenant, its user and its client. Returns the credentials
 * when the client was created now (its secret exists only in this result), else undefined.
 *
 * @example
 * const demo = await seedDemoTenant({ db, secretBox, random, now });
 */
export async function seedDemoTenant(
  options: SeedDemoTenantOptions,
): Promise<DemoCredentials | undefined> {
  const { db, random } = options;
  const tenantId = await ensureDemoTenant(options);
  if (tenantId === undefined) return undefined;
  const clients = createTenantStores(db, tenantId, { secretBox: options.secretBox }).clients;
  if (await clients.get(DEMO_CLIENT_ID)) return undefined;
  const clientSecret = randomSecret(random, CLIENT_SECRET_BYTES);
  const record: ClientRecord = {
    clientId: DEMO_CLIENT_ID,
    metadata: {
      client_name: 'Demo relying party',
      redirect_uris: options.redirectUris ?? DEFAULT_DEMO_REDIRECT_URIS,
      post_logout_redirect_uris:
        options.postLogoutRedirectUris ?? DEFAULT_DEMO_POST_LOGOUT_REDIRECT_URIS,
      response_types: ['code'],
      grant_types: ['authorization_code', 'refresh_token'],
      application_type: 'web',
      token_endpoint_auth_method: 'client_secret_basic',
      id_token_signed_response_alg: 'RS256',
    },
    clientSecretHash: hashToken(clientSecret),
    issuedAt: Math.floor(options.now().getTime() / 1000),
    secretExpiresAt: 0,
  };
  // False: another instance created it a moment ago, and only that instance knows the secret.
  if (!(await clients.create(record))) return undefined;
  return { login: DEMO_LOGIN, password: DEMO_PASSWORD, clientId: DEMO_CLIENT_ID, clientSecret };
}

/** The demo tenant's id, created with its user when missing; undefined if a race was lost. */
async function ensureDemoTenant(options: SeedDemoTenantOptions): Promise<string | undefined> {
  const { db, random } = options;
  const existing = await db.tenant.findUnique({
    where: { slug: DEMO_TENANT_SLUG },
    select: { id: true },
  });
  if (existing) return existing.id;
  const tenantId = randomSecret(random, ID_BYTES);
  const createdAt = options.now();
  const passwordHash = await hashPassword(DEMO_PASSWORD, options.hashParams);
  try {
    await db.$transaction([
      db.tenant.create({
        data: {
          id: tenantId,
          slug: DEMO_TENANT_SLUG,
          name: 'Demo',
          settings: newTenantSettings(random),
          createdAt,
        },
      }),
      db.user.create({
        data: {
          tenantId,
          id: randomSecret(random, ID_BYTES),
          loginName: DEMO_LOGIN,
          email: DEMO_CLAIMS.email,
          passwordHash,
          claims: DEMO_CLAIMS,
          createdAt,
        },
      }),
    ]);
  } catch (error) {
    if (isUniqueViolation(error)) return undefined;
    throw error;
  }
  return tenantId;
}
