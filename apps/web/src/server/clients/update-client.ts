import { replaceClientMetadata } from '@tessera/core';
import type { ServiceDeps } from '../../graphql/context';
import { notFound } from '../errors';
import { assertTenantAccess, type Principal } from '../principal';
import { recordChange } from '../record-change';
import {
  clientAuditDetails,
  clientRandom,
  readClientView,
  transactionClientStore,
} from './client-store';
import type { CreatedClient } from './create-client';
import { validateClientInput } from './validate-client-input';

export interface UpdateClientOptions {
  deps: ServiceDeps;
  principal: Principal;
  tenantId: string;
  clientId: string;
  /** The complete new metadata: omitted fields take their defaults, as in RFC 7592 2.2. */
  metadata: unknown;
}

/**
 * Replaces a client's metadata after the same validation as dynamic registration. The secret is
 * kept while the new method can use it; a method that needs a secret the client lacks gets a
 * new one, returned this once (as RFC 7592 does), so `clientSecret` is usually absent.
 *
 * @example
 * const { client } = await updateClient({ deps, principal, tenantId, clientId, metadata });
 */
export async function updateClient(options: UpdateClientOptions): Promise<CreatedClient> {
  const { deps, principal, tenantId, clientId } = options;
  assertTenantAccess(principal, tenantId);
  const metadata = await validateClientInput(deps, tenantId, options.metadata);
  return recordChange(
    {
      db: deps.db,
      principal,
      tenantId,
      action: 'client.update',
      objectType: 'client',
      objectId: clientId,
      details: clientAuditDetails(metadata as unknown as Record<string, unknown>),
      bumpConfigVersion: false,
      now: deps.now,
    },
    async (tx) => {
      const clients = transactionClientStore(tx, tenantId, deps.secretBox);
      const current = await clients.get(clientId);
      if (!current) throw notFound('client', clientId);
      const issued = replaceClientMetadata(current, metadata, clientRandom);
      await clients.update(issued.record);
      return {
        client: await readClientView(tx, tenantId, clientId),
        ...(issued.clientSecret !== undefined && { clientSecret: issued.clientSecret }),
      };
    },
  );
}
