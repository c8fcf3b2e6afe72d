// Choosing a payment option and variant for a new account or billing group (004: "Only
// payment options that are allowed for new billing groups can be used"; requestSource WEB
// or CSR limits where an option is offered; EHF needs the EAN number and requisition number).
import type { DatabaseSync } from 'node:sqlite';
import { invalid, ruleViolation } from '../http/result';
import { payOption, payOptionVariant } from '../store/reference';
import { q } from '../store/statements';
import type { PayOptionRow } from '../store/rows';

export interface PayOptionInput {
  payOptionID?: string | null;
  payOptionVariant?: string | null;
  paymentEANNum?: string | null;
  paymentEANRequisitionNum?: string | null;
}

export interface ChosenOption {
  option: PayOptionRow;
  variant: string;
  ean: string | null;
  eanReq: string | null;
}

const blank = (v: string | null | undefined) => !v || !v.trim();

export function requireEan(terms: string, ean: string | null | undefined, eanReq: string | null | undefined, path: string): void {
  if (terms !== 'EHF') return;
  if (blank(ean)) throw invalid(`${path}.paymentEANNum`, 'is required for EHF');
  if (blank(eanReq)) throw invalid(`${path}.paymentEANRequisitionNum`, 'is required for EHF');
}

export function choosePayOption(
  db: DatabaseSync,
  input: PayOptionInput,
  use: 'new account' | 'new billing group' | 'billing group',
  source: string,
  path: string,
): ChosenOption {
  const id = (input.payOptionID ?? '').trim();
  const option = payOption(db, id);
  if (!option) throw invalid(`${path}.payOptionID`, `"${id}" is not a known payment option`);
  if (use === 'new account' && !option.new_account) throw ruleViolation(`${path}.payOptionID`, `${id} cannot be chosen for a new account`);
  if (use !== 'new account' && !option.new_group) throw ruleViolation(`${path}.payOptionID`, `${id} cannot be chosen for a billing group`);
  if (!option.request_sources.split(',').includes(source))
    throw ruleViolation(`${path}.payOptionID`, `${id} is offered to ${option.request_sources.replace(',', ' and ')} only, not ${source}`);
  let variant = (input.payOptionVariant ?? '').trim();
  if (variant) {
    if (!payOptionVariant(db, id, variant)) throw invalid(`${path}.payOptionVariant`, `"${variant}" is not a variant of ${id}`);
  } else {
    const v = q(db, "SELECT variant_id FROM pay_option_variants WHERE pay_option_id = ? ORDER BY variant_id <> 'STANDARD', variant_id LIMIT 1").get(id) as
      | { variant_id: string }
      | undefined;
    variant = v?.variant_id ?? 'STANDARD';
  }
  requireEan(option.payment_terms, input.paymentEANNum, input.paymentEANRequisitionNum, path);
  const ehf = option.payment_terms === 'EHF';
  return { option, variant, ean: ehf ? input.paymentEANNum!.trim() : null, eanReq: ehf ? input.paymentEANRequisitionNum!.trim() : null };
}

/** "BANKGIRO[TitleCode=RB]/[Option=BANKGIRO-01]/[Variant=STANDARD]", as 004's retrieve sample names groups. */
export const groupDescription = (terms: string, title: string | null, optionId: string, variant: string) =>
  `${terms}[TitleCode=${title ?? ''}]/[Option=${optionId}]/[Variant=${variant}]`;
