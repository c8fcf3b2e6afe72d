// Reference data as the API shows it: titles, payment options and variants with their
// translations (NO-BOKMAL, NO-NYNORSK, NO-BOKMAL-A-ENDING), address types.
import type { DatabaseSync } from 'node:sqlite';
import type { PayOptionRow, TitleRow } from './rows';
import { q } from './statements';
import { invalid } from '../http/result';

export interface TranslationOut {
  solmRefTransNo: string;
  solmTranslationEntry: { solmLocaleID: string; solmRefTransText: string; localeID: string; objectName: string }[];
}

/**
 * One translation group. Entries carry both the field list's names (solmLocaleID,
 * solmRefTransText) and the sample's (localeID, objectName), as 004 shows both.
 */
export function translations(db: DatabaseSync, transNo: number): TranslationOut[] {
  const rows = q(db, 'SELECT locale, text FROM translations WHERE trans_no = ? ORDER BY locale').all(transNo) as { locale: string; text: string }[];
  return [
    {
      solmRefTransNo: String(transNo),
      solmTranslationEntry: rows.map((r) => ({ solmLocaleID: r.locale, solmRefTransText: r.text, localeID: r.locale, objectName: r.text })),
    },
  ];
}

export function titleByCode(db: DatabaseSync, code: string): TitleRow | undefined {
  return q(db, 'SELECT * FROM titles WHERE title_code = ?').get(code) as TitleRow | undefined;
}

export function titleByDomain(db: DatabaseSync, domain: string): TitleRow | undefined {
  return q(db, 'SELECT * FROM titles WHERE lower(title_domain) = lower(?)').get(domain) as TitleRow | undefined;
}

/** ownerTitleDomain takes precedence over ownerTitleCode where both are given (004). */
export function resolveTitle(
  db: DatabaseSync,
  code: string | null | undefined,
  domain: string | null | undefined,
  paths: { code: string; domain: string },
): TitleRow | undefined {
  const d = (domain ?? '').trim();
  const c = (code ?? '').trim();
  if (d) {
    const t = titleByDomain(db, d);
    if (!t) throw invalid(paths.domain, `"${d}" is not the domain of a known title`);
    return t;
  }
  if (c) {
    const t = titleByCode(db, c);
    if (!t) throw invalid(paths.code, `"${c}" is not a known title code`);
    return t;
  }
  return undefined;
}

export function titleInfo(db: DatabaseSync, t: TitleRow) {
  return {
    titleCode: t.title_code,
    titleName: t.title_name,
    titleDesc: t.title_desc,
    titleNameTranslations: translations(db, t.name_trans_no),
    titleDescTranslations: translations(db, t.desc_trans_no),
    titleDomain: t.title_domain,
  };
}

export function payOption(db: DatabaseSync, id: string): PayOptionRow | undefined {
  return q(db, 'SELECT * FROM pay_options WHERE pay_option_id = ?').get(id) as PayOptionRow | undefined;
}

interface VariantRow {
  pay_option_id: string;
  variant_id: string;
  name: string;
  description: string;
  name_trans_no: number;
  desc_trans_no: number;
}

export function payOptionVariant(db: DatabaseSync, optionId: string, variantId: string): VariantRow | undefined {
  return q(db, 'SELECT * FROM pay_option_variants WHERE pay_option_id = ? AND variant_id = ?').get(optionId, variantId) as VariantRow | undefined;
}

/** The default option for a payment term when only the deprecated paymentTerms is given. */
export function optionForTerms(db: DatabaseSync, terms: string): PayOptionRow | undefined {
  return q(db, 'SELECT * FROM pay_options WHERE payment_terms = ? ORDER BY pay_option_id LIMIT 1').get(terms) as PayOptionRow | undefined;
}

export function payOptionInfoOut(db: DatabaseSync, optionId: string | null, variantId: string | null, ean: string | null, eanReq: string | null) {
  if (!optionId) return null;
  const o = payOption(db, optionId);
  const v = o && variantId ? payOptionVariant(db, o.pay_option_id, variantId) : undefined;
  return {
    payOptionID: optionId,
    payOptionVariant: variantId ?? '',
    paymentEANNum: ean ?? '',
    paymentEANRequisitionNum: eanReq ?? '',
    payOptionName: o?.name ?? null,
    payOptionNameTranslations: o ? translations(db, o.name_trans_no) : null,
    payOptionDesc: o?.description ?? null,
    payOptionDescTranslations: o ? translations(db, o.desc_trans_no) : null,
    payOptionVariantName: v?.name ?? null,
    payOptionVariantNameTranslations: v ? translations(db, v.name_trans_no) : null,
    payOptionVariantDesc: v?.description ?? null,
    payOptionVariantDescTranslations: v ? translations(db, v.desc_trans_no) : null,
  };
}

export function addressTypes(db: DatabaseSync): { code: string; name: string }[] {
  return q(db, 'SELECT code, name FROM address_types ORDER BY code').all() as { code: string; name: string }[];
}
