// The replay window (security.md "AMPS requests"; docs/decisions.md D21): a signature that
// was accepted is refused while its requestDateTime is still inside the time window. Kept in
// the sandbox's database, so a restart forgets nothing: a signed comment replayed after a
// restart is refused (-6) and not stored twice. Only the SHA-256 of the signature is kept.
import { createHash } from 'node:crypto';
import type { DatabaseSync, StatementSync } from 'node:sqlite';

export interface ReplayWindow {
  /**
   * Records an accepted signature. False when it was recorded before (a replay). Called only
   * for requests whose requestDateTime is inside the window, so any row still kept counts.
   */
  claim(signatureValue: string, requestAt: number, now: number): boolean;
}

const PRUNE_EVERY_MS = 30_000;

export class SqliteReplayWindow implements ReplayWindow {
  private readonly insert: StatementSync;
  private readonly prune: StatementSync;
  private prunedAt = -Infinity;

  constructor(
    db: DatabaseSync,
    private readonly windowMs: number,
  ) {
    this.insert = db.prepare('INSERT INTO replay_window (signature_sha256, request_at) VALUES (?, ?) ON CONFLICT DO NOTHING');
    this.prune = db.prepare('DELETE FROM replay_window WHERE request_at < ?');
  }

  claim(signatureValue: string, requestAt: number, now: number): boolean {
    // Pruned by age: a row whose requestDateTime has left the window can never match again
    // (such a request is refused as expired before it gets here).
    if (now - this.prunedAt >= PRUNE_EVERY_MS || now < this.prunedAt) {
      this.prune.run(now - this.windowMs);
      this.prunedAt = now;
    }
    const digest = createHash('sha256').update(signatureValue.toLowerCase(), 'utf8').digest();
    return Number(this.insert.run(digest, requestAt).changes) === 1;
  }
}
