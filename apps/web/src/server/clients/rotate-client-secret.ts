import { renewClientSecret } from '@tessera/core';
import type { ServiceDeps } from '../../graphql/context';
import { notFound, validationFailed } from '../errors';
import { assertTenantAccess, type Principal } from '../principal';
import { recordChange } from '../record-change';
import { clientRandom, readClientView, transactionClientStore } from './client-store';
import type { ClientWithSecret } from './client-view';

export interface RotateClientSecretOptions {
  deps: ServiceDeps;
  principal: Principal;
  tenantId: string;
  clientId: string;
}

/**
 * Issues a new secret; the old one stops working as the change commits. The secret is in the
 * result only. A client whose method uses no secret (`none`, `private_key_jwt`) is refused.
 *
 * @example const { clientSecret } = await rotateClientSecret({ deps, principal, tenantId, clientId });
 */
export async function rotateClientSecret(
  options: RotateClientSecretOptions,
): Promise<ClientWithSecret> {
  const { deps, principal, tenantId, clientId } = options;
  assertTenantAccess(principal, tenantId);
  return recordChange(
    {
      db: deps.db,
      principal,
      tenantId,
      action: 'client.secret.rotate',
      objectType: 'client',
      objectId: clientId,
      bumpConfigVersion: false,
      now: deps.now,
    },
    async (tx) => {
      const clients = transactionClientStore(tx, tenantId, deps.secretBox);
      const current = await clients.get(clientId);
      if (!current) throw notFound('client', clientId);
      const renewed = renewClientSecret(current, clientRandom);
      if (!renewed) {
        const method = current.metadata.token_endpoint_auth_method;
        throw validationFailed([
          { path: 'clientId', message: `The client's method '${method}' uses no secret` },
        ]);
      }
      await clients.update(renewed.record);
      return {
        client: await readClientView(tx, tenantId, clientId),
        clientSecret: renewed.clientSecret,
      };
    },
  );
}
