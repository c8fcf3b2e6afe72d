// The supervisor list's length from a first page's total (D90): exact is the length; "more
// than n" makes room for n + 1 rows and grows one page at a time as full pages come back,
// until a short page ends it (then exact). Pages of 200 unless said.
import { describe, expect, it } from 'vitest';
import { grown, roomOf } from '../../../renderer/features/supervision/total';

describe('supervision list length', () => {
  it('an exact total is the length, and pages do not change it', () => {
    expect(roomOf({ kind: 'exact', n: 250_000 })).toEqual({ total: 250_000, moreThan: null });
    expect(grown({ total: 250_000, moreThan: null }, 3, 200)).toEqual({ total: 250_000, moreThan: null });
    expect(roomOf(null)).toEqual({ total: 0, moreThan: null });
  });

  it('"more than 10,000" grows as full pages come back and ends exact at a short page', () => {
    let r = roomOf({ kind: 'moreThan', n: 10_000 });
    expect(r).toEqual({ total: 10_001, moreThan: 10_000 });
    r = grown(r, 0, 200);
    expect(r).toEqual({ total: 10_001, moreThan: 10_000 });
    r = grown(r, 50, 200); // rows 10,000–10,199 all there: room for 10,201 (the last one loading)
    expect(r).toEqual({ total: 10_201, moreThan: 10_000 });
    r = grown(r, 51, 200);
    expect(r).toEqual({ total: 10_401, moreThan: 10_000 });
    r = grown(r, 52, 37); // the end: 10,400 + 37
    expect(r).toEqual({ total: 10_437, moreThan: null });
  });

  it('a page that comes back empty right after a full one ends the list there', () => {
    expect(grown({ total: 601, moreThan: 500 }, 3, 0, 200)).toEqual({ total: 600, moreThan: null });
    // Small pages: more than 3 in pages of 2.
    let r = roomOf({ kind: 'moreThan', n: 3 });
    r = grown(r, 0, 2, 2);
    r = grown(r, 1, 2, 2);
    expect(r).toEqual({ total: 5, moreThan: 3 });
    r = grown(r, 2, 1, 2);
    expect(r).toEqual({ total: 5, moreThan: null });
  });
});
