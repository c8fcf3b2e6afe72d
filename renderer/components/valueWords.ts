// A value in a before → after row as the agent reads it: codes in words (ACTIVE → "Active",
// PDF → "Email with PDF", TERMS → "Payment terms"), a country or a language by its name, a
// date in the app's language, a phone number grouped; channel, source, consent, reservation
// and address-type codes by their i18n names. Each form adds its own (contacts, cards, the
// sandbox's own address-type names).
import type { TFunction } from 'i18next';
import type { ShownChange } from '../../shared/commands';
import type { FieldChange, Scalar } from '../../shared/domain/fieldDiff';
import { countryName, languageName, parsePhone } from '../../shared/domain/input';
import type { Formatters } from '../i18n/format';

const CODE_LISTS: Record<string, string> = {
  billingGroupStatus: 'groupStatus',
  notifyMethod: 'notify',
  paymentOption: 'paymentOption',
  paymentTerms: 'terms',
  requestSourceID: 'requestSource',
  requestSource: 'requestSource',
  channelCode: 'codes.channel',
  sourceCode: 'codes.source',
  consentCode: 'codes.consent',
  reservationCode: 'codes.reservation',
  distAddrType: 'codes.addressType',
  distAddressType: 'codes.addressType',
};

export function describeValue(t: TFunction, f: Formatters, path: string, value: Scalar): string | undefined {
  if (value === null) return undefined;
  const leaf = path.split('.').pop() ?? path;
  const v = String(value);
  const list = Object.hasOwn(CODE_LISTS, leaf) ? CODE_LISTS[leaf] : undefined;
  if (list) return t(`${list}.${v}`, { defaultValue: v });
  if (leaf === 'countryCode' || leaf === 'distAddrCountryCode') return countryName(v, f.locale) ?? v;
  if (leaf === 'languageCode') return languageName(v, f.locale) ?? v;
  if (leaf === 'birthDate' || leaf === 'dateEffective') return f.date(v);
  if (leaf === 'cellPhone' || leaf === 'homePhone' || leaf === 'workPhone') {
    const p = parsePhone(v);
    return p.ok ? p.international : v;
  }
  return undefined;
}

/**
 * The confirmation's rows for main, each with the words the agent read ("Cabin address", not
 * CABIN) when they differ from the value, so the reason comment says them as confirmed.
 */
export function withWords(changes: readonly FieldChange[], say: (path: string, value: Scalar) => string): ShownChange[] {
  const word = (path: string, v: Scalar) => (v === null || v === '' ? null : say(path, v));
  return changes.map((c) => {
    const words = { before: word(c.path, c.before), after: word(c.path, c.after) };
    const same = (v: Scalar, w: string | null) => (v === null || v === '' ? w === null : w === String(v));
    return same(c.before, words.before) && same(c.after, words.after) ? { ...c } : { ...c, words };
  });
}
