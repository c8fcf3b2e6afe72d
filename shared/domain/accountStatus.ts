// Account status codes (004, AcctRetrieveAccount): 0 INACTIVE, 1 ACTIVE, 32 PENDING
// (registered, pending activation), 99 PERMANENT, -99 ARCHIVED.

export type AccountStatusKey = 'inactive' | 'active' | 'pending' | 'permanent' | 'archived' | 'unknown';

const BY_CODE: Record<number, AccountStatusKey> = { 0: 'inactive', 1: 'active', 32: 'pending', 99: 'permanent', [-99]: 'archived' };

export function accountStatusKey(code: number | null | undefined): AccountStatusKey {
  return code === null || code === undefined ? 'unknown' : (BY_CODE[code] ?? 'unknown');
}

/** How a status should look: good (in service), neutral, or warning (not usable). */
export function accountStatusTone(key: AccountStatusKey): 'success' | 'default' | 'warning' | 'error' {
  switch (key) {
    case 'active':
      return 'success';
    case 'pending':
      return 'warning';
    case 'archived':
      return 'error';
    default:
      return 'default';
  }
}
