/** OIDC Core 5.4: the standard scopes and the claims each releases (the engine's own table), shown for orientation. */
import { STANDARD_SCOPE_CLAIMS } from '@tessera/core/scopes';

const NOTES: Record<string, string> = {
  openid: 'Makes the request an OpenID Connect one.',
  profile: 'The default profile claims.',
  email: 'The email address.',
  address: 'The postal address (a JSON object).',
  phone: 'The phone number.',
  offline_access: 'Asks for a refresh token.',
};

export const STANDARD_SCOPES: readonly { name: string; claims: readonly string[]; note: string }[] =
  Object.entries(STANDARD_SCOPE_CLAIMS).map(([name, claims]) => ({
    name,
    claims,
    note: NOTES[name] ?? '',
  }));

/** Claims a scope may release without defining them first. */
export const STANDARD_CLAIM_NAMES: readonly string[] = STANDARD_SCOPES.flatMap((scope) =>
  scope.claims.filter((claim) => claim !== 'sub'),
);
