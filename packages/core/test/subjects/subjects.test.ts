import { describe, expect, it } from 'vitest';
import {
  HashBasedSubjectIdentifierFactory,
  sectorIdentifierOf,
  subjectFor,
} from '../../src/subjects/subject-identifier.js';
import type { SubjectType } from '../../src/types.js';
import { createTestProvider } from '../support/harness.js';

const PUBLIC_SUB = '1f93df1e8eadd31cede274827dc0db5bb07ab3b8437e192501809cfb85abda71';
const PAIRWISE_SUB = 'f0f49e5b3ca9ff385451397f73483472db16ec4441f34cf00ae29028460cb206';

/** What `subjectFor` reads: the factory and the tenant's supported subject types. */
const source = (first: 'public' | 'pairwise') => ({
  subjects: new HashBasedSubjectIdentifierFactory('salt'),
  settings: { subjectTypes: [first] },
});
describe('Hash-based subject identifiers OIDC Core 8 (pyOP vectors)', () => {
  const factory = new HashBasedSubjectIdentifierFactory('salt');

  it('computes the public sub of user1 with salt', () => {
    expect(factory.createPublicIdentifier('user1')).toBe(PUBLIC_SUB);
  });

  it('computes the pairwise sub of user1 in sector client1.example.com', () => {
    expect(factory.createPairwiseIdentifier('user1', 'client1.example.com')).toBe(PAIRWISE_SUB);
  });

  it('refuses an empty salt and an empty sector', () => {
    expect(() => new HashBasedSubjectIdentifierFactory('')).toThrow(TypeError);
    expect(() => factory.createPairwiseIdentifier('user1', '')).toThrow(TypeError);
  });
});

describe('Sector identifiers (OIDC Core 8.1)', () => {
  it('takes the sector from the sector_identifier_uri host', () => {
    expect(
      sectorIdentifierOf({
        sector_identifier_uri: 'https://client1.example.com/sector.json',
        redirect_uris: ['https://other.example.org/cb'],
      }),
    ).toBe('client1.example.com');
  });

  it('gives the same pairwise sub for every redirect URI of a client (pyOP varied it per host)', () => {
    const metadata = {
      subject_type: 'pairwise' as const,
      sector_identifier_uri: 'https://client1.example.com/sector.json',
      redirect_uris: ['https://a.example.com/cb', 'https://b.example.org/cb'],
    };
    const sub = subjectFor(source('public'), { id: 'user1', claims: {} }, metadata);
    expect(sub).toBe(PAIRWISE_SUB);
    const reordered = { ...metadata, redirect_uris: [...metadata.redirect_uris].reverse() };
    expect(subjectFor(source('public'), { id: 'user1', claims: {} }, reordered)).toBe(sub);
  });

  it('uses the redirect host when there is no sector_identifier_uri', () => {
    const metadata = {
      subject_type: 'pairwise' as const,
      redirect_uris: ['https://client1.example.com/cb', 'https://client1.example.com/other'],
    };
    expect(subjectFor(source('public'), { id: 'user1', claims: {} }, metadata)).toBe(PAIRWISE_SUB);
  });

  it('uses the default subject type when the client has none, and a custom sub wins', () => {
    const metadata = { redirect_uris: ['https://client1.example.com/cb'] };
    expect(subjectFor(source('public'), { id: 'user1', claims: {} }, metadata)).toBe(PUBLIC_SUB);
    expect(subjectFor(source('pairwise'), { id: 'user1', claims: {} }, metadata)).toBe(
      PAIRWISE_SUB,
    );
    expect(
      subjectFor(source('pairwise'), { id: 'user1', claims: { sub: 'custom' } }, metadata),
    ).toBe('custom');
  });
});

describe('AuthorizationState.getSubjectIdentifier (pyOP test_authz_state.py)', () => {
  it('returns a stable public sub and remembers it', async () => {
    const { provider } = await createTestProvider();
    const state = provider.context.state;
    const first = await state.getSubjectIdentifier('public', 'user1');
    expect(await state.getSubjectIdentifier('public', 'user1')).toBe(first);
    expect(first).toBe(PUBLIC_SUB);
    expect(await state.getUserIdForSubjectIdentifier(first)).toBe('user1');
  });

  it('gives different pairwise subs per sector, both valid', async () => {
    const { provider } = await createTestProvider();
    const state = provider.context.state;
    const one = await state.getSubjectIdentifier('pairwise', 'user1', 'client1.example.com');
    const two = await state.getSubjectIdentifier('pairwise', 'user1', 'client2.example.com');
    expect(one).toBe(PAIRWISE_SUB);
    expect(two).not.toBe(one);
    expect(await state.getUserIdForSubjectIdentifier(one)).toBe('user1');
    expect(await state.getUserIdForSubjectIdentifier(two)).toBe('user1');
  });

  it('gives the same pairwise sub for the same sector twice', async () => {
    const { provider } = await createTestProvider();
    const state = provider.context.state;
    const one = await state.getSubjectIdentifier('pairwise', 'user1', 'client1.example.com');
    expect(await state.getSubjectIdentifier('pairwise', 'user1', 'client1.example.com')).toBe(one);
  });

  it('keeps pairwise subs valid after a public sub is created (pyOP defect 4)', async () => {
    const { provider } = await createTestProvider();
    const state = provider.context.state;
    const pairwise = await state.getSubjectIdentifier('pairwise', 'user1', 'client1.example.com');
    await state.getSubjectIdentifier('public', 'user1');
    expect(await state.getUserIdForSubjectIdentifier(pairwise)).toBe('user1');
  });

  it('throws TypeError for pairwise without a sector', async () => {
    const { provider } = await createTestProvider();
    await expect(provider.context.state.getSubjectIdentifier('pairwise', 'user1')).rejects.toThrow(
      TypeError,
    );
  });

  it('throws TypeError for an unknown subject type', async () => {
    const { provider } = await createTestProvider();
    await expect(
      provider.context.state.getSubjectIdentifier('unknown' as SubjectType, 'user1'),
    ).rejects.toThrow(TypeError);
  });

  it('rejects an unknown subject identifier', async () => {
    const { provider } = await createTestProvider();
    await expect(
      provider.context.state.getUserIdForSubjectIdentifier('noexist'),
    ).rejects.toMatchObject({ error: 'invalid_request' });
  });
});
