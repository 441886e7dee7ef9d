import { randomBytes } from 'node:crypto';
import { newClientRecord } from '@tessera/core';
import type { ServiceDeps } from '../../graphql/context';
import { conflict, validationFailed } from '../errors';
import { assertTenantAccess, type Principal } from '../principal';
import { recordChange } from '../record-change';
import {
  clientAuditDetails,
  clientRandom,
  readClientView,
  transactionClientStore,
} from './client-store';
import type { ClientView } from './client-view';
import { validateClientInput } from './validate-client-input';

/** Chosen client ids travel in URLs and Basic credentials: unreserved characters only. */
const CLIENT_ID_PATTERN = /^[A-Za-z0-9._~-]{1,100}$/;

export interface CreateClientOptions {
  deps: ServiceDeps;
  principal: Principal;
  tenantId: string;
  /** Client metadata as dynamic registration takes it (RFC 7591 / OIDC Registration names). */
  metadata: unknown;
  /** A client id of the caller's choosing (configuration documents); random when omitted. */
  clientId?: string | null;
}

export interface CreatedClient {
  client: ClientView;
  /** Present when the client's method authenticates with a secret; shown this once only. */
  clientSecret?: string;
}

/**
 * Registers a client exactly as dynamic registration would (same validation, same record, the
 * secret stored hashed), except that no registration access token is issued: the admin API
 * manages it. A taken client id is a CONFLICT.
 *
 * @example
 * const { client, clientSecret } = await createClient({
 *   deps, principal, tenantId, metadata: { redirect_uris: ['https://shop.example.com/cb'] },
 * });
 */
export async function createClient(options: CreateClientOptions): Promise<CreatedClient> {
  const { deps, principal, tenantId } = options;
  assertTenantAccess(principal, tenantId);
  const clientId = options.clientId ?? randomBytes(16).toString('base64url');
  if (!CLIENT_ID_PATTERN.test(clientId)) {
    throw validationFailed([
      { path: 'clientId', message: 'Use 1 to 100 letters, digits and . _ ~ -' },
    ]);
  }
  const metadata = await validateClientInput(deps, tenantId, options.metadata);
  const issued = newClientRecord(metadata, {
    clientId,
    issuedAt: Math.floor(deps.now().getTime() / 1000),
    random: clientRandom,
    registrationAccess: false,
  });
  const client = await recordChange(
    {
      db: deps.db,
      principal,
      tenantId,
      action: 'client.create',
      objectType: 'client',
      objectId: clientId,
      details: clientAuditDetails(metadata as unknown as Record<string, unknown>),
      // apps/op reads clients from the database on every request: no provider rebuild needed.
      bumpConfigVersion: false,
      now: deps.now,
    },
    async (tx) => {
      const clients = transactionClientStore(tx, tenantId, deps.secretBox);
      // A taken id rolls the whole change back, audit event included.
      if (!(await clients.create(issued.record))) {
        throw conflict(`A client '${clientId}' exists already`);
      }
      return readClientView(tx, tenantId, clientId);
    },
  );
  return {
    client,
    ...(issued.clientSecret !== undefined && { clientSecret: issued.clientSecret }),
  };
}
