import { describe, expect, it } from 'vitest';
import {
  apiFilterOf,
  type FilterValues,
  filtersFromQuery,
  queryOf,
} from '../../../src/ui/audit/audit-filters';

const empty: FilterValues = {
  action: '',
  objectType: '',
  objectId: '',
  actorId: '',
  from: '',
  to: '',
  tenant: '',
};

describe('audit filters in the URL', () => {
  it('round-trip through the query string', () => {
    const values = {
      ...empty,
      action: 'client.create',
      objectId: 'a b&c',
      from: '2026-11-01',
      tenant: 'acme',
    };
    const query = queryOf(values);
    expect(query).toBe('action=client.create&objectId=a+b%26c&from=2026-11-01&tenant=acme');
    expect(filtersFromQuery(new URLSearchParams(query))).toEqual(values);
  });

  it('read missing keys as empty and trim the rest', () => {
    expect(filtersFromQuery(new URLSearchParams('actorId=%20op-1%20'))).toEqual({
      ...empty,
      actorId: 'op-1',
    });
    expect(queryOf(empty)).toBe('');
  });
});

describe('apiFilterOf', () => {
  it('makes to inclusive by ending it at the start of the next UTC day', () => {
    expect(apiFilterOf({ ...empty, from: '2026-12-01', to: '2026-12-31' }, 't1')).toEqual({
      tenantId: 't1',
      from: '2026-12-01T00:00:00.000Z',
      to: '2027-01-01T00:00:00.000Z',
    });
  });

  it('ignores dates not written as YYYY-MM-DD', () => {
    expect(apiFilterOf({ ...empty, from: '01/12/2026', to: 'yesterday' }, undefined)).toEqual({});
  });

  it('ignores dates of the right shape that are not calendar days', () => {
    for (const date of ['2026-13-01', '2026-00-10', '2026-11-00', '2026-02-30']) {
      expect(apiFilterOf({ ...empty, from: date, to: date }, undefined)).toEqual({});
    }
  });

  it('sends only the filled fields', () => {
    expect(apiFilterOf({ ...empty, objectType: 'client', actorId: 'op-1' }, undefined)).toEqual({
      objectType: 'client',
      actorId: 'op-1',
    });
  });
});
