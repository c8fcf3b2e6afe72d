// Who is working at this desk right now (decision D47): one session per running app (the
// Electron window, or the web host's one launch token), held in main. Signed out → every
// channel but app.info and the session channels answers UNAUTHENTICATED; locked (idle, or by
// choice) → LOCKED until the same operator types their password again. The idle clock is
// reset by sign-in, unlock and the renderer's activity pings (session.ping), never by
// background calls, so a screen left open locks on time.
import type { AuthFailure, SessionStatus } from '../../../shared/ipc';
import { normalizeOperatorId } from '../../../shared/domain/operators';
import { CoreError } from '../errors';
import type { Operator } from '../services/context';
import type { AuthResult, NewOperator, OperatorDirectory } from '../operators/directory';
import { say } from '../../../shared/ipc/say';

/** What the session reports for the audit log (main/core/audit) or a test. */
export interface SessionEvent {
  action:
    | 'session.firstAdmin'
    | 'session.signIn'
    | 'session.signInFailed'
    | 'session.lockedOut'
    | 'session.signOut'
    | 'session.lock'
    | 'session.idleLock'
    | 'session.unlock'
    | 'session.unlockFailed'
    | 'session.passwordChanged';
  /** Who it concerns (for a failed sign-in: the id that was typed, which may not exist). */
  operator: Operator | null;
  attemptedId?: string;
  detail?: Record<string, unknown>;
}

export interface DeskSessionOptions {
  directory: OperatorDirectory;
  idleLockMs: number;
  demoOperators?: boolean;
  now?: () => number;
  onEvent?: (e: SessionEvent) => void;
}

export interface SessionAnswer {
  status: SessionStatus;
  failure: AuthFailure | null;
}

export class DeskSession {
  private operator: Operator | null = null;
  private locked = false;
  private mustChange = false;
  private lastActivity = 0;
  private empty: boolean | undefined;
  private readonly now: () => number;

  constructor(private readonly opts: DeskSessionOptions) {
    this.now = opts.now ?? Date.now;
  }

  get idleLockMs(): number {
    return this.opts.idleLockMs;
  }

  /** Locks the desk when it has been idle too long; called before every decision. */
  private checkIdle(): void {
    if (this.operator && !this.locked && this.now() - this.lastActivity >= this.opts.idleLockMs) {
      this.locked = true;
      this.emit({ action: 'session.idleLock', operator: this.operator, detail: { idleSeconds: Math.round(this.opts.idleLockMs / 1000) } });
    }
  }

  /** The state the router's access check needs, synchronously. */
  current(): { operator: Operator; locked: boolean; mustChangePassword: boolean } | null {
    this.checkIdle();
    return this.operator ? { operator: this.operator, locked: this.locked, mustChangePassword: this.mustChange } : null;
  }

  /** The signed-in, unlocked operator; throws UNAUTHENTICATED / LOCKED otherwise. */
  requireOperator(): Operator {
    const c = this.current();
    if (!c) throw new CoreError('UNAUTHENTICATED', say('notSignedIn'));
    if (c.locked) throw new CoreError('LOCKED', say('deskLocked'));
    return c.operator;
  }

  async status(): Promise<SessionStatus> {
    this.checkIdle();
    // The directory only stops being empty through setupFirstAdmin (or the provisioning
    // command while the app is closed), so the answer is cached once it is false.
    if (this.empty !== false) this.empty = await this.opts.directory.isEmpty();
    const state = this.empty ? 'setup' : !this.operator ? 'signedOut' : this.locked ? 'locked' : 'signedIn';
    return {
      state,
      operator: this.operator ? { ...this.operator } : null,
      mustChangePassword: this.operator ? this.mustChange : false,
      idleLockSeconds: Math.max(1, Math.round(this.opts.idleLockMs / 1000)),
      demoOperators: this.opts.demoOperators === true,
    };
  }

  private touch(): void {
    this.lastActivity = this.now();
  }

  private start(operator: Operator, mustChange: boolean): void {
    this.operator = operator;
    this.locked = false;
    this.mustChange = mustChange;
    this.touch();
  }

  private emit(e: SessionEvent): void {
    try {
      this.opts.onEvent?.(e);
    } catch {
      /* the audit hook reports its own failures; a sign-in never fails because of it */
    }
  }

  private failure(r: Exclude<AuthResult, { ok: true }>): AuthFailure {
    return { reason: r.reason, retryAfterSeconds: r.reason === 'locked' ? Math.ceil(r.retryAfterMs / 1000) : null };
  }

  async setupFirstAdmin(input: { id: string; displayName: string; password: string }): Promise<SessionStatus> {
    if (!(await this.opts.directory.isEmpty())) throw new CoreError('FORBIDDEN', say('deskHasOperators'));
    const rec = await this.opts.directory.add({ ...input, role: 'admin' } satisfies NewOperator);
    this.empty = false;
    const operator: Operator = { id: rec.id, displayName: rec.displayName, role: rec.role };
    this.start(operator, false);
    this.emit({ action: 'session.firstAdmin', operator });
    return this.status();
  }

  async signIn(id: string, password: string): Promise<SessionAnswer> {
    const attemptedId = normalizeOperatorId(id);
    const r = await this.opts.directory.authenticate(attemptedId, password);
    if (!r.ok) {
      this.emit({
        action: r.reason === 'locked' ? 'session.lockedOut' : 'session.signInFailed',
        operator: null,
        attemptedId,
        detail: { reason: r.reason, ...(r.reason === 'locked' ? { retryAfterSeconds: Math.ceil(r.retryAfterMs / 1000) } : {}) },
      });
      return { status: await this.status(), failure: this.failure(r) };
    }
    // Someone else signing in at a desk ends the previous operator's session.
    if (this.operator && this.operator.id !== r.operator.id) this.emit({ action: 'session.signOut', operator: this.operator, detail: { replacedBy: r.operator.id } });
    this.start(r.operator, r.mustChangePassword);
    this.emit({ action: 'session.signIn', operator: r.operator });
    return { status: await this.status(), failure: null };
  }

  async signOut(): Promise<SessionStatus> {
    if (this.operator) this.emit({ action: 'session.signOut', operator: this.operator });
    this.operator = null;
    this.locked = false;
    this.mustChange = false;
    return this.status();
  }

  /** Ends the session of an operator who was just disabled (they are refused from now on). */
  async endIfSignedIn(id: string): Promise<void> {
    if (this.operator?.id === normalizeOperatorId(id)) await this.signOut();
  }

  async lock(): Promise<SessionStatus> {
    this.checkIdle();
    if (this.operator && !this.locked) {
      this.locked = true;
      this.emit({ action: 'session.lock', operator: this.operator });
    }
    return this.status();
  }

  async unlock(password: string): Promise<SessionAnswer> {
    const current = this.operator;
    if (!current) throw new CoreError('UNAUTHENTICATED', say('notSignedIn'));
    const r = await this.opts.directory.authenticate(current.id, password);
    if (!r.ok) {
      this.emit({ action: r.reason === 'locked' ? 'session.lockedOut' : 'session.unlockFailed', operator: current, detail: { reason: r.reason } });
      // Disabled while away: the session ends.
      if (r.reason === 'disabled') await this.signOut();
      return { status: await this.status(), failure: this.failure(r) };
    }
    this.start(r.operator, r.mustChangePassword);
    this.emit({ action: 'session.unlock', operator: r.operator });
    return { status: await this.status(), failure: null };
  }

  /** Activity in the renderer: resets the idle clock, unless the desk is already locked. */
  async ping(): Promise<SessionStatus> {
    this.checkIdle();
    if (this.operator && !this.locked) this.touch();
    return this.status();
  }

  async changePassword(current: string, next: string): Promise<SessionAnswer> {
    const op = this.requireOperator();
    const r = await this.opts.directory.changePassword(op.id, current, next);
    if (!r.ok) return { status: await this.status(), failure: this.failure(r) };
    this.mustChange = false;
    this.touch();
    this.emit({ action: 'session.passwordChanged', operator: op });
    return { status: await this.status(), failure: null };
  }
}
