import { slugProblem } from '@tessera/db';
import { describe, expect, it } from 'vitest';
import { suggestSlug } from '../../../src/ui/tenants/slug';

describe('suggestSlug', () => {
  it.each([
    ['Acme Corp. (EU)', 'acme-corp-eu'],
    ['Crème Brûlée', 'creme-brulee'],
    ['  --Hello,  World!--  ', 'hello-world'],
    ['Ａｃｍｅ', 'acme'],
    ['ﬁnance', 'finance'],
    ['İstanbul', 'istanbul'],
    ['Team 42', 'team-42'],
  ])('suggests %j for %j', (name, slug) => {
    expect(suggestSlug(name)).toBe(slug);
  });

  it('cuts at 63 characters without leaving a trailing hyphen', () => {
    expect(suggestSlug(`${'a'.repeat(62)} b`)).toBe('a'.repeat(62));
    expect(suggestSlug('b'.repeat(80))).toBe('b'.repeat(63));
  });

  it('suggests slugs the API accepts for ordinary names', () => {
    for (const name of ['Acme Corp. (EU)', 'Crème Brûlée', `${'x'.repeat(62)} y`, 'b'.repeat(80)]) {
      expect(slugProblem(suggestSlug(name))).toBeUndefined();
    }
  });

  it('suggests nothing for a name without Latin letters or digits', () => {
    expect(suggestSlug('日本語')).toBe('');
    expect(suggestSlug('!!!')).toBe('');
  });
});
