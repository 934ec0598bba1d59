import { describe, expect, it } from 'vitest';
import { parseQueryParams, QueryParamsError } from '../../../shared/use-cases/query-store.ts';

describe('query parameters', () => {
  it('accepts the analysts’ filters and coerces the limit', () => {
    expect(
      parseQueryParams({ kind: 'casualty', since: '2017-06-01', place: 'Raqqa', limit: '10' }),
    ).toEqual({
      kind: 'casualty',
      since: '2017-06-01',
      place: 'Raqqa',
      limit: 10,
    });
  });
  it('rejects unknown kinds, bad dates and unknown parameters with a reason', () => {
    expect(() => parseQueryParams({ kind: 'tweets' })).toThrow(QueryParamsError);
    expect(() => parseQueryParams({ kind: 'article', since: 'yesterday' })).toThrow(/ISO date/);
    expect(() => parseQueryParams({ kind: 'article', drop: 'table' })).toThrow(/drop/);
    expect(() => parseQueryParams({ kind: 'article', limit: '0' })).toThrow(/limit/);
  });
});
