// Numbers and IDs at run time: numbers continue the table's sequence (the seeded bases
// when the table is empty); solution IDs are "<PREFIX>-<uuid>" from crypto.randomUUID.
import { randomUUID } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import { BASES } from '../seed/generate';
import { q } from './statements';

type Sequence = 'account' | 'contact' | 'billingGroup' | 'dunningGroup' | 'planInstance' | 'comment';
const COLUMN: Record<Sequence, [table: string, column: string, base: number]> = {
  account: ['accounts', 'account_no', BASES.account],
  contact: ['contacts', 'contact_no', BASES.contact],
  billingGroup: ['billing_groups', 'bg_no', BASES.billingGroup],
  dunningGroup: ['billing_groups', 'dg_no', BASES.dunningGroup],
  planInstance: ['plan_instances', 'mpi_no', BASES.planInstance],
  comment: ['comments', 'comment_no', BASES.comment],
};

export function nextNo(db: DatabaseSync, sequence: Sequence): number {
  const [table, col, base] = COLUMN[sequence];
  const row = q(db, `SELECT MAX(${col}) AS n FROM ${table}`).get() as { n: number | null };
  return Math.max(row.n ?? 0, base) + 1;
}

/** Per-account numbers (payment methods, delivery addresses), as 004's samples number them. */
export function nextAccountNo(db: DatabaseSync, table: 'payment_methods' | 'delivery_addresses', accountNo: number): number {
  const col = table === 'payment_methods' ? 'pm_no' : 'dist_address_no';
  const row = q(db, `SELECT MAX(${col}) AS n FROM ${table} WHERE account_no = ?`).get(accountNo) as { n: number | null };
  return (row.n ?? 0) + 1;
}

export const newId = (prefix: 'BG' | 'DG' | 'PM' | 'MPI') => `${prefix}-${randomUUID()}`;
