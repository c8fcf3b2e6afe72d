// A pipeline answer as a write channel's answer: APPLIED / QUEUED / UNKNOWN as values, with
// the result fields filled only when APPLIED; REJECTED as the AMPS_REJECTED error envelope
// with its fields, so a form can mark them (D52).
import type { CommandInput, ReasonAnswer } from '../../../shared/commands';
import { BillingRefusedError } from '../errors';
import type { Answer, SubmitAnswer } from './pipeline';

/** What the write channels need of the pipeline (tests give a fake). */
export interface Writes {
  submit(cmd: CommandInput): Promise<SubmitAnswer>;
}

export type ChannelAnswer<R> = R & {
  outcome: 'APPLIED' | 'QUEUED' | 'UNKNOWN';
  requestId: string;
  message?: string;
  reason?: ReasonAnswer;
};

export async function runWrite<R extends object>(
  writes: Writes,
  /** As the channel's handler types its (already parsed) input. */
  cmd: CommandInput,
  fromResult: (result: unknown) => R,
  notYet: R,
): Promise<ChannelAnswer<R>> {
  const a = await writes.submit(cmd);
  const m = a.main;
  if (m.outcome === 'REJECTED') throw new BillingRefusedError(m.message, m.fields);
  const reason = a.reason ? { reason: { outcome: a.reason.outcome, requestId: a.reason.requestId } } : {};
  const base = { outcome: m.outcome, requestId: m.requestId, ...(m.outcome === 'UNKNOWN' ? { message: m.message } : {}), ...reason };
  return { ...(m.outcome === 'APPLIED' ? fromResult(m.result) : notYet), ...base };
}

export type { Answer };
