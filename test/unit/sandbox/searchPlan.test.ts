// performance.md: "a full-table LIKE scan never happens for ≥ 3-character terms". Every
// query the search runs is checked with EXPLAIN QUERY PLAN against a seeded database: the
// trigram index, an index or the primary key — never a scan of accounts or contacts.
import type { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSandboxDatabase } from '../../../main/sandbox/db/open';
import { readCriteria } from '../../../main/sandbox/search/criteria';
import { BY_NO_SQL, FTS_SQL, ID_SQL, PAIR_SQL, caseVariants, chooseDriver, needles, prefixRanges, prefixSql, trigramQuery } from '../../../main/sandbox/search/plan';
import { emailMatches, like, phoneMatches } from '../../../main/sandbox/search/match';
import { typoVariants } from '../../../main/sandbox/search/rank';
import { canonicalPhone } from '../../../main/sandbox/search/doc';
import type { AcctSearchAccountRequest } from '../../../shared/amps';

let db: DatabaseSync;
beforeAll(() => {
  db = openSandboxDatabase({ file: ':memory:', accounts: 3000, seed: 5 }).db;
  db.exec('ANALYZE'); // the planner must choose indexes with statistics too
});
afterAll(() => db.close());

const plan = (sql: string, ...params: (string | number)[]) =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail);
const FULL_SCAN = /^SCAN (a|c|f|accounts|contacts|plan_instances|invoices)\b(?!.*VIRTUAL TABLE INDEX)/;

function driverOf(req: AcctSearchAccountRequest) {
  return chooseDriver(readCriteria({ acctSearchAccountSpecDetails: { returnLimitRows: 50 }, ...req } as never))!;
}

describe('the searches the benchmark mixes use an index', () => {
  const kinds: [string, AcctSearchAccountRequest][] = [
    ['name', { acctSearchAccountContactCriteria: { lastName: 'Hansen', firstName: 'Kari' } }],
    ['email', { acctSearchAccountCriteria: { emailAddress: 'kari.hansen@gmail.com' } }],
    ['phone', { acctSearchAccountCriteria: { phoneNumber: '91234567' } }],
    ['postal code', { acctSearchAccountContactCriteria: { postalCode: '0444' } }],
    ['partial term', { acctSearchAccountContactCriteria: { fullName: 'ans' } }],
    ['delivery address', { acctSearchAccountAddressCriteria: { searchStreetName: 'Storg', searchCity: 'oslo' } }],
  ];
  for (const [kind, req] of kinds) {
    it(`${kind}: trigram index, in rowid order, no sort and no scan`, () => {
      const d = driverOf(req);
      expect(d.kind).toBe('fts');
      if (d.kind !== 'fts') return;
      const details = plan(FTS_SQL, d.match);
      expect(details.some((x) => /^SCAN f VIRTUAL TABLE INDEX/.test(x))).toBe(true);
      expect(details.some((x) => /USE TEMP B-TREE/.test(x))).toBe(false); // so the first page needs only the first matches
      expect(details.filter((x) => FULL_SCAN.test(x))).toEqual([]);
      expect(details).toEqual(expect.arrayContaining([expect.stringMatching(/^SEARCH a USING INTEGER PRIMARY KEY/), expect.stringMatching(/^SEARCH c USING INTEGER PRIMARY KEY/)]));
    });
  }

  it('identifiers: each lookup uses its index or primary key', () => {
    for (const [key, sql] of Object.entries(ID_SQL)) {
      const details = plan(sql, key.endsWith('No') ? 1 : 'x');
      expect(details.every((x) => /^SEARCH /.test(x)), `${key}: ${details.join(' | ')}`).toBe(true);
    }
    expect(plan(BY_NO_SQL, 42000001).every((x) => /^SEARCH /.test(x))).toBe(true);
  });

  it('a short name uses the prefix index of the name', () => {
    const d = driverOf({ acctSearchAccountContactCriteria: { lastName: 'Li' } });
    expect(d).toMatchObject({ kind: 'prefix', column: 'last_name' });
    const ranges = prefixRanges('Li');
    const details = plan(prefixSql('last_name', ranges.length / 2), ...ranges);
    expect(details.join(' | ')).toMatch(/contacts_last_name/);
    expect(details.filter((x) => FULL_SCAN.test(x))).toEqual([]);
  });
});

describe('ranked name searches use an index in every tier', () => {
  const ranked = (req: AcctSearchAccountRequest) => {
    const d = chooseDriver(readCriteria({ acctSearchAccountSpecDetails: { returnLimitRows: 50 }, ...req } as never), db)!;
    expect(d.kind).toBe('ranked');
    return d.kind === 'ranked' ? d.tiers : [];
  };
  const words = (text: string) => ranked({ acctSearchAccountContactCriteria: { fullName: text }, acctSearchAccountSpecDetails: { returnLimitRows: 50, fullNameAsWords: true } });
  const checkFts = (match: string) => {
    const details = plan(FTS_SQL, match);
    expect(details.some((x) => /^SCAN f VIRTUAL TABLE INDEX/.test(x))).toBe(true);
    expect(details.some((x) => /USE TEMP B-TREE/.test(x))).toBe(false);
    expect(details.filter((x) => FULL_SCAN.test(x))).toEqual([]);
  };

  it('a last name: exact, then the start of a word, then any part — each a trigram query in rowid order', () => {
    const tiers = ranked({ acctSearchAccountContactCriteria: { lastName: 'Hansen', postalCode: '0444' } });
    expect(tiers).toHaveLength(3);
    for (const t of tiers) {
      expect(t && 'match' in t).toBe(true);
      if (t && 'match' in t) {
        checkFts(t.match);
        expect(t.match).toContain('postal : "044"'); // the other criteria narrow every tier
      }
    }
    expect((tiers[0] as { match: string }).match).toContain('last : " ha"');
    expect((tiers[0] as { match: string }).match).toContain('last : "en "');
  });

  it('words: surname + first name through the name index, then trigram tiers, then one typo', () => {
    const tiers = words('Hansen Filip');
    const pairs = tiers[0];
    expect(pairs).toEqual({ pairs: [['hansen', 'filip'], ['filip', 'hansen']] });
    const details = plan(PAIR_SQL, ...caseVariants('hansen'), ...caseVariants('filip'));
    expect(details.join(' | ')).toMatch(/USING INDEX contacts_last_first/);
    expect(details.filter((x) => FULL_SCAN.test(x))).toEqual([]);
    for (const t of tiers.slice(1)) if (t && 'match' in t) checkFts(t.match);
    // Last: one letter off ("Hanssen Filip"), the words' variants from the vocabulary.
    expect(tiers[6] && 'match' in tiers[6] && tiers[6].match).toContain('"sse"');
    expect(typoVariants(db, 'hansen').sort()).toEqual(['hanssen']);
    expect(typoVariants(db, 'hanseen').sort()).toEqual(['hansen', 'hanssen']);
    expect(words('Kari Nordmannsen')).toEqual([]); // a word no name or city has: nothing to ask
    const typo = words('Hanseen');
    expect(typo.slice(0, 6)).toEqual([null, null, null, null, null, null]); // "hanseen" is in no name: only the typo tier
    expect(typo[6] && 'match' in typo[6]).toBe(true);
  });
});

describe('trigram queries', () => {
  it('ANDs every trigram of every needle within its column, quoting what FTS5 would read as syntax', () => {
    expect(trigramQuery([{ column: 'last', text: 'hansen' }])).toBe('last : "han" AND last : "ans" AND last : "nse" AND last : "sen"');
    expect(trigramQuery([{ column: 'street', text: 'a"b c' }])).toBe('street : "a""b" AND street : """b " AND street : "b c"');
    expect(trigramQuery([{ column: 'first', text: 'ab' }])).toBeUndefined();
    expect(trigramQuery([{ column: 'city', text: 'øyv' }])).toBe('city : "øyv"');
    // Past 6 characters, every other trigram and the last one.
    expect(trigramQuery([{ column: 'last', text: 'kristiansen' }])).toBe('last : "kri" AND last : "ist" AND last : "tia" AND last : "ans" AND last : "sen"');
    expect(trigramQuery([{ column: 'phone', text: '4721212121' }])).toBe('phone : "472" AND phone : "212" AND phone : "121"');
  });
  it('feeds each column what belongs there: national phone digits, folded text', () => {
    const c = readCriteria({
      acctSearchAccountCriteria: { phoneNumber: '0047 21 21 21 21', emailAddress: 'A@B.NO' },
      acctSearchAccountContactCriteria: { lastName: 'Li', firstName: 'Kari', postalCode: '0444', streetName: 'Storgata' },
      acctSearchAccountAddressCriteria: { searchCity: 'Oslo' },
    } as never);
    expect(needles(c)).toEqual([
      { column: 'first', text: 'kari' }, { column: 'street', text: 'storgata' }, { column: 'postal', text: '0444' },
      { column: 'phone', text: '4721212121' }, { column: 'email', text: 'a@b.no' }, { column: 'city', text: 'oslo' },
    ]);
  });
  it('keeps a term to its column: a first name never meets the last names that contain it', () => {
    const d = driverOf({ acctSearchAccountContactCriteria: { firstName: 'sen' } });
    expect(d.kind === 'fts' && d.match).toBe('first : "sen"');
    const count = (m: string) => (db.prepare('SELECT COUNT(*) AS n FROM account_fts WHERE account_fts MATCH ?').get(m) as { n: number }).n;
    expect(count('first : "sen"')).toBe(0);
    expect(count('last : "sen"')).toBeGreaterThan(500);
  });
});

describe('match rules', () => {
  it('"like" contains from 3 characters, starts with below', () => {
    expect(like('Hansen', 'NSE')).toBe(true);
    expect(like('Hansen', 'se')).toBe(false);
    expect(like('Hansen', 'ha')).toBe(true);
    expect(like('Ødegård', 'øde')).toBe(true);
  });
  it('phones compare digits; no country code means +47', () => {
    expect(canonicalPhone('+47 21 21 21 21')).toBe('4721212121');
    expect(phoneMatches('+4721212121', '21212121')).toBe(true);
    expect(phoneMatches('+4721212121', '21 21 21 21')).toBe(true);
    expect(phoneMatches('21212121', '+4721212121')).toBe(true);
    expect(phoneMatches('+4621212121', '21212121')).toBe(false);
    expect(phoneMatches('+4721212121', '2121212')).toBe(false);
  });
  it('email: a whole address is exact, a part is contained', () => {
    expect(emailMatches('Kari@Example.no', 'kari@example.no')).toBe(true);
    expect(emailMatches('kari@example.no', 'ari@example.no')).toBe(false);
    expect(emailMatches('kari@example.no', '@example')).toBe(true);
  });
});
