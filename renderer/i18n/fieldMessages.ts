// The shared schemas (shared/amps) speak English, because the API and the sandbox answer
// with the same words. On a form field the UI shows them in the chosen language: a rule's
// message is looked up here; zod's own checks (too long, wrong type) get our own texts in
// that language (never zod's "Too small: expected string to have >=1 characters"); a
// message the billing system or the router sent is matched against what they say, and one
// we do not know becomes a plain "not accepted" — wire text is never shown (issue 11, D23).
import { z } from 'zod';
import i18next, { type TFunction } from 'i18next';
import { BASE_URL_NOT_SECURE } from '../../shared/amps/baseUrl';
import { INPUT_RULE } from '../../shared/domain/input';

/** Message of a shared rule → its key under "validation" in en.json / nb.json. */
export const RULE_MESSAGES: Record<string, string> = {
  'Write a comment first': 'commentEmpty',
  'acctCommentAuthor is required': 'commentAuthorRequired',
  'acctCommentText must not be empty': 'commentEmpty',
  'currencyCode must be an ISO 4217 code such as NOK': 'currencyCode',
  'distAddrCity is required': 'required',
  'distAddrPostalCode is required': 'required',
  'distAddrCountryCode is required': 'required',
  'distAddrCountryCode must be two capital letters, e.g. NO': 'countryCode',
  'countryCode must be two capital letters (ISO 3166-1)': 'countryCode',
  'expected a date as YYYY-MM-DD': 'date',
  'expected a date-time as YYYY-MM-DD, YYYY-MM-DDTHH:mm:ss or YYYY-MM-DD HH:mm:ss': 'date',
  'ASSIGN requires ariaAccountNo (004)': 'accountRequired',
  'ariaAccountNo or ariaAccountID is required': 'accountRequired',
  'acctDeliveryAddress is required when distAddressNo is not given': 'addressOrExisting',
  'distAddressType is required when distAddressNo is not given': 'addressTypeRequired',
  'give either distAddressNo or a new acctDeliveryAddress, not both': 'addressNotBoth',
  'distStreetName or distAddrLine1 is required': 'streetOrLine1',
  'addrStateProv is only used for US, AU and CA addresses': 'stateProvOnly',
  'addressLine1 is required when addressLine2 is given': 'previousLineFirst',
  'addressLine2 is required when addressLine3 is given': 'previousLineFirst',
  'distAddrLine1 is required when distAddrLine2 is given': 'previousLineFirst',
  'distAddrLine2 is required when distAddrLine3 is given': 'previousLineFirst',
  'distAddrLine3 is required when distAddrLine4 is given': 'previousLineFirst',
  'ariaBillingGroupNo or ariaBillingGroupID is required': 'billingGroupRequired',
  'ariaBillingGroupNo or ariaBillingGroupID is required (the group to update, or to copy when createNewBillingGroup)': 'billingGroupRequired',
  'emailAddress must be a valid email address': 'email',
  'fullName must be present': 'fullName',
  'newAriaAccountID or newUserID is required': 'newIdRequired',
  'paymentEANNum is required for EHF': 'ehfRequired',
  'paymentEANRequisitionNum is required for EHF': 'ehfRequired',
  'paymentMethodInfo is only used when paymentOption is METHODS': 'methodsOnly',
  'paymentMethodInfo is required when paymentOption is METHODS': 'methodsRequired',
  'paymentOption is required (TERMS or METHODS)': 'paymentOptionRequired',
  'paymentOption is required when payment details are given': 'paymentOptionRequired',
  'paymentTermInfo is only used when paymentOption is TERMS': 'termsOnly',
  'paymentTermInfo is required when paymentOption is TERMS': 'termsRequired',
  'searchStreetNo may only be used together with searchStreetName': 'streetNoNeedsStreet',
  'statementContactNo (reuse a contact) or statementContactDetails (a new contact) is required': 'statementContactRequired',
  'baseUrl must be an http(s) URL': 'url',
  [BASE_URL_NOT_SECURE]: 'httpsRequired',
  'required for a new profile': 'requiredNewProfile',
  'required to test': 'required',
  required: 'required',
  // The Norwegian input rules (shared/domain/input/messages.ts).
  [INPUT_RULE.phoneInvalid]: 'phone',
  [INPUT_RULE.postalCodeNO]: 'postalCodeNO',
  [INPUT_RULE.postalCodeUnknown]: 'postalCodeUnknown',
  [INPUT_RULE.postalCodePostBox]: 'postalCodePostBox',
  [INPUT_RULE.cardNumberInText]: 'cardNumber',
  [INPUT_RULE.postalCityMismatch]: 'postalCityMismatch',
  [INPUT_RULE.countryUnknown]: 'countryUnknown',
  [INPUT_RULE.glnInvalid]: 'gln',
  [INPUT_RULE.dateInvalid]: 'dateInvalid',
  [INPUT_RULE.birthDateFuture]: 'birthDateFuture',
  [INPUT_RULE.birthDateTooOld]: 'birthDateTooOld',
  [INPUT_RULE.addressStreetRequired]: 'addressStreet',
  [INPUT_RULE.addressPostalCodeRequired]: 'addressPostalCode',
  [INPUT_RULE.addressCityRequired]: 'addressCity',
  'letters, digits and . _ @ - only': 'operatorIdCharacters',
  // Aria's core API (shared/amps/core.ts, plan replacement) and the card session (cards.*).
  'acct_no or client_acct_id is required': 'accountRequired',
  'plan_instance_no or client_plan_instance_id is required': 'subscriptionRequired',
  'new_plan_no or new_client_plan_id is required': 'newPlanRequired',
  'expected a date as yyyy-mm-dd': 'date',
  'must not be empty': 'required',
  'not a card session': 'cardSessionInvalid',
  'must be a day of the month, 1 to 31': 'dayOfMonth',
  // The supervisor workspace's filters and review targets (shared/ipc/supervision.ts).
  'expected YYYY-MM-DD': 'date',
  'expected an entry hash': 'notValid',
};

/**
 * What the sandbox's validator (main/sandbox/http/validate.ts), its endpoints, and zod's
 * English default messages (the router's) say, as a key under "validation" and its values.
 */
const WIRE_PATTERNS: Array<[RegExp, string, ((m: RegExpExecArray) => Record<string, string>)?]> = [
  [/^(is required|must not be empty|Required)$/, 'required'],
  [/^Too small: expected string to have >=1 characters?$/, 'required'],
  [/^Invalid input: expected \w+, received (undefined|null)$/, 'required'],
  [/^may be at most (\d+) characters/, 'tooLong', (m) => ({ max: m[1]! })],
  [/^Too big: expected string to have <=(\d+) characters?$/, 'tooLong', (m) => ({ max: m[1]! })],
  [/^must have at least (\d+) characters/, 'tooShort', (m) => ({ min: m[1]! })],
  [/^Too small: expected string to have >=(\d+) characters?$/, 'tooShort', (m) => ({ min: m[1]! })],
  [/^(Invalid input: expected number|must be a number)/, 'number'],
  [/^Invalid input: expected int/, 'number'],
  [/^(must be one of |Invalid option|.* is not a known value; expected one of)/, 'chooseOption'],
  [/^is required for EHF$/, 'ehfRequired'],
  [/is not a known title code$/, 'titleUnknown'],
  [/is not a contact of account/, 'contactUnknown'],
  [/^must differ from the primary payment method$/, 'backupSameAsPrimary'],
  [/(is not a known payment option|cannot be chosen for|is offered to .* only)/, 'payOptionUnavailable'],
  [/is not a variant of/, 'payOptionVariantUnknown'],
  [/is not a valid date-time$/, 'dateInvalid'],
  [/^expected a date/, 'date'],
];

function lookup(t: TFunction, message: string): string | undefined {
  const key = RULE_MESSAGES[message];
  if (key) return t(`validation.${key}`);
  for (const [re, k, params] of WIRE_PATTERNS) {
    const m = re.exec(message);
    if (m) return t(`validation.${k}`, params ? params(m) : {});
  }
  return undefined;
}

/** A message on a form field in the UI language; texts the form made itself pass through. */
export function localizeFieldMessage(t: TFunction, message: string | undefined): string | undefined {
  if (message === undefined) return undefined;
  return lookup(t, message) ?? message;
}

/** A message main or the billing system sent about a field: never shown as it came. */
export function serverFieldMessage(t: TFunction, message: string): string {
  return lookup(t, message) ?? t('validation.serverRefused');
}

/** zod's own checks in the UI's language, in our words. */
export function setSchemaLocale(lng: string): void {
  const t = i18next.getFixedT(lng === 'nb' ? 'nb' : 'en');
  z.config({
    customError: (iss) => {
      switch (iss.code) {
        case 'too_big':
          return iss.origin === 'string' ? t('validation.tooLong', { max: String(iss.maximum) }) : t('validation.tooBig', { max: String(iss.maximum) });
        case 'too_small':
          if (iss.origin === 'string') return Number(iss.minimum) <= 1 ? t('validation.required') : t('validation.tooShort', { min: String(iss.minimum) });
          return t('validation.tooSmall', { min: String(iss.minimum) });
        case 'invalid_type':
          if (iss.input === undefined || iss.input === null || iss.input === '') return t('validation.required');
          return iss.expected === 'number' || iss.expected === 'int' ? t('validation.number') : t('validation.notValid');
        case 'invalid_value':
        case 'invalid_union':
          return t('validation.chooseOption');
        case 'invalid_format':
          return iss.format === 'email' ? t('validation.email') : t('validation.notValid');
        default:
          return t('validation.notValid');
      }
    },
  });
}
