// CSV export of audit entries (docs/audit.md, "Export"): RFC 4180 (comma, CRLF, fields with
// a comma, quote, CR or LF in double quotes, quotes doubled), UTF-8 with a byte-order mark
// so spreadsheet programs read æ, ø, å. Safe to open in a spreadsheet: a cell that starts
// with = + - @ (or a tab or carriage return) is prefixed with ' so it is never a formula.
import type { AuditEntry } from './types';

export const CSV_COLUMNS = [
  'seq',
  'at',
  'kind',
  'operator_id',
  'operator_name',
  'operator_role',
  'action',
  'account_no',
  'request_id',
  'profile',
  'outcome',
  'reason',
  'before',
  'after',
  'detail',
  'prev_hash',
  'hash',
] as const;

/** One cell: neutralised if it could be read as a formula, quoted where RFC 4180 asks. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const json = (v: unknown) => (v === null || v === undefined ? '' : JSON.stringify(v));

export function csvRow(e: AuditEntry): string {
  const cells = [
    String(e.seq),
    e.at,
    e.kind,
    e.operator?.id ?? '',
    e.operator?.displayName ?? '',
    e.operator?.role ?? '',
    e.action,
    e.accountNo === null ? '' : String(e.accountNo),
    e.requestId ?? '',
    e.profile ?? '',
    e.outcome ?? '',
    e.reason ?? '',
    json(e.before),
    json(e.after),
    json(e.detail),
    e.prevHash,
    e.hash,
  ];
  return cells.map(csvCell).join(',');
}

export function toCsv(entries: Iterable<AuditEntry>): { csv: string; rows: number } {
  const lines = [CSV_COLUMNS.join(',')];
  for (const e of entries) lines.push(csvRow(e));
  return { csv: `\uFEFF${lines.join('\r\n')}\r\n`, rows: lines.length - 1 };
}
