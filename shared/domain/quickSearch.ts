// The quick-search recogniser: one box, and the app works out what was typed (docs/ui.md
// "Quick search"). It returns the kinds the text can be, best first; the search tries
// the first and, when that finds nothing, the next ones (an 8-digit number may be a
// phone number or an account number). A prefix such as "kid:" or "faktura 123" names
// the kind outright. Pure: no DOM, no i18n (the renderer names the kinds).

export const QUICK_KINDS = [
  'accountNo',
  'accountId',
  'userId',
  'email',
  'phone',
  'postalCode',
  'invoiceNo',
  'statementNo',
  'kid',
  'planInstance',
  'street',
  'city',
  'name',
] as const;
export type QuickKind = (typeof QUICK_KINDS)[number];

/** What accounts.search takes (criteria / contact / address), as plain data. */
export interface QuickSearchInput {
  criteria?: Record<string, string | number>;
  contact?: Record<string, string>;
  address?: Record<string, string>;
  /** contact.fullName read as the words a caller said: any order, with a city, one typo (D40). */
  nameAsWords?: true;
}

export interface Recognition {
  /** The text the search uses (prefix removed, trimmed). */
  term: string;
  /** Kinds this text can be searched as, best first; empty when it cannot be searched at all. */
  kinds: QuickKind[];
  /** True when a prefix named the kind ("kid: 123"): no fallback to other kinds. */
  explicit: boolean;
  /**
   * False while the text is too short to be worth searching as you type (one letter,
   * two digits); Enter still searches it.
   */
  complete: boolean;
}

/** Prefixes in English and Norwegian, matched case-insensitively. */
const prefix = (words: string, kind: QuickKind): [RegExp, QuickKind] => [
  // "kid: 123" always; "faktura 123" (a space) only when a number follows, so a name such
  // as "Post Hansen" is not read as a postal code.
  new RegExp(`^(?:${words})\\.?(?:\\s*:\\s*|\\s+(?=[\\d+]))`, 'i'),
  kind,
];
const PREFIXES: ReadonlyArray<[RegExp, QuickKind]> = [
  prefix('acct|account|konto|kontonr|kundenr|customer', 'accountNo'),
  prefix('id|aid', 'accountId'),
  prefix('user|userid|bruker', 'userId'),
  prefix('invoice|inv|faktura|fakt|fnr', 'invoiceNo'),
  prefix('statement|stmt|utskrift', 'statementNo'),
  prefix('kid|ref', 'kid'),
  prefix('plan|pi|abonnement|abo', 'planInstance'),
  prefix('tel|phone|mob|mobil|telefon|tlf', 'phone'),
  prefix('email|e-mail|mail|epost|e-post', 'email'),
  prefix('postal|post|postnr|zip', 'postalCode'),
  prefix('street|gate|adr|adresse|address', 'street'),
  prefix('city|by|sted|poststed', 'city'),
  prefix('name|navn', 'name'),
];

const DIGITS = /^\d+$/;
const PHONE_LIKE = /^\+?[\d\s-]+$/;
/** "Storgata 12", "Kongens gate 4B", "Bjørnstjerne Bjørnsons vei 12 a". */
const STREET = /^(\p{L}[\p{L}\s.'-]*?)\s+(\d{1,4}\s?\p{L}?)$/u;

const digitsOf = (s: string) => s.replace(/[\s-]/g, '');

function implicitKinds(term: string): { kinds: QuickKind[]; complete: boolean } {
  if (term.includes('@')) return { kinds: ['email', 'name'], complete: term.length >= 3 };
  if (/^(?:\+|00)/.test(term) && PHONE_LIKE.test(term.replace(/^00/, '+'))) {
    return { kinds: ['phone'], complete: digitsOf(term).replace(/^\+|^00/, '').length >= 6 };
  }
  if (PHONE_LIKE.test(term) && /\d/.test(term)) {
    const d = digitsOf(term);
    if (!DIGITS.test(d)) return { kinds: ['name'], complete: true };
    const grouped = /[\s-]/.test(term);
    const n = d.length;
    // Typed with spaces ("912 34 567", "22 33 44 55"): a phone number.
    if (grouped && n >= 8 && n <= 12) return { kinds: ['phone', 'accountNo'], complete: true };
    if (n <= 3) return { kinds: ['accountNo', 'invoiceNo'], complete: false };
    if (n === 4) return { kinds: ['postalCode', 'accountNo', 'invoiceNo'], complete: true };
    if (n === 5) return { kinds: ['accountNo', 'invoiceNo', 'statementNo'], complete: true };
    // A Norwegian number: 8 digits starting 2–9 (4/9 mobile, 2–7 landline).
    if (n === 8 && /^[2-9]/.test(d)) return { kinds: ['phone', 'accountNo', 'invoiceNo', 'kid'], complete: true };
    if (n >= 6 && n <= 9) return { kinds: ['accountNo', 'invoiceNo', 'kid', 'statementNo'], complete: true };
    if (n >= 10 && n <= 25) return { kinds: ['kid', 'invoiceNo', 'phone'], complete: true };
    return { kinds: ['name'], complete: true };
  }
  const street = STREET.exec(term);
  if (street) return { kinds: ['street', 'name'], complete: true };
  // "Like" searches need 3 characters to be selective (the sandbox refuses fewer).
  return { kinds: ['name', 'city', 'street', 'accountId', 'userId'], complete: term.length >= 3 };
}

/** Recognises what was typed; null for blank text. */
export function recogniseQuery(raw: string): Recognition | null {
  const text = raw.trim();
  if (!text) return null;
  for (const [re, kind] of PREFIXES) {
    const m = re.exec(text);
    if (m) {
      const term = text.slice(m[0].length).trim();
      if (!term) return { term: '', kinds: [kind], explicit: true, complete: false };
      return { term, kinds: [kind], explicit: true, complete: buildQuickSearch(kind, term) !== null };
    }
  }
  const { kinds, complete } = implicitKinds(text);
  const usable = kinds.filter((k) => buildQuickSearch(k, text) !== null);
  return { term: text, kinds: usable, explicit: false, complete: complete && usable.length > 0 };
}

/** Kinds the user may force for this term (the override menu): those it can be searched as. */
export function possibleKinds(term: string): QuickKind[] {
  return QUICK_KINDS.filter((k) => buildQuickSearch(k, term) !== null);
}

const posInt = (s: string): number | null => {
  const d = digitsOf(s);
  if (!DIGITS.test(d) || d.length > 15) return null;
  const n = Number(d);
  return n > 0 && Number.isSafeInteger(n) ? n : null;
};

/** The accounts.search input for a term searched as a kind; null when the term cannot be one. */
export function buildQuickSearch(kind: QuickKind, rawTerm: string): QuickSearchInput | null {
  const term = rawTerm.trim();
  if (!term) return null;
  switch (kind) {
    case 'accountNo': {
      const n = posInt(term);
      return n === null ? null : { criteria: { ariaAccountNo: n } };
    }
    case 'invoiceNo': {
      const n = posInt(term);
      return n === null ? null : { criteria: { ariaInvoiceNo: n } };
    }
    case 'statementNo': {
      const n = posInt(term);
      return n === null ? null : { criteria: { ariaStatementNo: n } };
    }
    case 'planInstance': {
      const n = posInt(term);
      return n === null ? { criteria: { ariaPIID: term } } : { criteria: { ariaPINo: n } };
    }
    case 'kid': {
      const d = digitsOf(term);
      return DIGITS.test(d) && d.length <= 30 ? { criteria: { custInvoiceRef: d } } : null;
    }
    case 'phone': {
      const p = term.replace(/^00/, '+');
      if (!PHONE_LIKE.test(p)) return null;
      const normal = (p.startsWith('+') ? '+' : '') + digitsOf(p).replace(/^\+/, '');
      return normal.replace('+', '').length >= 3 && normal.length <= 30 ? { criteria: { phoneNumber: normal } } : null;
    }
    case 'email':
      return term.includes('@') && term.length <= 254 && !/\s/.test(term) ? { criteria: { emailAddress: term.toLowerCase() } } : null;
    case 'postalCode':
      // Norwegian postal codes are 4 digits; foreign ones may have letters ("SW1A 1AA").
      return /^\d{3,6}$/.test(term) || /^(?=.*\d)(?=.*[A-Za-z])[\dA-Za-z -]{3,10}$/.test(term) ? { contact: { postalCode: term } } : null;
    case 'accountId':
      return term.length <= 50 ? { criteria: { ariaAccountID: term } } : null;
    case 'userId':
      return term.length <= 50 && !/\s/.test(term) ? { criteria: { userID: term } } : null;
    case 'street': {
      const m = STREET.exec(term);
      if (m) return { address: { searchStreetName: m[1]!.trim(), searchStreetNo: m[2]!.replace(/\s/g, '') } };
      // A street name searches "like": under 3 characters it would match too many.
      return /\p{L}/u.test(term) && term.length >= 3 && term.length <= 100 ? { address: { searchStreetName: term } } : null;
    }
    case 'city':
      return /\p{L}/u.test(term) && term.length >= 3 && term.length <= 100 ? { address: { searchCity: term } } : null;
    case 'name':
      return /\p{L}/u.test(term) && term.length <= 200 ? { contact: { fullName: term }, nameAsWords: true } : null;
  }
}
