// The audit screen's words: the verdict for every kind of problem, in both languages, and
// an entry's change as "field: before → after"; the typed filter as a query.
import { describe, expect, it } from 'vitest';
import { initI18n } from '../../../renderer/i18n';
import { formatters } from '../../../renderer/i18n/format';
import { actionLabel, changeSummary, stateLabel, verdictWords } from '../../../renderer/features/audit/auditWords';
import { toQuery } from '../../../renderer/state/auditStore';
import type { AuditVerdictView } from '../../../shared/ipc';

const base = { entries: 120, checkedAt: '2026-12-01T08:00:00.000Z', ms: 4 };
const bad = (problem: AuditVerdictView['problem']): AuditVerdictView => ({ ...base, ok: false, problem });

describe('audit words', () => {
  it('says the verdict in English and Bokmål', async () => {
    const i18n = initI18n('en');
    const t = i18n.getFixedT('en');
    const nb = i18n.getFixedT('nb');
    expect(verdictWords(t, { ...base, ok: true, checkpoints: 1, signedThrough: 120 }, (n) => n.toLocaleString('en-GB'))).toBe(
      'The log is intact: 120 entries checked, 1 signed checkpoints, signed through entry 120.',
    );
    expect(verdictWords(t, bad({ seq: 17, what: 'edited', message: '' }))).toBe('Entry 17 was edited.');
    expect(verdictWords(nb, bad({ seq: 17, what: 'edited', message: '' }))).toBe('Oppføring 17 er endret.');
    expect(verdictWords(t, bad({ seq: 5, what: 'removed', message: '' }))).toBe('Entry 5 was removed.');
    expect(verdictWords(t, bad({ seq: 23, last: 25, what: 'removed', message: '' }))).toBe('Entries 23–25 were removed.');
    expect(verdictWords(t, bad({ seq: 9, what: 'inserted', message: '' }))).toBe('An entry was inserted at position 9.');
    expect(verdictWords(t, bad({ seq: 26, last: 27, what: 'inserted', message: '' }))).toBe('Entries 26–27 were added after the last entry the desk signed.');
    expect(verdictWords(t, bad({ seq: 5, what: 'reordered', message: '' }))).toBe('Entries are out of order from entry 5.');
    expect(verdictWords(t, bad({ seq: 10, what: 'checkpoint', cause: 'bad-signature', message: '' }))).toBe('The signature at entry 10 is not valid.');
    expect(verdictWords(t, bad({ seq: 10, what: 'checkpoint', cause: 'mismatch', message: '' }))).toBe('Entries up to 10 were rewritten after the desk signed them.');
    expect(verdictWords(nb, bad({ seq: 0, what: 'checkpoint', cause: 'key-replaced', message: '' }))).toBe('Loggen er signert med en annen nøkkel enn dette skrivebordets.');
  });

  it('names actions and outcomes in words, never the code', () => {
    const t = initI18n('en').getFixedT('en');
    expect(actionLabel(t, 'billingGroups.modify')).toBe('Billing group changed');
    expect(actionLabel(t, 'session.signIn')).toBe('Signed in');
    expect(actionLabel(t, 'plans.replaceInstance')).toBe('Plans replace instance'); // not known yet: still words
    expect(stateLabel(t, { kind: 'outcome', outcome: 'UNKNOWN' })).toBe('Being checked');
    expect(stateLabel(t, { kind: 'intent', outcome: null })).toBe('Asked for');
  });

  it('writes the change as field: before → after', () => {
    const i18n = initI18n('en');
    const t = i18n.getFixedT('en');
    const f = formatters('en');
    expect(changeSummary(t, f, { before: { billingGroupName: 'Gruppe 1', notifyMethod: 'EMAIL' }, after: { billingGroupName: 'Gruppe 2', notifyMethod: 'EMAIL' } })).toBe('Name: Gruppe 1 → Gruppe 2');
    expect(changeSummary(t, f, { before: null, after: { text: 'Hei' } })).toBe('Text: — → Hei');
    expect(changeSummary(t, f, { before: { a: 1, b: 1, c: 1 }, after: { a: 2, b: 2, c: 2 } })).toBe('a: 1 → 2; b: 1 → 2 (+1 more)');
    // Codes in words, in the UI language: never TEXT → PDF.
    const change = { before: { notifyMethod: 'TEXT' }, after: { notifyMethod: 'PDF' } };
    expect(changeSummary(t, f, change)).toBe('Statement delivery: Text email → Email with PDF');
    expect(changeSummary(i18n.getFixedT('nb'), formatters('nb'), change)).toBe('Levering av utskrift: E-post (tekst) → E-post med PDF');
  });

  it('turns the typed filter into a query, or names the field to correct', () => {
    expect(toQuery({ from: '', to: '', operator: ' Kari ', account: '1001', text: ' 100% ' })).toEqual({ query: { operatorId: 'kari', accountNo: 1001, text: '100%' } });
    expect(toQuery({ from: '', to: '', operator: '', account: '12ab', text: '' })).toEqual({ problem: { field: 'account', key: 'accountDigits' } });
    expect(toQuery({ from: '2026-12-03', to: '2026-12-01', operator: '', account: '', text: '' })).toEqual({ problem: { field: 'to', key: 'toBeforeFrom' } });
    const q = toQuery({ from: '2026-12-01', to: '2026-12-01', operator: '', account: '', text: '' });
    // The desk's own calendar day, both ends: from local midnight to the next local midnight.
    expect(q).toEqual({ query: { from: new Date(2026, 11, 1).toISOString(), to: new Date(2026, 11, 2).toISOString() } });
  });
});
