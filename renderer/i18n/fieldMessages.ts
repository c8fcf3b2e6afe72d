// The shared schemas (shared/amps) speak English, because the API and the sandbox answer
// with the same words. On a form field the UI shows them in the chosen language: a rule's
// message is looked up here; zod's own messages (too long, wrong type) come from zod's
// locale for that language; anything else (a message from the billing system) is shown
// as it came.
import { z } from 'zod';
import type { TFunction } from 'i18next';
import { BASE_URL_NOT_SECURE } from '../../shared/amps/baseUrl';

/** Message of a shared rule → its key under "validation" in en.json / nb.json. */
export const RULE_MESSAGES: Record<string, string> = {
  'Write a comment first': 'commentEmpty',
  'acctCommentAuthor is required': 'commentAuthorRequired',
  'acctCommentText must not be empty': 'commentEmpty',
  'currencyCode must be an ISO 4217 code such as NOK': 'currencyCode',
  'distAddrCity is required': 'required',
  'distAddrPostalCode is required': 'required',
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
  required: 'required',
};

export function localizeFieldMessage(t: TFunction, message: string | undefined): string | undefined {
  if (message === undefined) return undefined;
  const key = RULE_MESSAGES[message];
  return key ? t(`validation.${key}`) : message;
}

/** zod's built-in messages in the UI's language. */
export function setSchemaLocale(lng: string): void {
  z.config(lng === 'nb' ? z.locales.no() : z.locales.en());
}
