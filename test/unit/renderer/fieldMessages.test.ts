// Every message a shared rule can put on a form field has an English and a Bokmål text,
// so a new rule in shared/amps cannot quietly show up untranslated.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import i18next from 'i18next';
import { INPUT_RULE } from '../../../shared/domain/input';
import { RULE_MESSAGES, serverFieldMessage, setSchemaLocale } from '../../../renderer/i18n/fieldMessages';
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

  it('covers every Norwegian input rule (shared/domain/input)', () => {
    expect(Object.values(INPUT_RULE).filter((m) => !(m in RULE_MESSAGES))).toEqual([]);
  });

  it('says zod’s own checks in our words, in the language — never zod’s text', async () => {
    await i18next.init({ resources: { en: { translation: en }, nb: { translation: nb } }, lng: 'en', initAsync: false });
    const msg = (schema: z.ZodType, v: unknown) => schema.safeParse(v).error!.issues[0]!.message;
    setSchemaLocale('nb');
    expect(msg(z.string().max(3), 'abcdef')).toBe('Høyst 3 tegn');
    expect(msg(z.string().min(1), '')).toBe('Må fylles ut');
    expect(msg(z.number(), Number.NaN)).toBe('Skriv et tall');
    setSchemaLocale('en');
    expect(msg(z.string().max(3), 'abcdef')).toBe('At most 3 characters');
    expect(msg(z.string().min(1), '')).toBe('Required');
    expect(msg(z.number(), Number.NaN)).toBe('Enter a number');
    expect(msg(z.object({ a: z.string() }), {})).toBe('Required');
  });

  it('puts what the router and the sandbox said in the UI’s words; unknown wire text is never shown', async () => {
    await i18next.init({ resources: { en: { translation: en }, nb: { translation: nb } }, lng: 'en', initAsync: false });
    const en_ = i18next.getFixedT('en');
    const nb_ = i18next.getFixedT('nb');
    expect(serverFieldMessage(en_, 'Too small: expected string to have >=1 characters')).toBe('Required');
    expect(serverFieldMessage(en_, 'Invalid input: expected number, received NaN')).toBe('Enter a number');
    expect(serverFieldMessage(en_, 'statementContactNo (reuse a contact) or statementContactDetails (a new contact) is required')).toBe('Reuse a statement contact or enter a new one');
    expect(serverFieldMessage(en_, 'may be at most 100 characters (got 120)')).toBe('At most 100 characters');
    expect(serverFieldMessage(en_, '"XYZ" is not a known payment option')).toBe('This payment option cannot be used here');
    expect(serverFieldMessage(nb_, INPUT_RULE.postalCodeUnknown)).toBe('Dette postnummeret finnes ikke i postnummerregisteret');
    expect(serverFieldMessage(en_, 'acctManageBillingGroupDetails[0].acctManageBillingGroupDetailsADD.payOptionInfo.payOptionID: boom')).toBe(
      'Not accepted by the billing system; check this value',
    );
    expect(serverFieldMessage(nb_, 'something only the billing system knows')).toBe('Ikke godtatt av faktureringssystemet; sjekk denne verdien');
  });
});
