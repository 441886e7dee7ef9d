/** The grant types the token endpoint knows, by `grant_type`. */
import type { GrantType } from '../types.js';
import { authorizationCodeGrant } from './authorization-code.js';
import { clientCredentialsGrant } from './client-credentials.js';
import type { Grant } from './grant.js';
import { refreshTokenGrant } from './refresh-token.js';

const GRANTS: ReadonlyMap<string, Grant> = new Map(
  [authorizationCodeGrant, refreshTokenGrant, clientCredentialsGrant].map((grant) => [
    grant.grantType,
    grant,
  ]),
);

/** The grant for a `grant_type` value, or undefined when this provider has no such grant. */
export function findGrant(grantType: string): Grant | undefined {
  return GRANTS.get(grantType as GrantType);
}

export type { Grant, TokenResponse } from './grant.js';
