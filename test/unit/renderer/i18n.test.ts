import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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

  it('has a string for every key the screens name as written (no label shows as its key)', () => {
    const root = join(__dirname, '../../../renderer');
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f));
    expect(files.length).toBeGreaterThan(50);
    const missing: string[] = [];
    for (const file of files) {
      for (const m of readFileSync(join(root, file), 'utf8').matchAll(/\bt\(\s*'([A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)+)'/g)) {
        const key = m[1]!;
        // A plural is kept as key_one / key_other; a list or group (returnObjects) as key.0.name.
        if (!e.has(key) && ![...e.keys()].some((k) => k.startsWith(`${key}_`) || k.startsWith(`${key}.`))) missing.push(`${file}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
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
