// Words for what main answers about passwords and operators, in the UI's language.
import type { TFunction } from 'i18next';
import type { AuthFailure, FieldIssue } from '../../../shared/ipc';
import { newPasswordProblem, operatorIdProblem } from '../../../shared/domain/operators';
import { localizeFieldMessage } from '../../i18n/fieldMessages';

export function waitText(t: TFunction, seconds: number): string {
  return seconds < 90 ? t('session.wait.seconds', { count: seconds }) : t('session.wait.minutes', { count: Math.ceil(seconds / 60) });
}

/** A refused password: wrong (in the words of the form), locked out for a while, or disabled. */
export function failureText(t: TFunction, f: AuthFailure, wrongKey: string): string {
  if (f.reason === 'locked') return t('session.errors.locked', { wait: waitText(t, f.retryAfterSeconds ?? 0) });
  if (f.reason === 'disabled') return t('session.errors.disabled');
  return t(wrongKey);
}

/** Checks a password being chosen; undefined when it is fine. */
export function newPasswordError(t: TFunction, pw: string): string | undefined {
  if (!pw) return t('session.errors.required');
  const p = newPasswordProblem(pw);
  return p ? t(`session.errors.${p}`) : undefined;
}

export function operatorIdError(t: TFunction, id: string): string | undefined {
  const p = operatorIdProblem(id);
  if (!p) return undefined;
  return p === 'required' ? t('session.errors.required') : p === 'tooLong' ? t('session.errors.idTooLong') : t('validation.operatorIdCharacters');
}

/** A field error main sent, in the UI's language. */
export function serverFieldText(t: TFunction, f: FieldIssue): string {
  if (f.message === 'taken') return t('session.errors.taken');
  if (f.message === 'last admin') return t('session.errors.lastAdmin');
  if (f.message === 'same as the current password') return t('session.errors.same');
  return localizeFieldMessage(t, f.message) ?? f.message;
}
