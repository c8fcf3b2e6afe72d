// An error from main as a person reads it, in the UI language (D105). Main says what went
// wrong as a key and values (`error.say`, shared/ipc/say.ts) and this words it with the
// `say.*` strings; its English `message` is never shown as it came. A refusal from the
// billing system is its own text, which is matched against the refusals the app knows.
import type { TFunction } from 'i18next';
import type { IpcError, Say, SayParams } from '../../shared/ipc';
import { RESULT } from '../../shared/amps/codes';
import { CORE_ERROR } from '../../shared/amps/core';
import { serverFieldMessage } from './fieldMessages';

/** Values that are codes get the app's word for them (a role), the rest stay as they are. */
function paramWords(t: TFunction, params: SayParams | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params ?? {})) out[k] = k === 'role' ? t(`session.role.${v}`, { defaultValue: String(v) }) : String(v);
  return out;
}

/** The billing system's refusals the app knows (its resultText), as i18n keys. */
const KNOWN_REFUSALS: Array<[RegExp, string, ((m: RegExpExecArray) => Record<string, string>)?]> = [
  [/is already active|is already permanent/, 'manageAccount.refused.alreadyActive'],
  [/is already inactive/, 'manageAccount.refused.alreadyInactive'],
  [/no subscriptions left to cancel/, 'manageAccount.refused.nothingToCancel'],
  [/is (banned|archived) and cannot be changed/, 'manageAccount.refused.archived'],
  [/is already used by account (\d+)/, 'manageAccount.refused.idInUse', (m) => ({ account: m[1]! })],
  [/not applied: .* failed, so the whole request was rolled back|not attempted: .* failed/, 'manageAccount.refused.rolledBack'],
  [/^no account has /, 'billingRefusal.accountNotFound'],
];

/** resultCodes that say the same whatever the text: the desk's keys were not accepted. */
const AUTH_CODES = new Set<number>([RESULT.AUTH_FAILED, CORE_ERROR.AUTH]);

/** A refusal the billing system gave, in the app's words; undefined when the app does not know it. */
export function knownRefusal(t: TFunction, billingText: string, resultCode?: number): string | undefined {
  if (resultCode !== undefined && AUTH_CODES.has(resultCode)) return t('billingRefusal.authentication');
  for (const [re, key, params] of KNOWN_REFUSALS) {
    const m = re.exec(billingText);
    if (m) return t(key, params ? params(m) : {});
  }
  const rule = serverFieldMessage(t, billingText);
  return rule === t('validation.serverRefused') ? undefined : rule;
}

/**
 * What went wrong, in a sentence in the UI language, or '' when the title and the next step
 * say all the app knows (a billing-system refusal in words the app does not know).
 */
export function errorWords(t: TFunction, error: IpcError): string {
  // The billing system answered (resultCode): its text, matched against what the app knows.
  if (error.resultCode !== undefined || error.code === 'AMPS_REJECTED') return knownRefusal(t, error.message, error.resultCode) ?? '';
  return error.say ? sayWords(t, error.say) : '';
}

/** Something main said as a key and values (an error's or an answer's), in the UI language. */
export function sayWords(t: TFunction, said: Say): string {
  return t(`say.${said.key}`, { ...paramWords(t, said.params), defaultValue: '' });
}
