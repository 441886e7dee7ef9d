/** OIDC Core 5.4: the standard scopes and the claims each releases, shown for orientation. */
export const STANDARD_SCOPES: readonly { name: string; claims: readonly string[]; note: string }[] =
  [
    { name: 'openid', claims: ['sub'], note: 'Makes the request an OpenID Connect one.' },
    {
      name: 'profile',
      claims: [
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
      note: 'The default profile claims.',
    },
    { name: 'email', claims: ['email', 'email_verified'], note: 'The email address.' },
    { name: 'address', claims: ['address'], note: 'The postal address (a JSON object).' },
    { name: 'phone', claims: ['phone_number', 'phone_number_verified'], note: 'The phone number.' },
    { name: 'offline_access', claims: [], note: 'Asks for a refresh token.' },
  ];

/** Claims a scope may release without defining them first. */
export const STANDARD_CLAIM_NAMES: readonly string[] = STANDARD_SCOPES.flatMap((scope) =>
  scope.claims.filter((claim) => claim !== 'sub'),
);
