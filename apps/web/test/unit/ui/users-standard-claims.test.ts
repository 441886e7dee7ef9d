import { describe, expect, it } from 'vitest';
import { STANDARD_CLAIM_NAMES } from '../../../src/ui/claims/standard';
import {
  isTypedClaim,
  mergeClaims,
  splitClaims,
  TYPED_CLAIMS,
} from '../../../src/ui/users/standard-claims';

describe('splitClaims', () => {
  it('puts standard claims of the right type in fields and the rest in JSON', () => {
    expect(
      splitClaims({ name: 'Ada', email_verified: false, nickname: 42, department: 'R&D' }),
    ).toEqual({
      typed: { name: 'Ada', email_verified: 'false' },
      customJson: '{\n  "nickname": 42,\n  "department": "R&D"\n}',
    });
    expect(splitClaims({})).toEqual({ typed: {}, customJson: '{}' });
  });
});

describe('mergeClaims', () => {
  it('gives back the claims it split, nothing lost', () => {
    const claims = { name: 'Ada', phone_number_verified: true, nickname: 42, team: { id: 7 } };
    const { typed, customJson } = splitClaims(claims);
    expect(mergeClaims(typed, customJson)).toEqual({ claims });
  });

  it('stores boolean fields as booleans and leaves empty fields out', () => {
    expect(mergeClaims({ email_verified: 'false', name: '', locale: 'en-GB' }, '  ')).toEqual({
      claims: { email_verified: false, locale: 'en-GB' },
    });
  });

  it('refuses JSON that is not an object of claims', () => {
    for (const json of ['[]', 'null', '42', '"x"']) {
      expect(mergeClaims({}, json)).toEqual({
        jsonError: 'Must be a JSON object of claims, like {"department": "Sales"}',
      });
    }
    const broken = mergeClaims({}, '{"a":');
    expect('jsonError' in broken && broken.jsonError.startsWith('Not valid JSON: ')).toBe(true);
  });

  it('refuses a claim set both in a field and in the JSON', () => {
    expect(mergeClaims({ name: 'Ada' }, '{"name": "Grace"}')).toEqual({
      jsonError: '"name" has a field above: set it there, not in the JSON',
    });
  });
});

describe('typed claims', () => {
  it('are the standard claims except the non-string address and updated_at', () => {
    expect(TYPED_CLAIMS.every((claim) => STANDARD_CLAIM_NAMES.includes(claim.name))).toBe(true);
    expect(STANDARD_CLAIM_NAMES.filter((name) => !isTypedClaim(name)).sort()).toEqual([
      'address',
      'updated_at',
    ]);
  });
});
