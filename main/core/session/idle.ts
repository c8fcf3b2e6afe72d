// How long a desk may stay idle before it locks (decision D47). Configured per host:
//   web host / dev:  CSR_IDLE_LOCK_SECONDS, CSR_KIOSK_IDLE_LOCK_SECONDS
//   desktop app:     the same variables, or "idleLockSeconds" / "kioskIdleLockSeconds" in config.json
export const DEFAULT_IDLE_LOCK_SECONDS = 15 * 60;
/** Kiosks stand where others pass by: shorter, and before the 3-minute workspace reset. */
export const DEFAULT_KIOSK_IDLE_LOCK_SECONDS = 2 * 60;
const MAX_IDLE_LOCK_SECONDS = 24 * 60 * 60;

export interface IdleLockSettings {
  idleLockSeconds?: number | undefined;
  kioskIdleLockSeconds?: number | undefined;
}

export function idleLockMs(kiosk: boolean, s: IdleLockSettings = {}): number {
  const pick = (v: number | undefined, d: number) => (v !== undefined && Number.isFinite(v) && v >= 1 ? Math.min(v, MAX_IDLE_LOCK_SECONDS) : d);
  return 1000 * (kiosk ? pick(s.kioskIdleLockSeconds, DEFAULT_KIOSK_IDLE_LOCK_SECONDS) : pick(s.idleLockSeconds, DEFAULT_IDLE_LOCK_SECONDS));
}

/** Reads the two variables; anything that is not a positive number is ignored. */
export function idleLockFromEnv(env: Readonly<Record<string, string | undefined>>): IdleLockSettings {
  const num = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : Number(v));
  return { idleLockSeconds: num(env.CSR_IDLE_LOCK_SECONDS), kioskIdleLockSeconds: num(env.CSR_KIOSK_IDLE_LOCK_SECONDS) };
}
