/**
 * The console is a client of the `admin` tenant. Its secret is derived from the master key
 * (src/auth/derived-secrets.ts), so no instance stores or ships it; apps/op keeps only its hash.
 * Registered (or brought up to date) at every start of the admin plane.
 */
import { type ClientRecord, hashToken, safeEqual } from '@tessera/core';
import { ADMIN_TENANT_SLUG, createTenantStores, type Db, type SecretBox } from '@tessera/db';

export const CONSOLE_CLIENT_ID = 'tessera-console';
/** next-auth's provider id; its callback is `/api/auth/callback/<id>`. */
export const CONSOLE_PROVIDER_ID = 'tessera';

export interface ConsoleClient {
  clientId: string;
  clientSecret: string;
}

export interface EnsureConsoleClientOptions {
  db: Db;
  secretBox: SecretBox;
  webPublicUrl: string;
  clientSecret: string;
}

/**
 * @example const client = await ensureConsoleClient({ db, secretBox, webPublicUrl, clientSecret });
 */
export async function ensureConsoleClient(
  options: EnsureConsoleClientOptions,
): Promise<ConsoleClient> {
  const { db, webPublicUrl, clientSecret } = options;
  const tenant = await db.tenant.findUnique({
    where: { slug: ADMIN_TENANT_SLUG },
    select: { id: true },
  });
  if (!tenant) {
    throw new Error(
      'The admin tenant does not exist yet: start apps/op first (it seeds the admin tenant)',
    );
  }
  const clients = createTenantStores(db, tenant.id, { secretBox: options.secretBox }).clients;
  const record: ClientRecord = {
    clientId: CONSOLE_CLIENT_ID,
    metadata: {
      client_name: 'Tessera console',
      application_type: 'web',
      redirect_uris: [`${webPublicUrl}/api/auth/callback/${CONSOLE_PROVIDER_ID}`],
      post_logout_redirect_uris: [`${webPublicUrl}/`],
      response_types: ['code'],
      grant_types: ['authorization_code', 'refresh_token'],
      token_endpoint_auth_method: 'client_secret_basic',
      id_token_signed_response_alg: 'RS256',
      // Operators are recognised by the public `sub` the admin tenant issues (Operator.subject).
      subject_type: 'public',
    },
    clientSecretHash: hashToken(clientSecret),
    issuedAt: Math.floor(Date.now() / 1000),
    secretExpiresAt: 0,
  };
  const existing = await clients.get(CONSOLE_CLIENT_ID);
  if (!existing) {
    await clients.create(record);
  } else if (
    !existing.clientSecretHash ||
    !safeEqual(existing.clientSecretHash, record.clientSecretHash as string) ||
    JSON.stringify(existing.metadata.redirect_uris) !==
      JSON.stringify(record.metadata.redirect_uris)
  ) {
    await clients.update({
      ...existing,
      metadata: { ...existing.metadata, ...record.metadata },
      clientSecretHash: record.clientSecretHash,
    });
  }
  return { clientId: CONSOLE_CLIENT_ID, clientSecret };
}
