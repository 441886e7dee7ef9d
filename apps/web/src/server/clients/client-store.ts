/**
 * The tenant's client store inside a change's transaction (the core's store: secrets hashed,
 * the clear `client_secret_jwt` secret encrypted, deletes taking everything issued along), and
 * the randomness its records take.
 */
import { randomBytes } from 'node:crypto';
import type { ClientStore, RandomSource } from '@tessera/core';
import { createTransactionStores, type SecretBox } from '@tessera/db';
import type { Tx } from '../record-change';
import { CLIENT_VIEW_SELECT, type ClientView, clientView } from './client-view';

/** @example const clients = transactionClientStore(tx, tenantId, deps.secretBox); */
export function transactionClientStore(
  tx: Tx,
  tenantId: string,
  secretBox: SecretBox,
): ClientStore {
  return createTransactionStores(tx, tenantId, { secretBox }).clients;
}

export const clientRandom: RandomSource = (length) => randomBytes(length);

/** The view of a client just written, read back in the same transaction. */
export async function readClientView(
  tx: Tx,
  tenantId: string,
  clientId: string,
): Promise<ClientView> {
  const row = await tx.client.findUniqueOrThrow({
    where: { tenantId_clientId: { tenantId, clientId } },
    select: CLIENT_VIEW_SELECT,
  });
  return clientView(row);
}

/** What the audit log keeps of a client's metadata: the shape, never credentials. */
export function clientAuditDetails(metadata: Record<string, unknown>): Record<string, unknown> {
  return {
    clientName: metadata.client_name ?? null,
    applicationType: metadata.application_type,
    grantTypes: metadata.grant_types,
    redirectUris: metadata.redirect_uris,
    tokenEndpointAuthMethod: metadata.token_endpoint_auth_method,
  };
}
