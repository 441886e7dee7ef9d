import type { SigningAlgorithm } from '@tessera/core';
import { rotateSigningKeys } from '../../server/keys/rotate-signing-keys';
import { type Command, optionalString, requiredString } from '../command';
import { tenantBySlug } from '../tenant-ref';

export const rotateKeysCommand: Command = {
  name: 'rotate-keys',
  summary: "Rotate a tenant's signing keys now (next becomes active, active is retired)",
  usage: '--tenant <slug> [--alg RS256|ES256|EdDSA]',
  options: { tenant: { type: 'string' }, alg: { type: 'string' } },
  async run(context, values) {
    const tenant = await tenantBySlug(context, requiredString(values, 'tenant'));
    const keys = await rotateSigningKeys({
      ...context,
      tenantId: tenant.id,
      // The service validates the algorithm (VALIDATION_FAILED on `alg`).
      alg: optionalString(values, 'alg') as SigningAlgorithm | undefined,
    });
    return {
      json: { tenant: tenant.slug, keys },
      text: [
        `Rotated the signing keys of ${tenant.slug}; its JWKS publishes them at once`,
        ...keys.map((k) => `  ${k.state.padEnd(8)}${k.alg.padEnd(7)}${k.kid}`),
      ],
    };
  },
};
