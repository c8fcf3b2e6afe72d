// A local file the app keeps (settings.json, the secrets file, operators.sqlite, the outbox
// and audit databases) that exists but cannot be read. Whoever opens such a file throws
// DamagedFileError (or is wrapped in guardFile, which turns any failure to open into one);
// the composition root then starts in recovery mode: app.info lists the problems, the
// renderer says what is wrong in words, and localState.moveAside moves the file out of the
// way (kept, renamed with a timestamp, for support) so the app can start fresh. Decision D50.
import type { LocalStateProblem } from '../../../shared/ipc';

export type Consequence = LocalStateProblem['consequence'];

export class DamagedFileError extends Error {
  constructor(
    /** Which local file: 'settings', 'secrets', 'operators', 'outbox', 'audit' or another name. */
    readonly file: string,
    /** Absolute path of the file. */
    readonly path: string,
    message: string,
    /** What starting fresh loses (the screen says it in words). */
    readonly consequence: Consequence,
  ) {
    super(message);
    this.name = 'DamagedFileError';
  }
}

/**
 * Opens one local store; any failure to open it (does not parse, not a database, wrong
 * schema) becomes a DamagedFileError naming the file. For the outbox and audit stores, e.g.
 * `guardFile('outbox', file, 'queued', () => openOutbox(file))` in the composition root.
 */
export function guardFile<T>(file: string, path: string, consequence: Consequence, open: () => T): T {
  try {
    return open();
  } catch (e) {
    if (e instanceof DamagedFileError) throw e;
    throw new DamagedFileError(file, path, `It cannot be read (${e instanceof Error ? e.message : String(e)}).`, consequence);
  }
}
