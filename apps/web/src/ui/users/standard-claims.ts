/**
 * OIDC Core 5.1 claims the claims editor shows as typed fields, and how a user's claims split
 * into those fields and the rest (edited as JSON) and merge back, so a save loses nothing.
 */
import type { Claims } from './operations';

export interface TypedClaim {
  name: string;
  label: string;
  kind: 'string' | 'boolean';
  inputType?: 'email' | 'tel' | 'url' | 'date';
}

export const TYPED_CLAIMS: readonly TypedClaim[] = [
  { name: 'name', label: 'Full name', kind: 'string' },
  { name: 'given_name', label: 'Given name', kind: 'string' },
  { name: 'family_name', label: 'Family name', kind: 'string' },
  { name: 'middle_name', label: 'Middle name', kind: 'string' },
  { name: 'nickname', label: 'Nickname', kind: 'string' },
  { name: 'preferred_username', label: 'Preferred username', kind: 'string' },
  { name: 'email', label: 'Email claim', kind: 'string', inputType: 'email' },
  { name: 'email_verified', label: 'Email verified', kind: 'boolean' },
  { name: 'phone_number', label: 'Phone number', kind: 'string', inputType: 'tel' },
  { name: 'phone_number_verified', label: 'Phone number verified', kind: 'boolean' },
  { name: 'locale', label: 'Locale', kind: 'string' },
  { name: 'zoneinfo', label: 'Time zone', kind: 'string' },
  { name: 'birthdate', label: 'Birthdate', kind: 'string' },
  { name: 'gender', label: 'Gender', kind: 'string' },
  { name: 'profile', label: 'Profile URL', kind: 'string', inputType: 'url' },
  { name: 'picture', label: 'Picture URL', kind: 'string', inputType: 'url' },
  { name: 'website', label: 'Website', kind: 'string', inputType: 'url' },
];

const TYPED_NAMES = new Set(TYPED_CLAIMS.map((claim) => claim.name));

/** Field values: text for string claims, 'true'/'false'/'' (unset) for boolean ones. */
export type TypedValues = Record<string, string>;

export interface SplitClaims {
  typed: TypedValues;
  /** Every other claim, pretty-printed JSON. */
  customJson: string;
}

/**
 * A typed claim whose stored value has another type (a number in `name`, say) stays in the JSON,
 * so the editor never silently converts it.
 */
export function splitClaims(claims: Claims): SplitClaims {
  const typed: TypedValues = {};
  const custom: Claims = {};
  for (const [name, value] of Object.entries(claims)) {
    const field = TYPED_CLAIMS.find((claim) => claim.name === name);
    if (field?.kind === 'string' && typeof value === 'string') typed[name] = value;
    else if (field?.kind === 'boolean' && typeof value === 'boolean') typed[name] = String(value);
    else custom[name] = value;
  }
  return { typed, customJson: JSON.stringify(custom, null, 2) };
}

export type MergeResult = { claims: Claims } | { jsonError: string };

/** The claims to store: the JSON's claims plus every filled typed field. */
export function mergeClaims(typed: TypedValues, customJson: string): MergeResult {
  let custom: unknown;
  try {
    custom = customJson.trim() === '' ? {} : JSON.parse(customJson);
  } catch (error) {
    return { jsonError: `Not valid JSON: ${(error as Error).message}` };
  }
  if (typeof custom !== 'object' || custom === null || Array.isArray(custom)) {
    return { jsonError: 'Must be a JSON object of claims, like {"department": "Sales"}' };
  }
  const claims: Claims = { ...(custom as Claims) };
  for (const field of TYPED_CLAIMS) {
    const value = typed[field.name] ?? '';
    if (value === '') continue;
    if (field.name in claims) {
      return { jsonError: `"${field.name}" has a field above: set it there, not in the JSON` };
    }
    claims[field.name] = field.kind === 'boolean' ? value === 'true' : value;
  }
  return { claims };
}

export function isTypedClaim(name: string): boolean {
  return TYPED_NAMES.has(name);
}
