// Back-off after wrong passwords (decision D46): the first few mistakes cost nothing, then
// each further one locks the operator out for twice as long as the one before, up to a cap.
// Pure, so every directory implementation applies the same rule.

export interface LockoutPolicy {
  /** Wrong passwords in a row that are free. */
  freeAttempts: number;
  /** Lockout after the first failure beyond the free ones. */
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_LOCKOUT: LockoutPolicy = { freeAttempts: 4, baseMs: 30_000, maxMs: 15 * 60_000 };

/** How long to lock out after the `failures`-th wrong password in a row (0 = not at all). */
export function lockoutMs(failures: number, policy: LockoutPolicy = DEFAULT_LOCKOUT): number {
  const beyond = failures - policy.freeAttempts;
  if (beyond <= 0) return 0;
  return Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(beyond - 1, 30));
}
