// The texts of the input rules, as the API and the sandbox say them (English, naming the
// field). The UI never shows these: renderer/i18n/fieldMessages.ts maps each one to a text
// in the UI language. Keep them free of values so that mapping stays a lookup.
export const INPUT_RULE = {
  phoneInvalid: 'must be a phone number: 8 digits for Norway, or +country code and number',
  postalCodeNO: 'must be a Norwegian postal code of 4 digits',
  postalCodeUnknown: 'is not a postal code in the Norwegian postal register',
  postalCodePostBox: 'is a post-box postal code; a delivery address needs a street address postal code',
  postalCityMismatch: 'does not match the postal code (see the postal register)',
  countryUnknown: 'must be an ISO 3166-1 country code such as NO',
  glnInvalid: 'must be a 13-digit EAN/GLN location number with a valid check digit',
  dateInvalid: 'must be a date that exists',
  birthDateFuture: 'must not be in the future',
  birthDateTooOld: 'must be after 1900-01-01',
  addressStreetRequired: 'a street address is required when a postal code or city is given',
  addressPostalCodeRequired: 'a postal code is required when an address is given',
  addressCityRequired: 'a city is required when an address is given',
  cardNumberInText: 'must not hold a card number (write only its last four digits)',
} as const;

export type InputRuleMessage = (typeof INPUT_RULE)[keyof typeof INPUT_RULE];
