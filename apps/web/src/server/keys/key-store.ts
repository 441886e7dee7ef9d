/**
 * The tenant's key store inside a change's transaction, and the clock and randomness the core's
 * key functions take, so the admin plane rotates exactly as apps/op's job does.
 */
import { randomBytes } from 'node:crypto';
import type { Clock, KeyStore, RandomSource } from '@tessera/core';
import { createTransactionStores, type SecretBox } from '@tessera/db';
import type { ServiceDeps } from '../../graphql/context';
import type { Tx } from '../record-change';

/** @example const keys = tenantKeyStore(tx, tenantId, deps.secretBox); */
export function tenantKeyStore(tx: Tx, tenantId: string, secretBox: SecretBox): KeyStore {
  return createTransactionStores(tx, tenantId, { secretBox }).keys;
}

/** Epoch seconds from the services' clock (key records count in seconds). */
export const keyClock =
  (deps: ServiceDeps): Clock =>
  () =>
    Math.floor(deps.now().getTime() / 1000);

export const keyRandom: RandomSource = (length) => randomBytes(length);

export const SIGNING_ALGORITHMS = ['RS256', 'ES256', 'EdDSA'] as const;
