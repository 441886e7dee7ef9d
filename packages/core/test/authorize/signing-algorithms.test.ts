import { createHash } from 'node:crypto';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import type { SigningAlgorithm } from '../../src/types.js';
import { createTestProvider, ISSUER, NOW, putClient } from '../support/harness.js';
import { buildRequest } from './fixtures.js';

function leftHalf(value: string, hash: string): string {
  const digest = createHash(hash).update(value, 'ascii').digest();
  return digest.subarray(0, digest.length / 2).toString('base64url');
}

describe('c_hash and at_hash per signing algorithm (OIDC Core 3.3.2.11, RFC 8037)', () => {
  const cases: [SigningAlgorithm, string][] = [
    ['RS256', 'sha256'],
    ['ES256', 'sha256'],
    // EdDSA with Ed25519 hashes with SHA-512 (OIDC Core errata / Connect registry).
    ['EdDSA', 'sha512'],
  ];
  for (const [alg, hash] of cases) {
    it(`signs with ${alg} and hashes code and token with ${hash}`, async () => {
      const t = await createTestProvider({ algorithms: ['RS256', 'ES256', 'EdDSA'] });
      await putClient(t.stores, 'alg-client', { id_token_signed_response_alg: alg });
      const request = await buildRequest(
        t.provider,
        { responseType: 'code id_token token' },
        'alg-client',
      );
      const { code, access_token, id_token } = (await t.provider.authorize(request, 'user1'))
        .params;
      const { payload } = await jwtVerify(id_token!, createLocalJWKSet(t.provider.jwks), {
        issuer: ISSUER,
        audience: 'alg-client',
        algorithms: [alg],
        currentDate: new Date(NOW * 1000),
      });
      expect(decodeProtectedHeader(id_token!).alg).toBe(alg);
      expect(payload.c_hash).toBe(leftHalf(code!, hash));
      expect(payload.at_hash).toBe(leftHalf(access_token!, hash));
    });
  }
});
