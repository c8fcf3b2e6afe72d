// Rules for operator names and passwords, shared by the contract (main checks them), the
// sign-in and admin screens (checked as you type) and `npm run operators`.
import { LIMITS } from '../amps/fields';

/**
 * An operator id is the AMPS userID of every signed request and the author of every comment
 * (004 allows 50 characters for userID): letters, digits and . _ @ -, starting with a
 * letter or digit. Compared and stored in lower case.
 */
export const OPERATOR_ID_MAX = LIMITS.userId;
export const OPERATOR_ID_PATTERN = /^[a-z0-9][a-z0-9._@-]*$/;
export const DISPLAY_NAME_MAX = 100;
/** At least 8 characters (NIST SP 800-63B's floor); at most 200 (hashing cost stays bounded). */
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 200;

export function normalizeOperatorId(id: string): string {
  return id.trim().toLowerCase();
}

/**
 * The name a person reads for an operator: the directory's display name, or the login name
 * when the directory has none (a replaced directory may leave it empty). Display only: the
 * id stays the AMPS userID, the comment author and what audit records and filters use.
 */
export function operatorName(op: { id: string; displayName: string }): string {
  return op.displayName.trim() || op.id;
}

export type OperatorIdProblem = 'required' | 'tooLong' | 'characters';
export function operatorIdProblem(raw: string): OperatorIdProblem | null {
  const id = normalizeOperatorId(raw);
  if (!id) return 'required';
  if (id.length > OPERATOR_ID_MAX) return 'tooLong';
  return OPERATOR_ID_PATTERN.test(id) ? null : 'characters';
}

export type PasswordProblem = 'tooShort' | 'tooLong';
export function newPasswordProblem(pw: string): PasswordProblem | null {
  if ([...pw].length < PASSWORD_MIN) return 'tooShort';
  if (pw.length > PASSWORD_MAX) return 'tooLong';
  return null;
}
