// What the business offers a new account made at the desk (issue 10 item 2, decision D62):
// the defaults, and the choices a form may show. AMPS has no call that lists payment options
// or titles, so they are written down here — from the sandbox's reference data, the
// business's configuration as this project knows it — and a test compares them with the
// sandbox's database (test/integration/newAccountOffer.test.ts), so the two cannot drift.

export const NEW_ACCOUNT_DEFAULTS = {
  currencyCode: 'NOK',
  /** Bokmål, the first of the three locales (004); languageCode NO goes with every Norwegian locale. */
  localeCode: 'NO-BOKMAL',
  languageCode: 'NO',
  notifyMethod: 'PDF',
  customerType: 'CONSUMER',
  taxpayerExemptionLevel: 'NONE',
  /** The desk is the CSR platform (004 requestSource). */
  requestSource: 'CSR',
  channelCode: 'CSR',
  payOptionID: 'BANKGIRO',
  payOptionVariant: 'STANDARD',
} as const;

/** Payment options a new account may get from the CSR platform, with their variants (first = default). */
export const NEW_ACCOUNT_PAY_OPTIONS: readonly { id: string; variants: readonly string[]; needsEan: boolean }[] = [
  { id: 'BANKGIRO', variants: ['STANDARD', 'EPOST', 'PAPIR'], needsEan: false },
  { id: 'BANKGIRO-01', variants: ['STANDARD', 'OCR'], needsEan: false },
  { id: 'EHF', variants: ['STANDARD'], needsEan: true },
];

/** The titles an account can be owned by (ownerTitleCode). */
export const OWNER_TITLES: readonly { code: string; name: string }[] = [
  { code: 'SA', name: 'Sande Avis' },
  { code: 'RB', name: 'Romerikes Blad' },
  { code: 'DT', name: 'Drammens Tidende' },
  { code: 'TT', name: 'Tangotidene' },
  { code: 'FV', name: 'Fjordavisa' },
  { code: 'NL', name: 'Nordlys' },
];

export const NEW_ACCOUNT_LOCALES = ['NO-BOKMAL', 'NO-NYNORSK', 'NO-BOKMAL-A-ENDING', 'OTHER'] as const;
export const NOTIFY_METHODS = ['PDF', 'HTML', 'TEXT', 'XML', 'NONE'] as const;
