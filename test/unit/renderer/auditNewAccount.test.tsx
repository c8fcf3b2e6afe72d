// A new account in the audit log, as a supervisor reads it: the payment option by its name
// ("Payment option → Bank giro invoice", never "Payment option ID → BANKGIRO"), the other
// codes of the create in words, the confirmed before → after once (not as "changes › path"
// rows), and "new account" instead of account 0 — in English and Bokmål. The entry is
// shaped as the write pipeline records a create made in the dialog (main/core/outbox/pipeline.ts
// afterOf: the command's account plus the changes the confirmation showed).
import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { EntryDetails } from '../../../renderer/features/audit/AuditDetails';
import { changeSummary, valueInWords } from '../../../renderer/features/audit/auditWords';
import { changeLocale, initI18n } from '../../../renderer/i18n';
import { formatters } from '../../../renderer/i18n/format';
import type { AuditEntryView } from '../../../shared/ipc';
import { renderUi } from './harness';

const account = {
  accountContact: { countryCode: 'NO', emailAddress: 'sigrid@example.no', fullName: 'Sigrid Revisjon' },
  acctCreateAccountPayOptionInfo: { payOptionID: 'BANKGIRO', payOptionVariant: 'EPOST' },
  ariaAccountID: 'CSR-WHMHQ0V6PSDR',
  channelCode: 'CSR',
  currencyCode: 'NOK',
  customerType: 'CONSUMER',
  languageCode: 'NO',
  localeCode: 'NO-BOKMAL',
  notifyMethod: 'PDF',
  ownerTitleCode: 'RB',
  requestSource: 'CSR',
  taxpayerExemptionLevel: 'NONE',
};
/** What the confirmation showed: nothing → each field, in the form's order (no client account ID: main fixes it). */
const changes = [
  { path: 'currencyCode', before: null, after: 'NOK' },
  { path: 'localeCode', before: null, after: 'NO-BOKMAL' },
  { path: 'languageCode', before: null, after: 'NO' },
  { path: 'notifyMethod', before: null, after: 'PDF' },
  { path: 'acctCreateAccountPayOptionInfo.payOptionID', before: null, after: 'BANKGIRO' },
  { path: 'acctCreateAccountPayOptionInfo.payOptionVariant', before: null, after: 'EPOST' },
  { path: 'accountContact.fullName', before: null, after: 'Sigrid Revisjon' },
  { path: 'accountContact.emailAddress', before: null, after: 'sigrid@example.no' },
  { path: 'accountContact.countryCode', before: null, after: 'NO' },
  { path: 'ownerTitleCode', before: null, after: 'RB' },
  { path: 'customerType', before: null, after: 'CONSUMER' },
  { path: 'channelCode', before: null, after: 'CSR' },
  { path: 'taxpayerExemptionLevel', before: null, after: 'NONE' },
  { path: 'requestSource', before: null, after: 'CSR' },
];
const entry: AuditEntryView = {
  seq: 2,
  deskId: '8e54b96c-a916-47c9-9c32-40af444fa746',
  at: '2026-12-03T17:24:02.035Z',
  kind: 'intent',
  operator: { id: 'demo-agent', displayName: 'Demo Agent', role: 'agent' },
  action: 'account.create',
  accountNo: 0,
  requestId: '08029054-657a-4e12-abd4-cfe89151d261',
  profile: 'Sandbox (embedded)',
  before: null,
  after: { account, changes },
  outcome: null,
  reason: null,
  detail: null,
  prevHash: '16eb3f06bb4f7a2257a13a7314c670238f010616feef4842850cb6dd48adc3b1',
  hash: '8a60eb118420d904a9407808848f902197ec449fe7039da79b63d60e95c14c10',
};
/** Only the payment option: what the one-line summary shows first. */
const payOnly = { before: null, after: { account: { acctCreateAccountPayOptionInfo: { payOptionID: 'BANKGIRO' } } } };

function rows(): Record<string, string> {
  const table = screen.getByTestId('changes-table');
  const out: Record<string, string> = {};
  for (const r of within(table).getAllByRole('row').slice(1)) out[within(r).getByRole('rowheader').textContent ?? ''] = within(r).getByTestId('after').textContent ?? '';
  return out;
}

describe('a new account in the audit log', () => {
  afterEach(() => changeLocale('en'));

  it('names the payment option, in English and Bokmål', () => {
    const i18n = initI18n('en');
    expect(changeSummary(i18n.getFixedT('en'), formatters('en'), payOnly)).toBe('Account › Payment › Payment option: — → Bank giro invoice');
    expect(changeSummary(i18n.getFixedT('nb'), formatters('nb'), payOnly)).toBe('Konto › Betaling › Betalingsvalg: — → Faktura med bankgiro');
    const t = i18n.getFixedT('en');
    expect(valueInWords(t, formatters('en'), 'account.acctCreateAccountPayOptionInfo.payOptionID', 'BANKGIRO-01')).toBe('Bank giro with KID');
    // An option the desk has no name for (another desk's, or one added later): as it came, never a crash.
    expect(valueInWords(t, formatters('en'), 'acctCreateAccountPayOptionInfo.payOptionID', 'AVTALEGIRO')).toBe('AVTALEGIRO');
    expect(valueInWords(t, formatters('en'), 'acctCreateAccountPayOptionInfo.payOptionID', '')).toBe('');
  });

  it('shows the details in words: the confirmed fields once, every code translated', () => {
    renderUi(<EntryDetails entry={entry} testId="audit-details" />);
    expect(rows()).toEqual({
      Currency: 'NOK',
      'Language of letters': 'Norwegian Bokmål',
      Language: 'Norwegian',
      'Statement delivery': 'Email with PDF',
      'Payment › Payment option': 'Bank giro invoice',
      'Payment › Variant': 'Invoice by email',
      'Contact › Full name': 'Sigrid Revisjon',
      'Contact › Email': 'sigrid@example.no',
      'Contact › Country': 'Norway',
      'Owning title': 'Romerikes Blad',
      'Customer type': 'Private customer',
      Channel: 'Customer service',
      'VAT exemption': 'No VAT exemption',
      'Created from': 'Customer service',
      // Not on the confirmation (main fixed it when the create was queued): from what was sent.
      'Account › Client account ID': 'CSR-WHMHQ0V6PSDR',
    });
    const details = screen.getByTestId('audit-details');
    expect(details).not.toHaveTextContent(/BANKGIRO|changes|Payment option ID/);
    expect(within(details).getByText('New account')).toBeInTheDocument();
  });

  it('says the same in Bokmål', () => {
    changeLocale('nb');
    renderUi(<EntryDetails entry={entry} testId="audit-details" />);
    const r = rows();
    expect(r['Betaling › Betalingsvalg']).toBe('Faktura med bankgiro');
    expect(r['Betaling › Variant']).toBe('Faktura på e-post');
    expect(r['Språk']).toBe('Norsk');
    expect(r['Kundetype']).toBe('Privatkunde');
    expect(r['Språk i brev']).toBe('Bokmål');
    expect(screen.getByTestId('audit-details')).not.toHaveTextContent(/BANKGIRO|Betalingsvalg-ID/);
    expect(within(screen.getByTestId('audit-details')).getByText('Ny konto')).toBeInTheDocument();
  });
});
