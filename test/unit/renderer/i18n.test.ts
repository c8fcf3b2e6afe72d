import { describe, expect, it } from 'vitest';
import en from '../../../renderer/i18n/en.json';
import nb from '../../../renderer/i18n/nb.json';
import { formatters } from '../../../renderer/i18n/format';
import { SAY_EN } from '../../../shared/ipc/say';

type Tree = { [k: string]: string | Tree | Array<Record<string, string>> };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else if (Array.isArray(v)) v.forEach((item, i) => Object.entries(item).forEach(([ik, iv]) => out.set(`${key}.${i}.${ik}`, iv)));
    else for (const [lk, lv] of leaves(v, key)) out.set(lk, lv);
  }
  return out;
}
const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}|\{(\w+)\}/g)].map((m) => m[1] ?? m[2]).sort();

describe('translations', () => {
  // main's words (D105): English in shared/ipc/say.ts, added to en at start; Bokmål in nb.json.
  const e = leaves({ ...(en as Tree), say: SAY_EN } as Tree);
  const n = leaves(nb as Tree);

  it('has every English string in Norwegian Bokmål and nothing extra', () => {
    expect([...n.keys()].filter((k) => !e.has(k))).toEqual([]);
    expect([...e.keys()].filter((k) => !n.has(k))).toEqual([]);
  });

  it('uses the same placeholders in both languages and leaves no string empty', () => {
    for (const [k, v] of e) {
      expect(v.trim(), k).not.toBe('');
      expect(placeholders(n.get(k)!), k).toEqual(placeholders(v));
    }
  });
});

describe('formatters', () => {
  it('writes money and dates the Norwegian way in nb and the British way in en', () => {
    expect(formatters('nb').money(199, 'nok').replace(/\s/g, ' ')).toBe('199,00 kr');
    expect(formatters('en').money(1249.5, 'NOK').replace(/\s/g, ' ')).toBe('NOK 1,249.50');
    expect(formatters('nb').date('2019-09-19')).toBe('19.09.2019');
    expect(formatters('en').date('2019-09-19')).toBe('19/09/2019');
    expect(formatters('en').date('not a date')).toBe('not a date');
    expect(formatters('en').date(null)).toBe('');
  });
});
