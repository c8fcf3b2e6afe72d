// Multi-row INSERT for the seeder: one statement call per batch of rows instead of per
// row, which saves about a third of node:sqlite's per-call cost on millions of rows.
import type { DatabaseSync, SQLInputValue, StatementSync } from 'node:sqlite';

export class BulkInsert {
  private readonly buf: SQLInputValue[] = [];
  private readonly many: StatementSync;
  private readonly one: StatementSync;
  private readonly width: number;

  constructor(db: DatabaseSync, table: string, columns: readonly string[], private readonly rows = 32) {
    this.width = columns.length;
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    const head = `INSERT INTO ${table} (${columns.join(', ')}) VALUES `;
    this.many = db.prepare(head + Array.from({ length: rows }, () => tuple).join(', '));
    this.one = db.prepare(head + tuple);
  }

  add(values: readonly SQLInputValue[]): void {
    if (values.length !== this.width) throw new Error(`expected ${this.width} values, got ${values.length}`);
    for (const v of values) this.buf.push(v);
    if (this.buf.length === this.width * this.rows) {
      this.many.run(...this.buf);
      this.buf.length = 0;
    }
  }

  flush(): void {
    for (let i = 0; i < this.buf.length; i += this.width) this.one.run(...this.buf.slice(i, i + this.width));
    this.buf.length = 0;
  }
}
