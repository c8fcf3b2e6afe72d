// Reference data every sandbox database has, seeded or empty: newspaper titles, payment
// options and variants with their three translations, address types, dunning processes.
import type { DatabaseSync } from 'node:sqlite';
import { LOCALES } from '../../../shared/amps/codes';

type Trio = readonly [nb: string, nn: string, nbA: string];

interface TitleRef { code: string; domain: string; name: string; desc: Trio }
export const TITLES: readonly TitleRef[] = [
  { code: 'SA', domain: 'www.sandeavis.no', name: 'Sande Avis', desc: ['Lokalavis for Sande', 'Lokalavis for Sande', 'Lokalavisa for Sande'] },
  { code: 'RB', domain: 'www.rb.no', name: 'Romerikes Blad', desc: ['Regionavis for Romerike', 'Regionavis for Romerike', 'Regionavisa for Romerike'] },
  { code: 'DT', domain: 'www.dt.no', name: 'Drammens Tidende', desc: ['Dagsavis for Drammen og omegn', 'Dagsavis for Drammen og omlandet', 'Dagsavisa for Drammen og omegn'] },
  { code: 'TT', domain: 'www.tangotidene.no', name: 'Tangotidene', desc: ['Medlemsblad for tangoentusiaster', 'Medlemsblad for tangoentusiastar', 'Medlemsbladet for tangoentusiaster'] },
  { code: 'FV', domain: 'www.fjordavisa.no', name: 'Fjordavisa', desc: ['Nyheter fra fjordene', 'Nyheiter frå fjordane', 'Nyheter fra fjordene'] },
  { code: 'NL', domain: 'www.nordlys.no', name: 'Nordlys', desc: ['Nyheter fra Nord-Norge', 'Nyheiter frå Nord-Noreg', 'Nyheter fra Nord-Norge'] },
];

interface VariantRef { id: string; name: Trio; desc: Trio }
interface PayOptionRef {
  id: string;
  terms: string;
  option: 'TERMS' | 'METHODS';
  name: Trio;
  desc: Trio;
  newAccount: boolean;
  newGroup: boolean;
  sources: string;
  variants: readonly VariantRef[];
}
const STANDARD: VariantRef = { id: 'STANDARD', name: ['Standard', 'Standard', 'Standard'], desc: ['Standard', 'Standard', 'Standard'] };
const EPOST: VariantRef = { id: 'EPOST', name: ['E-post', 'E-post', 'E-post'], desc: ['Faktura på e-post', 'Faktura på e-post', 'Faktura på e-post'] };
const PAPIR: VariantRef = { id: 'PAPIR', name: ['Papir', 'Papir', 'Papir'], desc: ['Papirfaktura i posten', 'Papirfaktura i posten', 'Papirfaktura i posten'] };
const OCR: VariantRef = { id: 'OCR', name: ['OCR', 'OCR', 'OCR'], desc: ['Giro med KID', 'Giro med KID', 'Giro med KID'] };

/** payment_option TERMS/METHODS; newAccount/newGroup: where the option may be chosen (004). */
export const PAY_OPTIONS: readonly PayOptionRef[] = [
  { id: 'BANKGIRO', terms: 'BANKGIRO', option: 'TERMS', name: ['Bankgiro', 'Bankgiro', 'Bankgiro'], desc: ['Faktura med bankgiro', 'Faktura med bankgiro', 'Faktura med bankgiro'], newAccount: true, newGroup: true, sources: 'WEB,CSR', variants: [STANDARD, EPOST, PAPIR] },
  { id: 'BANKGIRO-01', terms: 'BANKGIRO', option: 'TERMS', name: ['Bankgiro', 'Bankgiro', 'Bankgiro'], desc: ['Bankgiro med KID', 'Bankgiro med KID', 'Bankgiro med KID'], newAccount: true, newGroup: true, sources: 'WEB,CSR', variants: [STANDARD, OCR] },
  { id: 'EHF', terms: 'EHF', option: 'TERMS', name: ['EHF', 'EHF', 'EHF'], desc: ['Elektronisk faktura til offentlig sektor', 'Elektronisk faktura til offentleg sektor', 'Elektronisk faktura til offentlig sektor'], newAccount: true, newGroup: true, sources: 'WEB,CSR', variants: [STANDARD] },
  { id: 'CREDITCARD', terms: 'CREDITCARD', option: 'METHODS', name: ['Kredittkort', 'Kredittkort', 'Kredittkort'], desc: ['Trekk fra kort', 'Trekk frå kort', 'Trekk fra kort'], newAccount: false, newGroup: true, sources: 'WEB,CSR', variants: [STANDARD] },
  { id: 'AVTALEGIRO', terms: 'AVTALEGIRO', option: 'TERMS', name: ['AvtaleGiro', 'AvtaleGiro', 'AvtaleGiro'], desc: ['Automatisk trekk fra bankkonto', 'Automatisk trekk frå bankkonto', 'Automatisk trekk fra bankkonto'], newAccount: false, newGroup: true, sources: 'CSR', variants: [STANDARD] },
  { id: 'EFAKTURA', terms: 'EFAKTURA', option: 'TERMS', name: ['eFaktura', 'eFaktura', 'eFaktura'], desc: ['Faktura i nettbanken', 'Faktura i nettbanken', 'Faktura i nettbanken'], newAccount: false, newGroup: true, sources: 'WEB,CSR', variants: [STANDARD] },
  { id: 'EFAKTURA-AVTALEGIRO', terms: 'EFAKTURA/AVTALEGIRO', option: 'TERMS', name: ['eFaktura og AvtaleGiro', 'eFaktura og AvtaleGiro', 'eFaktura og AvtaleGiro'], desc: ['Faktura i nettbanken med automatisk trekk', 'Faktura i nettbanken med automatisk trekk', 'Faktura i nettbanken med automatisk trekk'], newAccount: false, newGroup: true, sources: 'CSR', variants: [STANDARD] },
  { id: 'VIPPS', terms: 'VIPPS', option: 'TERMS', name: ['Vipps', 'Vipps', 'Vipps'], desc: ['Faste betalinger med Vipps', 'Faste betalingar med Vipps', 'Faste betalinger med Vipps'], newAccount: true, newGroup: true, sources: 'WEB', variants: [STANDARD] },
];

export const ADDRESS_TYPES: readonly (readonly [string, string])[] = [
  ['PERM', 'Fast adresse'],
  ['TEMP', 'Midlertidig adresse'],
  ['HOLIDAY', 'Ferieadresse'],
  ['CABIN', 'Hytteadresse'],
  ['WORK', 'Arbeidsadresse'],
  ['PO', 'Postboksadresse'],
];

/** Dunning processes a group may name; "DEFAULT" is the one 004's MODIFY sample uses. */
export const DUNNING_PROCESSES = ['AM-DEFAULT', 'DEFAULT', 'DUNNING-01', 'DUNNING-02', 'AM-BUSINESS'] as const;
export const DEFAULT_DUNNING_PROCESS = 'AM-DEFAULT';

export function insertReferenceData(db: DatabaseSync): void {
  let transNo = 3200;
  const insTrans = db.prepare('INSERT INTO translations (trans_no, locale, text) VALUES (?, ?, ?)');
  const trans = (t: Trio) => {
    const no = ++transNo;
    LOCALES.forEach((locale, i) => insTrans.run(no, locale, t[i]!));
    return no;
  };
  const insTitle = db.prepare(
    'INSERT INTO titles (title_code, title_domain, title_name, title_desc, name_trans_no, desc_trans_no) VALUES (?, ?, ?, ?, ?, ?)',
  );
  for (const t of TITLES) insTitle.run(t.code, t.domain, t.name, t.desc[0], trans([t.name, t.name, t.name]), trans(t.desc));
  const insOption = db.prepare(
    `INSERT INTO pay_options (pay_option_id, payment_terms, payment_option, name, description, name_trans_no, desc_trans_no,
       new_account, new_group, request_sources) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insVariant = db.prepare(
    'INSERT INTO pay_option_variants (pay_option_id, variant_id, name, description, name_trans_no, desc_trans_no) VALUES (?, ?, ?, ?, ?, ?)',
  );
  for (const o of PAY_OPTIONS) {
    insOption.run(o.id, o.terms, o.option, o.name[0], o.desc[0], trans(o.name), trans(o.desc), o.newAccount ? 1 : 0, o.newGroup ? 1 : 0, o.sources);
    for (const v of o.variants) insVariant.run(o.id, v.id, v.name[0], v.desc[0], trans(v.name), trans(v.desc));
  }
  const insType = db.prepare('INSERT INTO address_types (code, name) VALUES (?, ?)');
  for (const [code, name] of ADDRESS_TYPES) insType.run(code, name);
}
