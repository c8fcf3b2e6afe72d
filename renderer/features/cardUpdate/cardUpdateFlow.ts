// The steps of a card update (issue 10 item 4, D63): session prepared → form open → card
// accepted by the provider → linking to the billing group → done. Each step has a time
// limit and a retry. The card itself is typed only into the provider's page; this flow only
// ever learns a payment method number (cards.status). Plain TypeScript (no React), so the
// timing is tested with fake timers; the dialog subscribes to it.
import type { ChannelInput, ChannelOutput, Envelope, IpcError } from '../../../shared/ipc';

export type Step = 'prepare' | 'form' | 'card' | 'confirm' | 'link' | 'done';
/** What stopped a step: an error, its time limit, the session expiring, the form window closed. */
export type Problem =
  | { kind: 'error'; error: IpcError }
  | { kind: 'timeout' }
  | { kind: 'expired' }
  | { kind: 'closed' }
  /** Linking takes long: not a failure (the write may be applied), only said. */
  | { kind: 'slow' };

export interface FlowState {
  step: Step;
  busy: boolean;
  problem: Problem | null;
  session: ChannelOutput<'cards.prepare'> | null;
  refusedCards: number;
  paymentMethodNo: number | null;
  outcome: 'APPLIED' | 'QUEUED' | 'UNKNOWN' | null;
}

export interface FlowApi {
  prepare(input: ChannelInput<'cards.prepare'>): Promise<Envelope<ChannelOutput<'cards.prepare'>>>;
  openForm(input: ChannelInput<'cards.openForm'>): Promise<Envelope<ChannelOutput<'cards.openForm'>>>;
  closeForm(input: ChannelInput<'cards.closeForm'>): Promise<Envelope<ChannelOutput<'cards.closeForm'>>>;
  status(input: ChannelInput<'cards.status'>): Promise<Envelope<ChannelOutput<'cards.status'>>>;
  complete(input: ChannelInput<'cards.complete'>): Promise<Envelope<ChannelOutput<'cards.complete'>>>;
}

export interface FlowDeps {
  api: FlowApi;
  accountNo: number;
  lang: 'en' | 'nb';
  /** The browser-hosted desk: a new top-level page on the provider's origin (noopener). */
  openPage(url: string): void;
  now?: () => number;
  /** Called once the provider has accepted the card (reload the groups to show it masked). */
  onAccepted?: (paymentMethodNo: number) => void;
}

export const TIMING = {
  /** AcctPrepareCCUpdate answers within this, or the step offers a retry. */
  prepareMs: 20_000,
  /** The form is served (status leaves 'prepared') within this after opening it. */
  formOpenMs: 30_000,
  /** Without an expiry from the provider: how long to wait for the card. */
  cardDefaultMs: 15 * 60_000,
  pollMs: 1_500,
  /** Status failures in a row before the step stops and offers a retry. */
  pollFailures: 4,
  /** Linking is said to be slow after this; the answer is still awaited (never "failed"). */
  linkSlowMs: 30_000,
};

const TIMEOUT = Symbol('timeout');
function within<T>(p: Promise<T>, ms: number): Promise<T | typeof TIMEOUT> {
  let timer: ReturnType<typeof setTimeout>;
  return Promise.race([p, new Promise<typeof TIMEOUT>((r) => (timer = setTimeout(() => r(TIMEOUT), ms)))]).finally(() => clearTimeout(timer));
}

export class CardUpdateFlow {
  private s: FlowState = { step: 'prepare', busy: false, problem: null, session: null, refusedCards: 0, paymentMethodNo: null, outcome: null };
  private listeners = new Set<() => void>();
  private poll: ReturnType<typeof setTimeout> | undefined;
  private deadline = 0;
  private failures = 0;
  /** Bumped whenever a step starts or the flow stops: late answers of an older step are dropped. */
  private generation = 0;
  private readonly now: () => number;

  constructor(private readonly deps: FlowDeps) {
    this.now = deps.now ?? Date.now;
  }

  get state(): FlowState {
    return this.s;
  }
  subscribe = (l: () => void): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };
  private set(patch: Partial<FlowState>): void {
    this.s = { ...this.s, ...patch };
    for (const l of this.listeners) l();
  }

  /** Step 1: a new session (also the retry after an expired or unknown one). */
  async prepare(): Promise<void> {
    const gen = this.restart();
    this.set({ step: 'prepare', busy: true, problem: null, session: null, refusedCards: 0, paymentMethodNo: null });
    const res = await within(this.deps.api.prepare({ accountNo: this.deps.accountNo, lang: this.deps.lang }), TIMING.prepareMs);
    if (gen !== this.generation) return;
    if (res === TIMEOUT) return this.set({ busy: false, problem: { kind: 'timeout' } });
    if (!res.ok) return this.set({ busy: false, problem: { kind: 'error', error: res.error } });
    this.set({ step: 'form', busy: false, session: res.value });
  }

  /** Step 2: the provider's form in a page (or window) of its own; then wait for it to be served. */
  async openForm(): Promise<void> {
    const session = this.s.session;
    if (!session) return this.prepare();
    const gen = this.restart();
    this.set({ step: 'form', busy: true, problem: null });
    const res = await this.deps.api.openForm({ sessionId: session.sessionId });
    if (gen !== this.generation) return;
    if (!res.ok) return this.set({ busy: false, problem: { kind: 'error', error: res.error } });
    if (!res.value.opened) this.deps.openPage(res.value.formUrl);
    this.deadline = this.now() + TIMING.formOpenMs;
    this.schedule(gen, 0);
  }

  /** Step 4: AcctCompleteCCUpdate through the write pipeline, for the chosen group. */
  async link(target: { billingGroupNo: number; createNewBillingGroup: boolean }, reason: string, changes: ChannelInput<'cards.complete'>['changes']): Promise<void> {
    const pm = this.s.paymentMethodNo;
    if (pm === null) return;
    const gen = this.restart();
    this.set({ step: 'link', busy: true, problem: null });
    const slow = setTimeout(() => {
      if (gen === this.generation && this.s.busy) this.set({ problem: { kind: 'slow' } });
    }, TIMING.linkSlowMs);
    const res = await this.deps.api.complete({
      accountNo: this.deps.accountNo,
      paymentMethodNo: pm,
      billingGroupNo: target.billingGroupNo,
      createNewBillingGroup: target.createNewBillingGroup,
      lang: this.deps.lang,
      ...(reason.trim() ? { reason: reason.trim() } : {}),
      ...(changes?.length ? { changes } : {}),
    });
    clearTimeout(slow);
    if (gen !== this.generation) return;
    if (!res.ok) return this.set({ busy: false, problem: { kind: 'error', error: res.error } });
    this.set({ step: 'done', busy: false, problem: null, outcome: res.value.outcome });
  }

  /** Retry the step that stopped. */
  retry(): Promise<void> {
    const p = this.s.problem;
    if (p?.kind === 'expired' || !this.s.session) return this.prepare();
    if (this.s.step === 'form' || p?.kind === 'closed') return this.openForm();
    if (this.s.step === 'card') {
      const gen = this.restart();
      this.set({ busy: true, problem: null });
      this.schedule(gen, 0);
      return Promise.resolve();
    }
    return this.prepare();
  }

  /** Stops polling and closes the form window (Electron) — on cancel, and once the card is in. */
  stop(): void {
    this.restart();
    const session = this.s.session;
    if (session) void this.deps.api.closeForm({ sessionId: session.sessionId });
  }

  private restart(): number {
    clearTimeout(this.poll);
    this.poll = undefined;
    this.failures = 0;
    return ++this.generation;
  }

  private schedule(gen: number, delay: number): void {
    clearTimeout(this.poll);
    this.poll = setTimeout(() => void this.check(gen), delay);
  }

  private async check(gen: number): Promise<void> {
    const session = this.s.session;
    if (gen !== this.generation || !session) return;
    const res = await this.deps.api.status({ sessionId: session.sessionId });
    if (gen !== this.generation) return;
    if (!res.ok) {
      if (res.error.code === 'NOT_FOUND') return this.set({ busy: false, problem: { kind: 'error', error: res.error } });
      if (++this.failures >= TIMING.pollFailures) return this.set({ busy: false, problem: { kind: 'error', error: res.error } });
      return this.schedule(gen, TIMING.pollMs);
    }
    this.failures = 0;
    const st = res.value;
    if (st.state === 'accepted' && st.paymentMethodNo !== null) {
      this.restart();
      this.set({ step: 'confirm', busy: false, problem: null, paymentMethodNo: st.paymentMethodNo, refusedCards: st.refusedCards });
      // The card is in: the form window has done its job (Electron closes it; a browser tab says so itself).
      void this.deps.api.closeForm({ sessionId: session.sessionId });
      this.deps.onAccepted?.(st.paymentMethodNo);
      return;
    }
    if (st.state === 'expired') return this.set({ busy: false, problem: { kind: 'expired' } });
    if (st.state === 'unknown') return this.set({ busy: false, problem: { kind: 'expired' } });
    if (st.formOpen === false) return this.set({ busy: false, problem: { kind: 'closed' } });
    if (st.state === 'open' && this.s.step === 'form') {
      // Served: now the customer types the card; the limit is the session's own expiry.
      const expires = session.expiresAt ? Date.parse(session.expiresAt) : NaN;
      this.deadline = Number.isFinite(expires) ? expires : this.now() + TIMING.cardDefaultMs;
      this.set({ step: 'card', refusedCards: st.refusedCards });
    } else if (st.refusedCards !== this.s.refusedCards) this.set({ refusedCards: st.refusedCards });
    if (this.now() >= this.deadline) return this.set({ busy: false, problem: this.s.step === 'form' ? { kind: 'timeout' } : { kind: 'expired' } });
    this.schedule(gen, TIMING.pollMs);
  }
}
