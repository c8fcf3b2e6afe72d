// Who may work at this desk. The rest of main sees operators only through this interface,
// so the local SQLite directory (sqliteDirectory.ts) can be replaced by single sign-on, LDAP
// or the team's PostgreSQL directory with a local cache for offline sign-in. Small on
// purpose: an implementation answers who someone is, checks a password (with its own
// lockout), and lets an admin add, disable and reset. Sessions, idle lock and roles on
// channels live elsewhere (main/core/session) and are the same for every implementation.
//
// Contract every implementation keeps:
// - ids are normalised with normalizeOperatorId (lower case) before they are stored or looked up;
// - authenticate() never says whether an id exists: an unknown id answers 'wrong', like a
//   wrong password, and takes as long;
// - repeated failures lock the operator out with growing back-off (see lockout.ts), and the
//   count survives restarts; a locked-out operator is refused without the password being checked;
// - a disabled operator can neither sign in nor unlock;
// - no method returns a password hash.
import type { OperatorRecord, Role } from '../../../shared/ipc';
import type { Operator } from '../services/context';

export type { OperatorRecord };

export type AuthResult =
  | { ok: true; operator: Operator; mustChangePassword: boolean }
  | { ok: false; reason: 'wrong' | 'disabled' }
  | { ok: false; reason: 'locked'; retryAfterMs: number };

export interface NewOperator {
  id: string;
  displayName: string;
  role: Role;
  password: string;
  /** Set by an admin for someone else: they choose their own at the first sign-in. Default false. */
  mustChangePassword?: boolean;
}

export interface OperatorDirectory {
  /** What backs it, for logs and the docs ('sqlite', 'ldap', …). */
  readonly kind: string;
  /** No operator exists yet: the app asks for the first admin. */
  isEmpty(): Promise<boolean>;
  get(id: string): Promise<OperatorRecord | null>;
  list(): Promise<OperatorRecord[]>;
  /** Checks a password, counting failures and applying the lockout. */
  authenticate(id: string, password: string): Promise<AuthResult>;
  /** Fails with CoreError VALIDATION (field "id") when the id is taken. */
  add(op: NewOperator): Promise<OperatorRecord>;
  setDisabled(id: string, disabled: boolean): Promise<OperatorRecord>;
  /** An admin sets a password; the operator must change it at the next sign-in. Clears a lockout. */
  resetPassword(id: string, password: string): Promise<OperatorRecord>;
  /** The operator changes their own password, proving the current one (lockout applies). */
  changePassword(id: string, current: string, next: string): Promise<AuthResult>;
  close(): void;
}
