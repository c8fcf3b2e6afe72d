// Invoices of plan changes: a row in AMPS's invoices table (so its KID and numbers are found
// by AcctSearchAccount like any other) and its lines in core_invoice_lines.
import type { DatabaseSync } from 'node:sqlite';
import { BASES, mod10 } from '../seed/generate';
import { q } from '../store/statements';

export interface StoredLine {
  lineType: 'charge' | 'credit' | 'coupon';
  mpiNo: number;
  planNo: number;
  units: number;
  rateOre: number;
  /** Negative for credits and coupons. */
  amountOre: number;
  description: string;
  from: string;
  to: string;
  factor: number;
}

const next = (db: DatabaseSync, col: 'invoice_no' | 'statement_no' | 'seq_statement_no', base: number) =>
  Math.max((q(db, `SELECT MAX(${col}) AS n FROM invoices`).get() as { n: number | null }).n ?? 0, base) + 1;

/** Stores an invoice with its lines; returns its number. */
export function storeInvoice(db: DatabaseSync, accountNo: number, date: string, lines: readonly StoredLine[]): number {
  const invoiceNo = next(db, 'invoice_no', BASES.invoice);
  const base = `${String(accountNo).slice(-7)}${String(invoiceNo % 10000).padStart(4, '0')}`;
  const total = lines.reduce((s, l) => s + l.amountOre, 0);
  q(db, 'INSERT INTO invoices (invoice_no, account_no, statement_no, seq_statement_no, kid, amount_ore, invoice_date) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    invoiceNo, accountNo, next(db, 'statement_no', BASES.statement), next(db, 'seq_statement_no', BASES.seqStatement), base + mod10(base), total, date,
  );
  const ins = q(
    db,
    `INSERT INTO core_invoice_lines (invoice_no, line_no, line_type, mpi_no, plan_no, units, rate_ore, amount_ore, description, start_date, end_date, factor)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  lines.forEach((l, i) => ins.run(invoiceNo, i + 1, l.lineType, l.mpiNo, l.planNo, l.units, l.rateOre, l.amountOre, l.description, l.from, l.to, l.factor));
  return invoiceNo;
}
