/** Scope -> claims (OIDC Core 5.4), extended and overridable per tenant (pyOP `extra_scopes`). */

export const STANDARD_SCOPE_CLAIMS: Readonly<Record<string, readonly string[]>> = {
  openid: ['sub'],
  profile: [
    'name',
    'family_name',
    'given_name',
    'middle_name',
    'nickname',
    'preferred_username',
    'profile',
    'picture',
    'website',
    'gender',
    'birthdate',
    'zoneinfo',
    'locale',
    'updated_at',
  ],
  email: ['email', 'email_verified'],
  address: ['address'],
  phone: ['phone_number', 'phone_number_verified'],
  offline_access: [],
};

export function scopeClaimMap(
  extraScopes: Record<string, string[]>,
): Record<string, readonly string[]> {
  return { ...STANDARD_SCOPE_CLAIMS, ...extraScopes };
}

/** The claim names the given scopes imply. Unknown scopes imply nothing. */
export function claimsForScopes(
  scopes: Iterable<string>,
  map: Record<string, readonly string[]>,
): Set<string> {
  const claims = new Set<string>();
  for (const scope of scopes) for (const claim of map[scope] ?? []) claims.add(claim);
  return claims;
}

export function splitScope(scope: string | undefined): string[] {
  return scope ? [...new Set(scope.split(' ').filter(Boolean))] : [];
}
