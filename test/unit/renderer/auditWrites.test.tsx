// Every kind of write in the audit log and the supervisor workspace, as a supervisor reads it:
// what was changed, in words, in English and Bokmål — never the request's wire form (an
// account change's `actions` with `actionDirective: STATUS`), never a field that was not
// changed shown as cleared ("User ID: x → —"), never a field twice because the request holds
// a number where the confirmation has text (bill day 15 and "15"), and no "Open account 0"
// for a create. The entries in auditWrites.entries.json were captured from the desk's own
// audit log after the e2e specs made each write through the web host's UI (contact, manage
// account, billing group, card, permanent address, plan, comment), as they are stored.
import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { EntryDetails } from '../../../renderer/features/audit/AuditDetails';
import { changeSummary } from '../../../renderer/features/audit/auditWords';
import { ReviewPanel } from '../../../renderer/features/supervision/ReviewPanel';
import { changeLocale, initI18n } from '../../../renderer/i18n';
import { formatters } from '../../../renderer/i18n/format';
import type { AuditEntryView } from '../../../shared/ipc';
import captured from './auditWrites.entries.json';
import { renderUi } from './harness';

const E = captured as unknown as Record<keyof typeof captured, AuditEntryView>;

/** The before → after table as "label: before → after" lines. */
function changeRows(): string[] {
  const table = screen.getByTestId('changes-table');
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((r) => `${within(r).getByRole('rowheader').textContent}: ${within(r).getByTestId('before').textContent} → ${within(r).getByTestId('after').textContent}`);
}

/** A definition list (the header, the outcome's answer, the details) as "label: value" lines. */
function items(el: HTMLElement): string[] {
  const dts = Array.from(el.querySelectorAll(':scope > dt'));
  return dts.map((dt) => `${dt.textContent}: ${dt.nextElementSibling?.textContent}`);
}

const summary = (lang: 'en' | 'nb', e: AuditEntryView) => changeSummary(initI18n(lang).getFixedT(lang), formatters(lang), e);

describe('account changes in the audit log', () => {
  afterEach(() => changeLocale('en'));

  it('a ban shows the confirmed status change only, not the actions sent', () => {
    renderUi(<EntryDetails entry={E.banIntent} testId="audit-details" />);
    expect(changeRows()).toEqual(['Status: Active → Archived (banned)']);
    const details = screen.getByTestId('audit-details');
    expect(details).not.toHaveTextContent(/actionDirective|STATUS|BANNED|acctManage|ariaAccountNo|actions/);
    // The user ID the account had and kept is not shown as cleared.
    expect(details).not.toHaveTextContent(/User ID/);
    expect(summary('en', E.banIntent)).toBe('Status: Active → Archived (banned)');
  });

  it('says the same in Bokmål', () => {
    changeLocale('nb');
    renderUi(<EntryDetails entry={E.assignIntent} testId="audit-details" />);
    expect(changeRows()).toEqual(['Bruker-ID: — → e2e-user-42000310', 'Status: Aktiv → Inaktiv']);
    expect(screen.getByTestId('audit-details')).not.toHaveTextContent(/actionDirective|ASSIGN|DEACTIVATE|newUserID/);
    expect(summary('nb', E.banOutcome)).toBe('Status: utført');
    expect(summary('nb', E.assignOutcome)).toBe('Nye ID-er: utført; Status: utført');
  });

  it('an outcome says what became of each action, in words', () => {
    renderUi(<EntryDetails entry={E.assignOutcome} testId="audit-details" />);
    expect(items(screen.getByTestId('audit-result'))).toEqual(['New IDs: made', 'Status: made']);
    expect(screen.getByTestId('audit-details')).not.toHaveTextContent(/resultCode|actionDirective|results/);
    expect(summary('en', E.banOutcome)).toBe('Status: made');
  });

  it('a refusal names the refused field in words', () => {
    renderUi(<EntryDetails entry={E.rejected} testId="audit-details" />);
    const lines = items(screen.getAllByRole('definition')[0]!.closest('div')!.parentElement!.querySelectorAll('dl')[1] as HTMLElement);
    expect(lines).toContain('Refused › Field: Account change › New IDs › New client account ID');
    expect(lines).toContain('What happened: Refused by the billing system');
  });

  it('an account change made through the API alone, without the confirmation’s rows, reads from its actions', () => {
    const { changes: _c, ...after } = E.banIntent.after as Record<string, unknown>;
    renderUi(<EntryDetails entry={{ ...E.banIntent, after }} testId="audit-details" />);
    expect(changeRows()).toEqual(['Status: Active → Archived (banned)']);
  });

  it('a contact change shows the two phones and nothing of the request', () => {
    renderUi(<EntryDetails entry={E.contactIntent} testId="audit-details" />);
    expect(changeRows()).toEqual(['Home phone: — → +47 22 33 44 55', 'Mobile phone: +47 98 62 75 69 → +47 93 45 67 89']);
  });
});

describe('the other writes in the audit log', () => {
  afterEach(() => changeLocale('en'));

  it('a billing group change: the confirmed terms, the group beside the account, nothing sent unchanged', () => {
    renderUi(<EntryDetails entry={E.groupIntent} testId="audit-details" />);
    expect(changeRows()).toEqual(['Payment terms › Payment terms: Vipps → EHF e-invoice', 'Payment terms › EAN number: — → 7080420000692', 'Payment terms › EAN requisition number: — → REQ-E2E']);
    expect(screen.getByText('VIPPS (41000090)')).toBeInTheDocument();
    expect(screen.getByTestId('audit-details')).not.toHaveTextContent(/ariaDunningGroup|VIPPS-01|Billing group › Payment option/);
  });

  it('a card: the card that replaced the old one, not the payment method number or the new-group flag', () => {
    changeLocale('nb');
    renderUi(<EntryDetails entry={E.cardIntent} testId="audit-details" />);
    expect(changeRows()).toHaveLength(1);
    expect(screen.getByTestId('audit-details')).not.toHaveTextContent(/paymentMethodNo|createNewBillingGroup|billingGroupNo|✗/);
    expect(screen.getByText('41000011')).toBeInTheDocument();
  });

  it('a permanent address: the address type in words, the date, no wire names', () => {
    renderUi(<EntryDetails entry={E.addressIntent} testId="audit-details" />);
    const r = changeRows();
    expect(r).toContain('Address › Address type: — → Cabin address');
    expect(r).toContain('Change › Effective from: — → 03/12/2026');
    expect(screen.getByTestId('audit-details')).not.toHaveTextContent(/CABIN|distAddressType|ariaAccountNo/);
  });

  it('a plan change: the plan first, the rule and the amounts in words, the old plan number not shown as cleared', () => {
    changeLocale('nb');
    renderUi(<EntryDetails entry={E.planIntent} testId="audit-details" />);
    expect(changeRows()).toEqual([
      'Produkt: Helg (fre-lør) → Digital',
      'Bedt om › Regel for endringen: — → Nå, med forholdsmessig avregning',
      'Bedt om › Nytt produktnummer: — → 20605',
      'Bedt om › Antall: — → 1',
      'Belastet: — → 49,83\u00a0kr',
      'Kreditert: — → 66,50\u00a0kr',
      'Valuta: — → NOK',
      'Gjelder fra: — → 03.12.2026',
      'Differanse: — → −16,67\u00a0kr',
      'Beløp neste faktura: — → 299,00\u00a0kr',
      'Neste faktura: — → 08.12.2026',
      'Planlagt: — → Nei',
    ]);
    // Before: "Asked for › Rule for the change: — → 4", "Plan number: 20603 → —", "Scheduled: — → ✗".
    expect(screen.getByTestId('audit-details')).not.toHaveTextContent(/20603|✗/);
  });

  it('a comment’s outcome gives its comment numbers once', () => {
    expect(summary('en', E.commentOutcome)).toBe('Comment number: 50002123, 50002124');
    expect(summary('nb', E.commentOutcome)).toBe('Kommentarnummer: 50002123, 50002124');
  });
});

describe('a new account', () => {
  it('a bill day sent as a number and confirmed as text shows once', () => {
    const e = {
      before: null,
      after: { account: { altBillDay: 15, currencyCode: 'NOK' }, changes: [{ path: 'currencyCode', before: null, after: 'NOK' }, { path: 'altBillDay', before: null, after: '15' }] },
    };
    expect(summary('en', e as unknown as AuditEntryView)).toBe('Currency: — → NOK; Billing day: — → 15');
  });

  it('offers no "Open account 0" in the supervisor workspace', () => {
    const entry = { ...E.banIntent, action: 'account.create', accountNo: 0 };
    renderUi(<ReviewPanel row={{ entry, review: null }} />);
    expect(screen.queryByTestId('supervision-drill')).toBeNull();
    renderUi(<ReviewPanel row={{ entry: E.banIntent, review: null }} />);
    expect(screen.getByTestId('supervision-drill')).toHaveTextContent('42000139');
  });
});
