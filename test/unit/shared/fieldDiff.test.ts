import { describe, expect, it } from 'vitest';
import { compactRequest, diffFields, flattenFields } from '../../../shared/domain/fieldDiff';
import { fillTemplate } from '../../../shared/domain/commentTemplates';

describe('diffFields', () => {
  it('lists changed nested fields with before and after', () => {
    const before = { billingGroupName: 'Giro', paymentTermInfo: { paymentTerms: 'BANKGIRO', paymentEANNum: null } };
    const after = { billingGroupName: 'Giro', paymentTermInfo: { paymentTerms: 'EHF', paymentEANNum: '7080001234567' } };
    expect(diffFields(before, after)).toEqual([
      { path: 'paymentTermInfo.paymentTerms', before: 'BANKGIRO', after: 'EHF' },
      { path: 'paymentTermInfo.paymentEANNum', before: null, after: '7080001234567' },
    ]);
  });

  it('treats "", null and a missing key as the same empty value', () => {
    expect(diffFields({ a: '', b: null }, { a: null, c: '  ' })).toEqual([]);
  });

  it('reports fields only present before (cleared) and honours ignore/only', () => {
    expect(diffFields({ a: 1, id: 'x' }, { id: 'y' }, { ignore: ['id'] })).toEqual([{ path: 'a', before: 1, after: null }]);
    expect(diffFields({ a: 1, b: { c: 2 } }, { a: 2, b: { c: 3 } }, { only: ['b'] })).toEqual([{ path: 'b.c', before: 2, after: 3 }]);
  });

  it('flattens arrays by index', () => {
    expect(flattenFields({ list: [{ x: 1 }, { x: 2 }] })).toEqual({ 'list.0.x': 1, 'list.1.x': 2 });
  });
});

describe('compactRequest', () => {
  it('drops empty strings, nulls and emptied objects', () => {
    expect(compactRequest({ a: '', b: 'x', c: { d: null, e: ' ' }, f: 0, g: false })).toEqual({ b: 'x', f: 0, g: false });
    expect(compactRequest({ a: '' })).toBeUndefined();
  });
});

describe('fillTemplate', () => {
  it('fills known placeholders and leaves unknown ones visible', () => {
    const values = { account: 'Kari Nordmann', accountNo: '11223344', agent: 'agent7', date: '23.11.2026' };
    expect(fillTemplate('Called {account} ({accountNo}) on {date} — {agent}. {oops}', values)).toBe(
      'Called Kari Nordmann (11223344) on 23.11.2026 — agent7. {oops}',
    );
  });
});
