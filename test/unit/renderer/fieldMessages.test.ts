// Every message a shared rule can put on a form field has an English and a Bokmål text,
// so a new rule in shared/amps cannot quietly show up untranslated.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { RULE_MESSAGES, setSchemaLocale } from '../../../renderer/i18n/fieldMessages';
import en from '../../../renderer/i18n/en.json';
import nb from '../../../renderer/i18n/nb.json';

function ruleMessagesInShared(): string[] {
  const dirs = ['shared/amps', 'shared/ipc'];
  const found = new Set<string>();
  for (const dir of dirs) {
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
      const src = readFileSync(join(dir, f), 'utf8');
      for (const m of src.matchAll(/message: '([^']+)'/g)) found.add(m[1]!);
      for (const m of src.matchAll(/\.(?:min|max|regex|refine)\([^)]*?, '([^']{8,})'\)/g)) found.add(m[1]!);
    }
  }
  return [...found];
}

describe('field messages in the UI language', () => {
  it('covers every rule message of the shared schemas', () => {
    const missing = ruleMessagesInShared().filter((m) => !(m in RULE_MESSAGES));
    expect(missing).toEqual([]);
  });

  it('has each key in English and Bokmål', () => {
    const enV = en.validation as Record<string, string>;
    const nbV = nb.validation as Record<string, string>;
    for (const key of new Set(Object.values(RULE_MESSAGES))) {
      expect(enV[key], key).toBeTruthy();
      expect(nbV[key], key).toBeTruthy();
      expect(nbV[key], key).not.toBe(enV[key]);
    }
  });

  it('switches zod’s own messages with the language', () => {
    setSchemaLocale('nb');
    const nbMsg = z.string().max(3).safeParse('abcdef').error!.issues[0]!.message;
    setSchemaLocale('en');
    const enMsg = z.string().max(3).safeParse('abcdef').error!.issues[0]!.message;
    expect(enMsg).toMatch(/too big|at most|<=/i);
    expect(nbMsg).not.toBe(enMsg);
  });
});
