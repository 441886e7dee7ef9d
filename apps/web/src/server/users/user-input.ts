/**
 * The rules for user input, each returning field errors at the input's path: login names as
 * apps/op's login form compares them (NFKC, trimmed), email addresses lower-cased (logins by
 * email match lower-cased), the password policy, and claims (`sub` and the other claims the
 * provider sets itself cannot be stored; standard claims must have their OIDC Core 5.1 types).
 */
import { MAX_PASSWORD_LENGTH } from '@tessera/db';
import { z } from 'zod';
import type { FieldError } from '../errors';

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_LOGIN_NAME_LENGTH = 200;
/** RFC 5321 4.5.3.1.3: the longest forward path. */
export const MAX_EMAIL_LENGTH = 254;
/** A user's claims travel in every ID token and userinfo response: keep them small. */
export const MAX_CLAIMS_BYTES = 16 * 1024;

/** Set by the provider for every token; a stored value would override or confuse them. */
const PROVIDER_CLAIMS = new Set([
  'sub',
  'iss',
  'aud',
  'exp',
  'iat',
  'nbf',
  'jti',
  'nonce',
  'auth_time',
  'acr',
  'amr',
  'azp',
  'at_hash',
  'c_hash',
  'sid',
]);

const STRING_CLAIMS = [
  'name',
  'given_name',
  'family_name',
  'middle_name',
  'nickname',
  'preferred_username',
  'profile',
  'picture',
  'website',
  'email',
  'gender',
  'birthdate',
  'zoneinfo',
  'locale',
  'phone_number',
];
const BOOLEAN_CLAIMS = ['email_verified', 'phone_number_verified'];

export type Checked<T> = { value: T; errors: FieldError[] };

/** @example const { value, errors } = checkLoginName(' Ada '); // value 'Ada' */
export function checkLoginName(input: string, path = 'loginName'): Checked<string> {
  const value = input.normalize('NFKC').trim();
  const ok = value.length >= 1 && value.length <= MAX_LOGIN_NAME_LENGTH && !/\p{Cc}/u.test(value);
  return {
    value,
    errors: ok
      ? []
      : [
          {
            path,
            message: `Must be 1 to ${MAX_LOGIN_NAME_LENGTH} characters, no control characters`,
          },
        ],
  };
}

export function checkEmail(input: string, path = 'email'): Checked<string> {
  const value = input.trim().toLowerCase();
  const ok = value.length <= MAX_EMAIL_LENGTH && z.email().safeParse(value).success;
  return { value, errors: ok ? [] : [{ path, message: 'Must be an email address' }] };
}

export function checkPassword(password: string, path = 'password'): FieldError[] {
  if ([...password].length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
    const message = `Must be ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters`;
    return [{ path, message }];
  }
  // scrypt would hash "pw" and "pw\0" alike (see @tessera/db hashPassword).
  if (password.includes('\0')) return [{ path, message: 'Must not contain U+0000' }];
  return [];
}

export function checkClaims(input: unknown, path = 'claims'): Checked<Record<string, unknown>> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { value: {}, errors: [{ path, message: 'Must be an object of claims' }] };
  }
  const claims = input as Record<string, unknown>;
  const errors: FieldError[] = [];
  if (JSON.stringify(claims).length > MAX_CLAIMS_BYTES) {
    errors.push({ path, message: `Must be at most ${MAX_CLAIMS_BYTES} bytes of JSON` });
  }
  for (const [name, value] of Object.entries(claims)) {
    const problem = claimProblem(name, value);
    if (problem) errors.push({ path: `${path}.${name}`, message: problem });
  }
  return { value: claims, errors };
}

function claimProblem(name: string, value: unknown): string | undefined {
  if (name.length === 0 || name.length > 100) return 'Claim names are 1 to 100 characters';
  if (PROVIDER_CLAIMS.has(name)) return 'Is set by the provider and cannot be stored';
  if (value === undefined) return 'Must be a JSON value';
  if (STRING_CLAIMS.includes(name) && typeof value !== 'string') return 'Must be a string';
  if (BOOLEAN_CLAIMS.includes(name) && typeof value !== 'boolean') return 'Must be a boolean';
  if (name === 'updated_at' && !Number.isSafeInteger(value)) return 'Must be epoch seconds';
  if (name === 'address' && (typeof value !== 'object' || value === null || Array.isArray(value))) {
    return 'Must be an object (OIDC Core 5.1.1)';
  }
  return undefined;
}
