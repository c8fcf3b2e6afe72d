// The one write pipeline (issue 8, decisions D51–D56 in docs/decisions.md; docs/writes.md). Every write the desk makes comes here
// as a command and goes
//   check operator + profile → audit intent → durable outbox row → send (signed at send
//   time, as the operator who made it) → settle → audit outcome → answer
// Replay is per-account FIFO with exponential back-off and jitter; items belong to their
// connection profile and are only ever sent with that profile's client; an unknown outcome
// is settled by reading state before anything is sent again (./settle.ts).
import { randomUUID } from 'node:crypto';
import type { AmpsClient } from '../amps/client';
import type { CoreClient } from '../amps/coreClient';
import { AmpsError } from '../amps/errors';
import { CoreError } from '../errors';
import { AuditRefusedError } from '../audit/scrub';
import type { AuditInput, AuditLog, WriteOutcome } from '../audit/types';
import type { Operator } from '../services/context';
import { notMadeInWords, reasonCommentText, type Command, type CommandInput, type OutboxItemView, type OutboxStatus } from '../../../shared/commands';
import { LIMITS } from '../../../shared/amps';
import { operatorName } from '../../../shared/domain/operators';
import { buildRequest, interpret } from './requests';
import { settle } from './settle';
import { isCoreRequest, type OutboxStore, type OutboxRow, type Problem } from './store';
import { describeItem } from './describe';
import { say } from '../../../shared/ipc/say';

export type Answer =
  | { outcome: 'APPLIED'; requestId: string; result: unknown }
  | { outcome: 'REJECTED'; requestId: string; message: string; fields: { path: string; message: string }[] }
  | { outcome: 'QUEUED'; requestId: string }
  | { outcome: 'UNKNOWN'; requestId: string; message: string };

export interface SubmitAnswer {
  main: Answer;
  /** The reason comment's fate; absent when no reason was given. */
  reason?: Answer;
}

/** Where the fault tests may kill the process (scripts/fault-outbox.ts). */
export type FaultPoint = 'queuing' | 'durable' | 'sending' | 'sent';

export interface PipelineOptions {
  store: OutboxStore;
  audit: AuditLog;
  /** The signed client of one profile (never another's). */
  clientFor(profile: string): Promise<AmpsClient>;
  /**
   * The core API client of one profile (Aria's /v1/core: plan replacement, D71). Only the
   * commands that use it ask for it; without it such a command waits, it is never sent elsewhere.
   */
  coreClientFor?(profile: string): Promise<CoreClient>;
  profileExists(profile: string): boolean;
  activeProfile(): string | null;
  operator(): Operator | null;
  now?: () => number;
  applicationId?: string;
  /** First retry delay and the longest (default 1 s and 30 s), jittered by ±50 %. */
  backoff?: { baseMs: number; maxMs: number };
  /** How long a submit waits for AMPS before answering QUEUED or UNKNOWN (default 12 s). */
  answerWaitMs?: number;
  /** Accounts sent to in parallel (default 8: their results share one group commit, D80); one account is always one at a time. */
  concurrency?: number;
  random?: () => number;
  log?: (line: string) => void;
  fault?: (point: FaultPoint, row: OutboxRow) => void;
}

type Mode = OutboxStatus['mode'];
const CHOSEN_KEY = 'offlineByChoice';

export class WritePipeline {
  private readonly store: OutboxStore;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly log: (line: string) => void;
  private readonly backoff: { baseMs: number; maxMs: number };
  private readonly answerWaitMs: number;
  private readonly concurrency: number;
  private reachable = true;
  private chosenOffline: boolean;
  private readonly busy = new Set<string>();
  private readonly waiters = new Map<string, (a: Answer) => void>();
  private timer: NodeJS.Timeout | undefined;
  private pumping = false;
  private pumpAgain = false;
  private closed = false;
  private readonly idleWaiters: (() => void)[] = [];
  /** Rows marked 'sending' together with their predecessor's outcome, not yet sent (see applied()). */
  private readonly premarked = new Set<string>();
  /** Group commit (D80): state changes and audit entries waiting for the next flush. */
  private group: { run: (() => void) | null; entries: AuditInput[]; resolve(): void; reject(e: unknown): void }[] = [];

  constructor(private readonly o: PipelineOptions) {
    this.store = o.store;
    this.now = o.now ?? Date.now;
    this.random = o.random ?? Math.random;
    this.log = o.log ?? (() => {});
    this.backoff = o.backoff ?? { baseMs: 1000, maxMs: 30_000 };
    this.answerWaitMs = o.answerWaitMs ?? 12_000;
    this.concurrency = o.concurrency ?? 8;
    this.chosenOffline = this.store.meta(CHOSEN_KEY) === '1';
  }

  /** Starts replay of what an earlier run left (after a restart, a crash, a profile switch). */
  start(): void {
    this.store.prune(this.now() - 7 * 86_400_000);
    this.schedule(0);
  }

  close(): void {
    this.flush(); // what is decided is written before the store closes
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
  }

  // ── submitting ──────────────────────────────────────────────────────────────────────

  async submit(input: CommandInput): Promise<SubmitAnswer> {
    const cmd = input as Command; // callers hand over parsed commands (the router validated them)
    const operator = this.o.operator();
    if (!operator) throw new CoreError('FORBIDDEN', say('signInToChange'));
    const profile = this.o.activeProfile();
    if (!profile) throw new CoreError('NOT_CONFIGURED', say('noActiveProfile'));
    const now = this.now();
    const main = this.newRow(cmd, operator, profile, now, null);
    const reasonText = reasonCommentText(cmd);
    const reason = reasonText
      ? this.newRow({ type: 'comment.add', accountNo: cmd.accountNo, text: reasonText.slice(0, LIMITS.commentText), reasonFor: main.id }, operator, profile, now, main.id)
      : undefined;
    const rows = reason ? [main, reason] : [main];

    // Intent first: a write that is later lost to a crash still shows who meant what. The
    // write and its reason in one audit transaction (one fsync).
    try {
      this.appendAudit(rows.map((r) => this.auditInput(r, 'intent', null)));
    } catch (e) {
      // The audit log refused what it was given (a card number in a field, D95): said on the
      // field; nothing is stored, nothing is sent.
      if (e instanceof AuditRefusedError) throw Object.assign(new CoreError('VALIDATION', say('auditRefused'), e.fields), { message: `Nothing was saved or sent: ${e.message}` });
      // The audit log cannot take it (e.g. its disk is full): nothing is stored, nothing is sent.
      this.log(`outbox: could not record the intent of a write (${(e as Error).message})`);
      throw notSaved(e);
    }
    this.o.fault?.('queuing', main as OutboxRow);
    try {
      this.store.insert(rows);
    } catch (e) {
      for (const r of rows) this.audit(r, 'outcome', 'REJECTED', { notSaved: String((e as Error).message ?? e) });
      this.log(`outbox: could not store a write (${(e as Error).message})`);
      throw notSaved(e);
    }
    this.o.fault?.('durable', this.store.get(main.id)!);

    const blocked = this.mode() !== 'online' || this.store.hasWaiting(profile, cmd.accountNo, main.id, now);
    const waits = blocked ? [] : rows.map((r) => this.waitFor(r.id));
    this.schedule(0);
    const first = blocked ? this.queued(main.id) : await waits[0]!.answer;
    let second: Answer | undefined;
    if (reason) {
      if (first.outcome === 'APPLIED') second = await waits[1]!.answer;
      else {
        waits[1]?.cancel();
        second =
          first.outcome === 'REJECTED'
            ? { outcome: 'REJECTED', requestId: reason.id, message: first.message, fields: [] }
            : this.queued(reason.id);
      }
    }
    return { main: first, ...(second ? { reason: second } : {}) };
  }

  private newRow(cmd: Command, operator: Operator, profile: string, now: number, dependsOn: string | null) {
    return {
      id: randomUUID(),
      profile,
      accountNo: cmd.accountNo,
      type: cmd.type,
      command: cmd,
      request: buildRequest(cmd, operator, now, this.o.applicationId ?? 'CSR-DESK'),
      operator,
      dependsOn,
      createdAt: now,
    };
  }

  private queued(id: string): Answer {
    // The answer rests on the row, which is durable already. The "queued" note in the audit
    // log goes with the next group commit, right after this answer (D80): not one more fsync
    // between the agent and "saved on this computer".
    const row = this.store.get(id);
    if (row) this.commit(null, [this.auditInput(row, 'outcome', 'QUEUED')]).catch((e: unknown) => this.log(`outbox: the audit note "queued" could not be written (${String(e)})`));
    return { outcome: 'QUEUED', requestId: id };
  }

  /** The first answer the item gets, or after answerWaitMs what its state says. */
  private waitFor(id: string): { answer: Promise<Answer>; cancel(): void } {
    let cancel = () => {};
    const answer = new Promise<Answer>((resolve) => {
      const t = setTimeout(() => {
        this.waiters.delete(id);
        const row = this.store.get(id);
        if (row && (row.state === 'sending' || row.state === 'unknown'))
          resolve({ outcome: 'UNKNOWN', requestId: id, message: 'The billing system has not confirmed the change yet; it is being checked.' });
        else resolve(this.queued(id));
      }, this.answerWaitMs);
      t.unref?.();
      cancel = () => {
        clearTimeout(t);
        this.waiters.delete(id);
      };
      this.waiters.set(id, (a) => {
        cancel();
        resolve(a);
      });
    });
    return { answer, cancel };
  }

  /** Tells a waiting submit that its write is queued (and records that once). */
  private answerQueued(id: string): void {
    if (this.waiters.has(id)) this.answer(id, this.queued(id));
  }

  private answer(id: string, a: Answer): void {
    this.waiters.get(id)?.(a);
  }

  // ── state the UI reads ──────────────────────────────────────────────────────────────

  mode(): Mode {
    return this.chosenOffline ? 'chosen' : this.reachable ? 'online' : 'offline';
  }

  status(): OutboxStatus {
    const active = this.o.activeProfile();
    const c = this.store.counts(active ?? '');
    return { mode: this.mode(), ...c, profile: active };
  }

  /** Open items of the active profile (optionally one account), in queue order. */
  list(accountNo?: number): OutboxItemView[] {
    const active = this.o.activeProfile();
    return this.store
      .open()
      .filter((r) => r.profile === active && (accountNo === undefined || r.accountNo === accountNo))
      .map((r) => this.view(r));
  }

  private view(r: OutboxRow): OutboxItemView {
    return {
      id: r.id,
      seq: r.seq,
      profile: r.profile,
      accountNo: r.accountNo,
      type: r.type,
      detail: describeItem(r.command),
      state: r.state,
      reasonFor: r.dependsOn,
      operator: operatorName(r.operator),
      createdAt: new Date(r.createdAt).toISOString(),
      attempts: r.attempts,
      nextAttemptAt: r.state === 'pending' && r.nextAt > this.now() ? new Date(r.nextAt).toISOString() : null,
      problem: r.problem,
      command: r.command,
    };
  }

  setOffline(offline: boolean): OutboxStatus {
    this.chosenOffline = offline;
    this.store.setMeta(CHOSEN_KEY, offline ? '1' : '0');
    if (!offline) {
      // Back online by choice: try now, not after the last back-off.
      this.reachable = true;
      for (const r of this.store.open()) if (r.state === 'pending' && r.nextAt > this.now()) this.store.update({ ...r, nextAt: 0 }, this.now());
      this.schedule(0);
    }
    return this.status();
  }

  // ── a person's decisions on parked items ───────────────────────────────────────────

  private own(id: string): OutboxRow {
    const row = this.store.get(id);
    if (!row || row.profile !== this.o.activeProfile()) throw new CoreError('NOT_FOUND', say('changeNotWaiting'));
    return row;
  }

  retry(id: string): OutboxItemView {
    const row = this.own(id);
    if (row.state !== 'parked') throw new CoreError('VALIDATION', say('retryOnlyParked'), [{ path: 'id', message: 'not parked' }]);
    // An undecided outcome is read again before anything is sent (it may have landed meanwhile).
    const state = row.problem?.kind === 'undecided' ? 'unknown' : 'pending';
    const next = { ...row, state, attempts: 0, nextAt: 0, problem: null } as const;
    this.store.update(next, this.now());
    this.schedule(0);
    return this.view({ ...row, ...next });
  }

  edit(id: string, input: CommandInput): OutboxItemView {
    const cmd = input as Command;
    const row = this.own(id);
    if (row.state !== 'parked' && !(row.state === 'pending' && !this.busy.has(key(row))))
      throw new CoreError('VALIDATION', say('editOnlyUnsent'), [{ path: 'id', message: 'already sent' }]);
    if (row.problem?.kind === 'undecided') throw new CoreError('VALIDATION', say('editUndecided'), [{ path: 'id', message: 'undecided' }]);
    if (cmd.type !== row.type || cmd.accountNo !== row.accountNo)
      throw new CoreError('VALIDATION', say('editSameKind'), [{ path: 'command.type', message: 'must not change' }]);
    const operator = this.o.operator();
    if (!operator) throw new CoreError('FORBIDDEN', say('signInToChange'));
    // The edited command is sent as the person who edited it; the comment keeps its time.
    const request = buildRequest(cmd, row.operator.id === operator.id ? row.operator : operator, row.createdAt, this.o.applicationId ?? 'CSR-DESK');
    this.store.replaceCommand(id, cmd, request, this.now());
    this.audit({ ...row, command: cmd }, 'intent', null, { edited: true });
    const next = { ...row, command: cmd, request, state: 'pending', attempts: 0, nextAt: 0, problem: null } as const;
    this.store.update(next, this.now());
    this.schedule(0);
    return this.view(next);
  }

  discard(id: string): { discarded: boolean } {
    const row = this.own(id);
    if (row.state !== 'parked' && !(row.state === 'pending' && !this.busy.has(key(row))))
      throw new CoreError('VALIDATION', say('discardInProgress'), [{ path: 'id', message: 'in progress' }]);
    this.finish(row, 'discarded', null, row.problem);
    this.schedule(0);
    return { discarded: true };
  }

  // ── replay ──────────────────────────────────────────────────────────────────────────

  private schedule(ms: number): void {
    if (this.closed) return;
    if (ms <= 0) {
      if (this.pumping) this.pumpAgain = true;
      else setImmediate(() => void this.pump());
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.pump(), ms);
    this.timer.unref?.();
  }

  private pump(): void {
    if (this.closed || this.pumping) return;
    this.pumping = true;
    try {
      do {
        this.pumpAgain = false;
        this.dispatch();
      } while (this.pumpAgain);
    } finally {
      this.pumping = false;
    }
    if (!this.busy.size) for (const w of this.idleWaiters.splice(0)) w();
  }

  private dispatch(): void {
    if (this.chosenOffline) return;
    const now = this.now();
    let soonest = Number.POSITIVE_INFINITY;
    for (const head of this.store.heads()) {
      const k = key(head);
      if (this.busy.has(k) || head.state === 'parked') continue;
      if (head.nextAt > now) {
        soonest = Math.min(soonest, head.nextAt);
        continue;
      }
      // Unreachable: one probe at a time, not a burst.
      if (!this.reachable && this.busy.size) continue;
      if (this.busy.size >= this.concurrency) continue;
      this.busy.add(k);
      void this.work(head)
        .catch((e: unknown) => {
          // E.g. the disk is full: the row keeps its last durable state and is tried again later.
          this.log(`outbox: replay of ${head.type} stopped (${e instanceof Error ? e.message : String(e)})`);
          this.schedule(this.backoff.maxMs);
        })
        .finally(() => {
          this.busy.delete(k);
          this.schedule(0);
        });
    }
    if (Number.isFinite(soonest)) this.schedule(Math.max(1, soonest - now));
  }

  /** Works one account's queue in order until its head waits (back-off, a person, offline). */
  private async work(first: OutboxRow): Promise<void> {
    let row: OutboxRow | undefined = first;
    while (row && !this.closed && !this.chosenOffline && row.state !== 'parked' && row.nextAt <= this.now()) {
      await this.process(row);
      if (!this.reachable) return;
      row = this.store.head(row.profile, row.accountNo);
    }
  }

  private async process(row: OutboxRow): Promise<void> {
    if (row.dependsOn) {
      const parent = this.store.get(row.dependsOn);
      if (parent && parent.state !== 'applied') {
        // A reason explains a write that was not made: it is never sent on its own.
        this.finish(row, 'discarded', null, { kind: 'blocked', message: 'the change it explains was not made' });
        this.answer(row.id, { outcome: 'REJECTED', requestId: row.id, message: 'The change was not made, so its reason was not recorded.', fields: [] });
        return;
      }
    }
    if (!this.o.profileExists(row.profile)) {
      this.park(row, { kind: 'profileMissing', message: `the connection profile “${row.profile}” no longer exists` });
      this.answerQueued(row.id);
      return;
    }
    let client: AmpsClient;
    try {
      client = await this.o.clientFor(row.profile);
    } catch (e) {
      this.retryLater(row, row.state === 'pending' ? 'pending' : 'unknown', e instanceof Error ? e.message : 'the connection could not be set up');
      this.answerQueued(row.id);
      return;
    }
    let core: CoreClient | undefined;
    if (isCoreRequest(row.request)) {
      // Set up before anything is sent: a plan command without its core client waits, unsent.
      try {
        core = await this.coreFor(row)();
      } catch (e) {
        this.retryLater(row, row.state === 'pending' ? 'pending' : 'unknown', e instanceof Error ? e.message : 'the core API connection could not be set up');
        this.answerQueued(row.id);
        return;
      }
    }
    if (row.state === 'sending' && this.premarked.delete(row.id)) await this.send(row, client, true, core);
    else if (row.state === 'sending' || row.state === 'unknown') await this.settleRow(row, client);
    else await this.send(row, client, false, core);
  }

  /** The core API client of the row's profile (plan commands, D71); the same profile, never another. */
  private coreFor(row: OutboxRow): () => Promise<CoreClient> {
    return async () => {
      if (!this.o.coreClientFor) throw new CoreError('NOT_CONFIGURED', say('noCoreApi'));
      return this.o.coreClientFor(row.profile);
    };
  }

  private async send(row: OutboxRow, client: AmpsClient, marked = false, core?: CoreClient): Promise<void> {
    // Durably 'sending' before it leaves: after a crash it is settled by reading, never resent blindly.
    const sending = marked ? row : { ...row, state: 'sending' as const, attempts: row.attempts + 1 };
    // Accounts started together are marked in one transaction (group commit, D80).
    if (!marked) await this.commit(() => this.store.update(sending, this.now()), []);
    this.o.fault?.('sending', sending);
    let response: unknown;
    const request = row.request;
    try {
      response = isCoreRequest(request)
        ? // Aria's core API (plans, D71): one POST to /v1/core, as the operator who queued it.
          await (core ?? (await this.coreFor(row)())).call(request.restCall, request.payload as never, { write: true, callerId: row.operator.id })
        : await client.call(request.endpoint, request.payload as never, {
            account: { ariaAccountNo: row.accountNo },
            userID: row.operator.id,
          });
    } catch (e) {
      this.o.fault?.('sent', sending);
      return this.sendFailed(sending, client, e);
    }
    this.o.fault?.('sent', sending);
    this.reachable = true;
    let verdict;
    try {
      verdict = interpret(row.command, response);
    } catch {
      // AMPS accepted the write; only reading its answer failed here. It stands.
      verdict = { kind: 'applied' as const, result: null };
    }
    if (verdict.kind === 'applied') await this.applied(sending, verdict.result);
    else this.rejected(sending, verdict.message, verdict.fields);
  }

  private async sendFailed(row: OutboxRow, client: AmpsClient, e: unknown): Promise<void> {
    if (e instanceof AmpsError) {
      switch (e.code) {
        case 'REJECTED':
        case 'INVALID_REQUEST':
          this.reachable = true;
          return this.rejected(row, e.message, e.fields);
        case 'UNREACHABLE':
          // Never reached AMPS: safe to send again later.
          this.reachable = false;
          this.retryLater(row, 'pending', e.message);
          this.answerQueued(row.id);
          return;
        default:
          break; // timeout after sending, reset, 5xx, an unreadable answer: it may have landed
      }
    }
    this.log(`outbox: ${row.type} outcome unknown (${e instanceof Error ? e.message : 'error'})`);
    const unknown = { ...row, state: 'unknown' as const };
    this.store.update(unknown, this.now());
    this.audit(unknown, 'outcome', 'UNKNOWN', { message: e instanceof Error ? e.message : String(e) });
    await this.settleRow(unknown, client);
  }

  private async settleRow(row: OutboxRow, client: AmpsClient): Promise<void> {
    let verdict;
    try {
      verdict = await settle(row, client, this.coreFor(row));
    } catch (e) {
      if (e instanceof AmpsError && (e.code === 'UNREACHABLE' || e.code === 'TIMEOUT')) this.reachable = false;
      this.retryLater(row, 'unknown', e instanceof Error ? e.message : 'reading back failed');
      this.answer(row.id, { outcome: 'UNKNOWN', requestId: row.id, message: 'The billing system has not confirmed the change; it is being checked.' });
      return;
    }
    this.reachable = true;
    if (verdict.kind === 'applied') {
      await this.applied(row, verdict.result, true);
    } else if (verdict.kind === 'notApplied') {
      // Read and not there: now, and only now, it may be sent again.
      this.log(`outbox: ${row.type} was not applied; sending again`);
      this.store.update({ ...row, state: 'pending', nextAt: 0, problem: null }, this.now());
    } else {
      this.park(row, { kind: 'undecided', message: verdict.message });
      this.answer(row.id, { outcome: 'UNKNOWN', requestId: row.id, message: 'It could not be confirmed whether the change was made; a person needs to check it.' });
    }
  }

  private async applied(row: OutboxRow, result: unknown, settled = false): Promise<void> {
    const partly = this.partly(row, result);
    const detail = settled || partly ? { ...(settled ? { settledByReading: true } : {}), ...(partly ?? {}) } : undefined;
    // Group commit (D80): writes of several accounts that land in the same turn of the event
    // loop are recorded together, one outbox fsync and one audit fsync for all of them. The
    // next item of the account is marked 'sending' in the same transaction and sent by this
    // worker right after. The answer waits until both are on disk.
    let marked: string | undefined;
    await this.commit(
      () => {
        this.store.update({ ...row, state: 'applied', result, problem: null, nextAt: 0 }, this.now());
        const next = this.chosenOffline || this.closed ? undefined : this.store.after(row);
        if (next && next.state === 'pending' && next.nextAt <= this.now()) {
          this.store.update({ ...next, state: 'sending', attempts: next.attempts + 1 }, this.now());
          marked = next.id;
        }
      },
      [this.auditInput(row, 'outcome', 'APPLIED', detail, result)],
    );
    // Only once committed: a mark that was rolled back must not let the row skip settling.
    if (marked) this.premarked.add(marked);
    this.answer(row.id, { outcome: 'APPLIED', requestId: row.id, result });
  }

  /**
   * An account change AMPS made only in part (per-action result codes, D57): the audit
   * outcome says which actions were made and which not, and the reason comment queued
   * behind it (not sent yet) says what was not made, so nobody reads it as all done.
   */
  private partly(row: OutboxRow, result: unknown): { partly: { made: string[]; notMade: { action: string; resultText: string }[] } } | undefined {
    if (row.command.type !== 'account.manage') return undefined;
    const results = (result as { results?: { actionDirective: string; resultCode: number; resultText: string }[] } | null)?.results ?? [];
    if (!results.some((r) => r.resultCode < 0)) return undefined;
    const note = notMadeInWords(row.command, results);
    for (const d of this.store.dependents(row.id)) {
      if (d.command.type !== 'comment.add' || !note) continue;
      const text = `${d.command.text} ${note}`.slice(0, LIMITS.commentText);
      const cmd = { ...d.command, text };
      this.store.replaceCommand(d.id, cmd, buildRequest(cmd, d.operator, d.createdAt, this.o.applicationId ?? 'CSR-DESK'), this.now());
    }
    return {
      partly: {
        made: results.filter((r) => r.resultCode >= 0).map((r) => r.actionDirective),
        notMade: results.filter((r) => r.resultCode < 0).map((r) => ({ action: r.actionDirective, resultText: r.resultText })),
      },
    };
  }

  private rejected(row: OutboxRow, message: string, fields: { path: string; message: string }[]): void {
    const problem: Problem = { kind: 'rejected', message, ...(fields.length ? { fields } : {}) };
    if (this.waiters.has(row.id) && row.attempts <= 1) {
      // The operator is at the form: the refusal goes back to it and nothing waits.
      this.finish(row, 'rejected', null, problem);
      for (const d of this.store.dependents(row.id)) this.finish(d, 'discarded', null, { kind: 'blocked', message: 'the change it explains was refused' });
      this.answer(row.id, { outcome: 'REJECTED', requestId: row.id, message, fields });
    } else {
      // Found in replay: a person decides; later items of the account wait behind it.
      this.park(row, problem);
    }
  }

  private park(row: OutboxRow, problem: Problem): void {
    this.store.update({ ...row, state: 'parked', problem, nextAt: 0 }, this.now());
    this.audit(row, 'outcome', 'PARKED', problem);
  }

  private finish(row: OutboxRow, state: 'applied' | 'rejected' | 'discarded', result: unknown, problem: Problem | null, detail?: unknown): void {
    this.store.update({ ...row, state, result, problem, nextAt: 0 }, this.now());
    const outcome: WriteOutcome = state === 'applied' ? 'APPLIED' : state === 'rejected' ? 'REJECTED' : 'DISCARDED';
    this.audit(row, 'outcome', outcome, detail ?? problem ?? undefined, result);
    if (state === 'discarded') for (const d of this.store.dependents(row.id)) this.finish(d, 'discarded', null, { kind: 'blocked', message: 'the change it explains was discarded' });
  }

  private retryLater(row: OutboxRow, state: 'pending' | 'unknown' | 'sending', why: string): void {
    const attempts = Math.max(row.attempts, 1);
    const delay = Math.min(this.backoff.maxMs, this.backoff.baseMs * 2 ** (attempts - 1));
    const jittered = Math.round(delay / 2 + this.random() * (delay / 2));
    this.log(`outbox: ${row.type} waits ${jittered} ms (${why})`);
    this.store.update({ ...row, state: state === 'sending' ? 'unknown' : state, attempts, nextAt: this.now() + jittered }, this.now());
    this.schedule(jittered);
  }

  /**
   * Resolves true when nothing is left to send or settle (only parked items, if any, wait for
   * a person), false after timeoutMs. Offline by choice: true at once. For tests and scripts.
   */
  async idle(timeoutMs = 30_000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.chosenOffline && !this.busy.size) return true;
      const working = this.store.heads().some((r) => r.state !== 'parked');
      if (!this.busy.size && !working) return true;
      await new Promise<void>((r) => {
        this.idleWaiters.push(r);
        setTimeout(r, 25); // kept referenced: whoever waits here keeps the process alive
      });
    }
    return false;
  }

  // ── audit ───────────────────────────────────────────────────────────────────────────

  private audit(
    row: Pick<OutboxRow, 'id' | 'type' | 'accountNo' | 'profile' | 'operator' | 'command' | 'dependsOn'>,
    kind: 'intent' | 'outcome',
    outcome: WriteOutcome | null,
    detail?: unknown,
    result?: unknown,
  ): void {
    this.appendAudit([this.auditInput(row, kind, outcome, detail, result)]);
  }

  /**
   * Appends now, together with whatever waits for the group commit (in one audit transaction,
   * in the order things happened); throws if that cannot be written.
   */
  private appendAudit(entries: AuditInput[]): void {
    let failure: { e: unknown } | undefined;
    this.group.push({ run: null, entries, resolve: () => {}, reject: (e) => (failure = { e }) });
    this.flush();
    if (failure) throw failure.e;
  }

  // ── group commit (D80) ──────────────────────────────────────────────────────────────

  /**
   * Queues a state change (run inside one outbox transaction with the others) and audit
   * entries (one audit transaction) for the next flush, which runs once the event loop has
   * handled the I/O that is ready: answers that arrive together are written together.
   * Resolves once both are on disk.
   */
  private commit(run: (() => void) | null, entries: AuditInput[]): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.group.push({ run, entries, resolve, reject });
      if (this.group.length === 1) setImmediate(() => this.flush());
    });
  }

  private flush(): void {
    if (!this.group.length) return;
    const batch = this.group;
    this.group = [];
    try {
      const runs = batch.filter((b) => b.run);
      if (runs.length) this.store.batch(() => runs.forEach((b) => b.run!()));
      const entries = batch.flatMap((b) => b.entries);
      if (entries.length) appendAll(this.o.audit, entries);
    } catch (e) {
      // E.g. the disk is full: nothing of this batch is confirmed; each caller handles it.
      for (const b of batch) b.reject(e);
      return;
    }
    for (const b of batch) b.resolve();
  }

  private auditInput(
    row: Pick<OutboxRow, 'id' | 'type' | 'accountNo' | 'profile' | 'operator' | 'command' | 'dependsOn'>,
    kind: 'intent' | 'outcome',
    outcome: WriteOutcome | null,
    detail?: unknown,
    result?: unknown,
  ): AuditInput {
    const cmd = row.command;
    const reason = 'reason' in cmd ? (cmd.reason ?? null) : null;
    const entry: AuditInput = {
      kind,
      operator: { id: row.operator.id, displayName: row.operator.displayName, role: row.operator.role },
      action: row.dependsOn ? 'reason.add' : row.type,
      accountNo: row.accountNo,
      requestId: row.id,
      profile: row.profile,
      before: kind === 'intent' && 'before' in cmd ? (cmd.before ?? null) : null,
      after: kind === 'intent' ? afterOf(cmd) : (result ?? null),
      outcome,
      reason,
      detail: detail ?? (row.dependsOn ? { reasonFor: row.dependsOn } : null),
    };
    return entry;
  }
}

/** Several entries in one transaction where the log can (the desk's log: one fsync), else one by one. */
function appendAll(log: AuditLog, entries: AuditInput[]): void {
  const batchable = log as AuditLog & { appendBatch?: (inputs: readonly AuditInput[]) => unknown };
  if (entries.length > 1 && typeof batchable.appendBatch === 'function') batchable.appendBatch(entries);
  else for (const e of entries) log.append(e);
}

const key = (r: Pick<OutboxRow, 'profile' | 'accountNo'>) => `${r.profile}\u0000${r.accountNo}`;

/** What the command asks for, for the audit log (no reason, no UI extras). */
function afterOf(cmd: Command): unknown {
  const { type: _t, accountNo: _a, ...rest } = cmd as Record<string, unknown>;
  delete rest.reason;
  delete rest.lang;
  delete rest.before;
  // A previewed change (plan.replace, D72): the effects the operator confirmed are the entry's
  // "after", next to what was asked for; the preview itself writes no entry of its own.
  if (rest.preview && typeof rest.preview === 'object') {
    const { preview, changes: _c, ...asked } = rest;
    return { ...(preview as Record<string, unknown>), asked };
  }
  return rest;
}

/** NOT_SAVED, naming a full disk only when SQLite said so (SQLITE_FULL), not as a guess. */
function notSaved(e: unknown): CoreError {
  const full = (e as { errcode?: number }).errcode === 13 || /disk is full|SQLITE_FULL/i.test(String((e as Error)?.message ?? e));
  return new CoreError('NOT_SAVED', say(full ? 'notSavedDiskFull' : 'notSaved'));
}
