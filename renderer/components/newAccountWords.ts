// A new account's codes in words (issue 10 item 2): the payment option by the name its
// picker shows, its variant, the locale, customer type, VAT exemption and owning title (the
// channel, source, consent and reservation codes are valueWords.ts's, as every form's). The
// new-account confirmation and the audit log's entries say them alike. AMPS has no call that
// lists payment options (D62): the options are shared/domain/newAccount.ts's, their names the
// i18n file's createAccount.payOption.
// A code with no words here is shown as it came.
import type { TFunction } from 'i18next';
import type { Scalar } from '../../shared/domain/fieldDiff';
import { OWNER_TITLES } from '../../shared/domain/newAccount';

/** A payment option by the name its picker shows; the ID itself for one it has no name for. */
export const payOptionName = (t: TFunction, id: string): string => t(`createAccount.payOption.${id}`, { defaultValue: id });

/**
 * Labels for the leaves whose value is shown in words rather than as the code the request
 * holds: "Language → Norwegian", not "Language code"; "Payment option → Bank giro invoice",
 * not "Payment option ID". For fieldLabel's `leafLabels`.
 */
export function inWordsLabels(t: TFunction): Record<string, string> {
  return { languageCode: t('createAccount.label.languageCode'), payOptionID: t('createAccount.label.payOptionID') };
}

/** A new account's own coded fields and where their words are in the i18n files (an unknown code shows as it came). */
const CODE_WORDS = new Map<string, string>(Object.entries({
  localeCode: 'createAccount.locale',
  customerType: 'createAccount.customerType',
  taxpayerExemptionLevel: 'createAccount.tax',
  payOptionVariant: 'createAccount.variant',
}));

/** The value of a new account's field in words, or undefined when this field is not one of them. */
export function newAccountValue(t: TFunction, path: string, value: Scalar): string | undefined {
  if (value === null) return undefined;
  const v = String(value);
  if (v === '') return undefined;
  const field = path.split('.').pop() ?? '';
  if (field === 'ownerTitleCode') return OWNER_TITLES.find((x) => x.code === v)?.name ?? v;
  if (field === 'payOptionID') return payOptionName(t, v);
  const key = CODE_WORDS.get(field);
  return key ? t(`${key}.${v}`, { defaultValue: v }) : undefined;
}
