// Comment drafts, kept in main so they survive closing the tab, a reload and a restart
// (decision D30: the web host's port changes every launch, so browser storage would not).
// One JSON file in the data folder, per operator and account; written whole to a temporary
// file, flushed and renamed, so a crash leaves the old file or the new one, never half.
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

export interface Draft {
  text: string;
  /** ISO date-time of the last save. */
  updatedAt: string;
}

interface DraftFile {
  version: 1;
  /** operator id → "comment:<accountNo>" → draft */
  drafts: Record<string, Record<string, Draft>>;
}

export interface DraftStoreOptions {
  now?: () => number;
  /** Oldest drafts of an operator are dropped beyond this many (a forgotten draft must not grow the file forever). */
  maxPerOperator?: number;
  log?: (line: string) => void;
}

const key = (accountNo: number) => `comment:${accountNo}`;

/** Writes the whole file to a temporary one, flushes it to disk and renames it into place (0600). */
export function writeJsonDurably(file: string, data: unknown): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, JSON.stringify(data));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
}

export class DraftStore {
  private data: DraftFile;
  private readonly now: () => number;
  private readonly max: number;

  constructor(
    private readonly file: string,
    opts: DraftStoreOptions = {},
  ) {
    this.now = opts.now ?? Date.now;
    this.max = opts.maxPerOperator ?? 200;
    this.data = this.read(opts.log ?? (() => {}));
  }

  private read(log: (line: string) => void): DraftFile {
    if (!existsSync(this.file)) return { version: 1, drafts: {} };
    try {
      const parsed = JSON.parse(readFileSync(this.file, 'utf8')) as DraftFile;
      if (parsed?.version === 1 && parsed.drafts && typeof parsed.drafts === 'object') return { version: 1, drafts: Object.assign(Object.create(null), parsed.drafts) };
    } catch {
      // fall through: keep the unreadable file for a person to look at, start empty
    }
    const aside = `${this.file}.unreadable-${this.now()}`;
    renameSync(this.file, aside);
    log(`drafts: ${this.file} could not be read; kept as ${aside}, starting empty`);
    return { version: 1, drafts: {} };
  }

  private persist(): void {
    writeJsonDurably(this.file, this.data);
  }

  get(operatorId: string, accountNo: number): Draft | null {
    const d = this.data.drafts[operatorId]?.[key(accountNo)];
    return d ? { ...d } : null;
  }

  /** Saves the text; an empty (or blank) text deletes the draft instead. */
  put(operatorId: string, accountNo: number, text: string): Draft | null {
    if (!text.trim()) {
      this.delete(operatorId, accountNo);
      return null;
    }
    const mine = (this.data.drafts[operatorId] ??= Object.create(null) as Record<string, Draft>);
    const draft: Draft = { text, updatedAt: new Date(this.now()).toISOString() };
    delete mine[key(accountNo)]; // re-inserted last: insertion order is age order
    mine[key(accountNo)] = draft;
    const keys = Object.keys(mine);
    for (const old of keys.slice(0, Math.max(0, keys.length - this.max))) delete mine[old];
    this.persist();
    return { ...draft };
  }

  delete(operatorId: string, accountNo: number): boolean {
    const mine = this.data.drafts[operatorId];
    if (!mine?.[key(accountNo)]) return false;
    delete mine[key(accountNo)];
    if (!Object.keys(mine).length) delete this.data.drafts[operatorId];
    this.persist();
    return true;
  }
}
