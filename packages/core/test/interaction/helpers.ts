/** Shared bits of the interaction tests: the default request and session lookups. */
import { decodeJwt } from 'jose';
import type { TenantStores } from '../../src/storage/ports.js';
import { hashToken } from '../../src/tokens/hash.js';
import type { CookieJar } from '../support/flow.js';

/** A code request of client1 (its registered redirect URI). */
export const CODE_REQUEST = {
  client_id: 'client1',
  redirect_uri: 'https://client.example.com/cb',
  response_type: 'code',
  scope: 'openid',
  state: 'state',
  nonce: 'nonce',
};

/** A hybrid request, so an ID token comes back from the front channel. */
export const HYBRID_REQUEST = { ...CODE_REQUEST, response_type: 'code id_token' };

/** The OP session of the browser holding `jar`. */
export function sessionOf(stores: TenantStores, jar: CookieJar) {
  const cookie = jar.get('tessera.session');
  return cookie ? stores.sessions.findByTokenHash(hashToken(cookie)) : Promise.resolve(undefined);
}

export function idTokenClaims(params: URLSearchParams) {
  return decodeJwt(params.get('id_token')!);
}
