// Generates one demo account with everything hanging off it, from the seeded PRNG alone
// (no clock, no database), so the same seed always gives the same data (issue item 6).
import { weightedTable, type Prng } from './prng';
import { COMPANY_KIND, COMPANY_PREFIX, EMAIL_DOMAINS, FEMALE_FIRST, LAST_NAMES, MALE_FIRST, asciiName } from './names';
import { DELIVERY_NAMES, FLAT_SPECS, PLACES, type Place } from './places';
import { DUNNING_PROCESSES, PAY_OPTIONS, TITLES } from './reference';
import { COMMENT_APPS, COMMENT_AUTHORS, longCommentParts, shortComment } from './texts';
import { LOCALES } from '../../../shared/amps/codes';
import type { ContactRow } from '../store/rows';

/** Seeded data ends here, so it never depends on today's date. */
export const SEED_ANCHOR_MS = Date.UTC(2025, 11, 31, 12, 0, 0);
const DAY = 86_400_000;
export const BASES = {
  account: 42_000_000, contact: 103_000_000, billingGroup: 41_000_000, dunningGroup: 43_000_000,
  planInstance: 130_000_000, invoice: 70_000_000, statement: 80_000_000, seqStatement: 0, comment: 50_000_000,
  /** Time field of the seeded time-ordered IDs: one millisecond per ID from 2016. */
  idClock: Date.UTC(2016, 0, 1),
} as const;
export type Counters = { -readonly [K in keyof typeof BASES]: number };
export const initialCounters = (): Counters => ({ ...BASES });

const PLACE_WEIGHTS = weightedTable(PLACES.map((p) => [p, p.weight] as const));
const STATUS_WEIGHTS = weightedTable([[1, 80], [0, 9], [32, 5], [99, 4], [-99, 2]] as const);
const LOCALE_WEIGHTS = weightedTable([[LOCALES[0], 80], [LOCALES[1], 12], [LOCALES[2], 8]] as const);
const NOTIFY_WEIGHTS = weightedTable([['PDF', 40], ['HTML', 35], ['TEXT', 10], ['XML', 10], ['NONE', 5]] as const);
const PAY_WEIGHTS = weightedTable([['BANKGIRO-01', 30], ['BANKGIRO', 10], ['AVTALEGIRO', 18], ['EFAKTURA', 12], ['EFAKTURA-AVTALEGIRO', 5], ['CREDITCARD', 15], ['VIPPS', 5]] as const);
const BRAND_WEIGHTS = weightedTable([['VISA', 55], ['MASTERCARD', 40], ['AMEX', 5]] as const);
const MASTER_PLANS = ['Digital', 'Digital pluss', 'Papir + digital', 'Helg (fre-lør)', 'Lørdag', 'eAvis'] as const;
const SUPP_PLANS = ['Kryssord', 'Ekstra bruker', 'Magasin', 'Podkast pluss'] as const;
const PI_STATUS = weightedTable([['ACTIVE', 80], ['CANCELLED', 15], ['SUSPENDED', 5]] as const);
const GROUP_COUNT = weightedTable([[1, 75], [2, 21], [3, 4]] as const);
const MASTER_COUNT = weightedTable([[0, 15], [1, 70], [2, 13], [3, 2]] as const);
const INVOICE_COUNT = weightedTable([[0, 25], [1, 45], [2, 22], [3, 8]] as const);
const COMMENT_COUNT = weightedTable([[0, 45], [1, 30], [2, 13], [3, 7], [5, 4], [8, 1]] as const);
const EMAIL_DOMAIN = weightedTable(EMAIL_DOMAINS);
const COMMENT_APP = weightedTable(COMMENT_APPS);
const PAY_OPTION = new Map(PAY_OPTIONS.map((o) => [o.id, o]));
const DELIVERY_TYPES = weightedTable([['CABIN', 40], ['HOLIDAY', 30], ['TEMP', 20], ['WORK', 10]] as const);

export interface GeneratedAccount {
  account: {
    account_no: number; account_id: string; user_id: string | null; status: number; banned: number; currency: string;
    balance_ore: number; locale: string; language: string; notify_method: string; owner_title_code: string;
    customer_type: string; contact_no: number; spec_mpi_no: number; channel_code: string; reservation_code: string;
    reservation_code_date: string | null; source_code: string; consent_code: string; consent_code_date: string | null;
    taxpayer_id: string | null; tax_exemption: string; purchase_order_no: string | null; start_date: string;
    migrated_customer_id: string | null; bill_day: number; request_source: string;
  };
  contacts: ContactRow[];
  groups: (string | number | null)[][];
  cards: (string | number)[][];
  plans: (string | number | null)[][];
  deliveries: (string | number)[][];
  permChanges: (number | null)[][];
  invoices: (string | number)[][];
  comments: (string | number | null)[][];
}

const asciiCache = new Map<string, string>();
const ascii = (name: string) => {
  let a = asciiCache.get(name);
  if (a === undefined) asciiCache.set(name, (a = asciiName(name)));
  return a;
};
const pad = (n: number, w: number) => String(n).padStart(w, '0');
const dayCache = new Map<number, string>();
/** "YYYY-MM-DD" of an instant; cached per day (the seeder formats millions of dates). */
const isoDay = (ms: number) => {
  const day = Math.floor(ms / DAY);
  let s = dayCache.get(day);
  if (s === undefined) dayCache.set(day, (s = new Date(day * DAY).toISOString().slice(0, 10)));
  return s;
};

/** MOD10 (Luhn) check digit, as Norwegian KID numbers use. */
export function mod10(digits: string): string {
  let sum = 0;
  for (let i = digits.length - 1, dbl = true; i >= 0; i--, dbl = !dbl) {
    let d = digits.charCodeAt(i) - 48;
    if (dbl) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

function phone(r: Prng, prefix: string): string {
  return `+47${prefix}${r.digits(8 - prefix.length)}`;
}

function person(r: Prng, place: Place, contactNo: number, accountNo: number, withAddress: boolean): ContactRow {
  const female = r.chance(0.5);
  const first = r.pick(female ? FEMALE_FIRST : MALE_FIRST);
  const last = r.pick(LAST_NAMES);
  const middle = r.chance(0.08) ? r.pick(female ? FEMALE_FIRST : MALE_FIRST)[0]! : '';
  const street = r.pick(place.streets);
  const no = `${r.int(1, 140)}${r.chance(0.1) ? 'ABC'[r.int(0, 2)] : ''}`;
  const hasFlat = r.chance(0.25);
  const floor = r.int(1, 6);
  const flatNo = hasFlat ? `H${pad(floor, 2)}${pad(r.int(1, 4), 2)}` : '';
  const range = r.pick(place.postal);
  const local = `${ascii(first)}${r.pick(['.', '', '_'])}${ascii(last)}${r.chance(0.4) ? r.int(1, 99) : ''}`;
  return {
    contact_no: contactNo, account_no: accountNo, first_name: first, middle_initials: middle, last_name: last,
    full_name: middle ? `${first} ${middle}. ${last}` : `${first} ${last}`,
    address_line1: withAddress ? `${street} ${no}` : '', address_line2: withAddress && hasFlat ? flatNo : '',
    address_line3: '', country_code: 'NO',
    postal_code: withAddress ? pad(r.int(range[0], range[1]), 4) : '', postal_city: withAddress ? place.city : '',
    locality: '', state_prov: '', street_name: withAddress ? street : '', street_no: withAddress ? no : '',
    flat_no: flatNo, flat_spec: hasFlat ? r.pick(FLAT_SPECS) : '', flat_floor: hasFlat ? String(floor) : '', entrance_no: '',
    home_phone: r.chance(0.25) ? phone(r, place.landline) : '',
    cell_phone: r.chance(0.92) ? phone(r, r.pick(['4', '9'])) : '',
    work_phone: r.chance(0.1) ? phone(r, r.pick(['2', '5', '7'])) : '',
    email: r.chance(0.88) ? `${local}@${r.draw(EMAIL_DOMAIN)}` : '',
    birth_date: r.chance(0.7) ? `${r.int(1935, 2005)}-${pad(r.int(1, 12), 2)}-${pad(r.int(1, 28), 2)}` : null,
  };
}

export function generateAccount(r: Prng, index: number, c: Counters): GeneratedAccount {
  const accountNo = ++c.account;
  const place = r.draw(PLACE_WEIGHTS);
  const business = r.chance(0.06);
  const owner = person(r, place, ++c.contact, accountNo, true);
  if (business) {
    owner.full_name = `${r.pick(COMPANY_PREFIX)}${r.pick(COMPANY_KIND).toLowerCase()}`.replace(/^./, (ch) => ch.toUpperCase());
    owner.birth_date = null;
  }
  const contacts: ContactRow[] = [owner];
  const startMs = SEED_ANCHOR_MS - r.int(30, 20 * 365) * DAY;
  const titleCode = r.pick(TITLES).code;
  const status = r.draw(STATUS_WEIGHTS);
  const balance = r.chance(0.7) ? 0 : r.chance(0.66) ? r.int(99, 1999) * 100 : -r.int(49, 499) * 100;
  const consent = r.pick(['NONE', 'EPOST', 'SMS', 'ALLE']);
  const reservation = r.pick(['NONE', 'NONE', 'RESERVERT']);
  const specMpiNo = ++c.planInstance;
  const account: GeneratedAccount['account'] = {
    account_no: accountNo, account_id: r.uuid7(++c.idClock),
    user_id: r.chance(0.65) ? `${ascii(owner.first_name)}.${ascii(owner.last_name)}.${index}` : null,
    status, banned: 0, currency: 'NOK', balance_ore: balance, locale: r.draw(LOCALE_WEIGHTS), language: 'NO',
    notify_method: r.draw(NOTIFY_WEIGHTS), owner_title_code: titleCode, customer_type: business ? 'BUSINESS' : 'CONSUMER',
    contact_no: owner.contact_no, spec_mpi_no: specMpiNo, channel_code: r.pick(['WEB', 'CSR', 'KAMPANJE', 'TELEFON', 'BUTIKK']),
    reservation_code: reservation, reservation_code_date: reservation === 'NONE' ? null : isoDay(startMs + r.int(0, 300) * DAY),
    source_code: r.pick(['NONE', 'KAMP-HOST', 'KAMP-VAR', 'VERV', 'ABO-SALG']), consent_code: consent,
    consent_code_date: consent === 'NONE' ? null : isoDay(startMs + r.int(0, 300) * DAY),
    taxpayer_id: business ? `9${r.digits(8)}` : null, tax_exemption: business && r.chance(0.2) ? 'FULL' : 'NONE',
    purchase_order_no: business && r.chance(0.5) ? `PO-${r.digits(6)}` : null, start_date: isoDay(startMs),
    migrated_customer_id: r.chance(0.3) ? `M${1_000_000 + index * 3 + r.int(0, 2)}` : null, bill_day: r.int(1, 28), request_source: r.pick(['WEB', 'CSR']),
  };

  const groups: GeneratedAccount['groups'] = [];
  const cards: GeneratedAccount['cards'] = [];
  const groupCount = r.draw(GROUP_COUNT);
  for (let g = 0; g < groupCount; g++) {
    const optionId: string = business && r.chance(0.3) ? 'EHF' : r.draw(PAY_WEIGHTS);
    const option = PAY_OPTION.get(optionId)!;
    let stmtContact = owner.contact_no;
    if (g > 0 && r.chance(0.3)) {
      const other = person(r, r.draw(PLACE_WEIGHTS), ++c.contact, accountNo, true);
      contacts.push(other);
      stmtContact = other.contact_no;
    }
    let primaryPm: number | null = null;
    if (option.option === 'METHODS') {
      primaryPm = cards.length + 1;
      const year = r.int(2022, 2031);
      cards.push([accountNo, primaryPm, `PM-${r.uuid7(++c.idClock)}`, 'CC', r.draw(BRAND_WEIGHTS), r.digits(4), r.int(1, 12), year, owner.contact_no, startMs]);
    }
    const title = r.chance(0.5) ? titleCode : null;
    const variant = r.pick(option.variants).id;
    const name = g === 0 && r.chance(0.3) ? 'Default' : option.terms;
    const desc = name === 'Default' ? 'Default' : option.desc[0];
    const ehf = option.terms === 'EHF';
    const bgNo = ++c.billingGroup;
    const dgNo = ++c.dunningGroup;
    groups.push([bgNo, `BG-${r.uuid7(++c.idClock)}`, accountNo, title, name, desc, g > 0 && r.chance(0.05) ? 'INACTIVE' : 'ACTIVE',
        account.notify_method, option.option, option.terms, `${option.terms}-01`, ehf ? `7080003${r.digits(6)}` : null,
        ehf ? `REQ-${r.digits(5)}` : null, optionId, variant, primaryPm, null, account.request_source, stmtContact,
      dgNo, `DG-${r.uuid7(++c.idClock)}`, name === 'Default' ? 'DEFAULT' : name, desc, r.pick(DUNNING_PROCESSES)]);
  }

  const firstBg = groups[0]![0] as number;
  const plans: GeneratedAccount['plans'] = [[specMpiNo, `MPI-${r.uuid7(++c.idClock)}`, accountNo, null, 'SPECIAL', null, 'ACTIVE', 1, firstBg, startMs]];
  const masters = r.draw(MASTER_COUNT);
  for (let m = 0; m < masters; m++) {
    const mpiNo = ++c.planInstance;
    const bg = groups[r.int(0, groups.length - 1)]![0] as number;
    const created = startMs + r.int(0, 200) * DAY;
    plans.push([mpiNo, `MPI-${r.uuid7(++c.idClock)}`, accountNo, null, r.pick(MASTER_PLANS), r.chance(0.7) ? titleCode : r.pick(TITLES).code, r.draw(PI_STATUS), 0, bg, created]);
    if (r.chance(0.1)) plans.push([++c.planInstance, `MPI-${r.uuid7(++c.idClock)}`, accountNo, mpiNo, r.pick(SUPP_PLANS), null, 'ACTIVE', 0, bg, created]);
  }

  const deliveries: GeneratedAccount['deliveries'] = [];
  const permChanges: GeneratedAccount['permChanges'] = [];
  if (r.chance(0.15)) {
    const n = r.chance(0.8) ? 1 : 2;
    for (let d = 1; d <= n; d++) {
      const p = r.draw(PLACE_WEIGHTS);
      const range = r.pick(p.postal);
      const street = r.pick(p.streets);
      const no = String(r.int(1, 90));
      deliveries.push([accountNo, d, r.draw(DELIVERY_TYPES), r.pick(DELIVERY_NAMES), `${street} ${no}`, street, no, p.city, pad(r.int(range[0], range[1]), 4), 'NO']);
      if (r.chance(0.3)) permChanges.push([accountNo, null, d, SEED_ANCHOR_MS - r.int(0, 700) * DAY, SEED_ANCHOR_MS - r.int(700, 900) * DAY]);
    }
  }

  const invoices: GeneratedAccount['invoices'] = [];
  const invoiceCount = r.draw(INVOICE_COUNT);
  for (let k = 0; k < invoiceCount; k++) {
    const invoiceNo = ++c.invoice;
    const base = `${String(accountNo).slice(-7)}${pad(invoiceNo % 10000, 4)}`;
    invoices.push([invoiceNo, accountNo, ++c.statement, ++c.seqStatement, base + mod10(base), r.int(99, 1999) * 100, isoDay(SEED_ANCHOR_MS - r.int(0, 900) * DAY)]);
  }

  const comments: GeneratedAccount['comments'] = [];
  const commentCount = r.draw(COMMENT_COUNT);
  for (let k = 0; k < commentCount; k++) {
    const at = startMs + Math.floor(r.next() * (SEED_ANCHOR_MS - startMs));
    const author = r.pick(COMMENT_AUTHORS);
    const app = r.draw(COMMENT_APP);
    const texts = r.chance(0.04) ? longCommentParts(r) : [shortComment(r)];
    for (const text of texts) comments.push([++c.comment, accountNo, author, at, text, app, app ? at - r.int(1, 600) * 1000 : null]);
  }
  return { account, contacts, groups, cards, plans, deliveries, permChanges, invoices, comments };
}
