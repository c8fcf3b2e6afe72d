// The client of Aria's core API (seed 003: replace_acct_plan_m and its siblings), next to
// the AMPS client (./client.ts). One POST to <profile baseUrl>/v1/core per call, the method
// named by rest_call, authenticated by client_no and auth_key from the connection profile
// (secrets stay in main: the body is built here and never leaves it). Decision D70.
//
// Outcomes as honest as the AMPS client's (D52): whenever a write may have reached the
// server — a timeout or reset after sending, a 5xx, a 2xx we cannot read — the call ends in
// UNKNOWN_OUTCOME, never a failure; the write pipeline settles it by reading. Reads (and a
// replace_acct_plan_m with do_write=false, which changes nothing) are retried like AMPS reads.
import type { z } from 'zod';
import { CORE_PATH } from '../../../shared/amps/core';
import { AmpsError, issuesToFields, type CallName } from './errors';
import { postJson } from './post';

/** One core method: its request (client_no and auth_key included, rest_call not) and its response. */
export interface CoreMessage {
  request: z.ZodType;
  response: z.ZodType;
}
export type CoreMessages = Record<string, CoreMessage>;

export interface CoreClientOptions<M extends CoreMessages> {
  baseUrl: string;
  clientNo: number;
  authKey: string;
  /** The methods this client knows (shared/amps/core.ts). */
  messages: M;
  timeoutMs?: number;
  readRetries?: number;
  fetch?: typeof fetch;
  log?: (line: string) => void;
}

export interface CoreCallOptions {
  /** A call that changes the account: never retried; a lost answer is UNKNOWN_OUTCOME. */
  write: boolean;
  /** Who made the call (003: alt_caller_id, "someone's user ID"): the operator. */
  callerId?: string;
  signal?: AbortSignal;
}

/** Whether a method's request has a field (its schema is a zod object). */
const takes = (m: CoreMessage, field: string) => field in ((m.request as unknown as { shape?: object }).shape ?? {});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Aria answers error_code 0 for success and a positive number for every refusal. */
interface CoreResultFields {
  error_code?: unknown;
  error_msg?: unknown;
  /** Sandbox extension (docs/plans.md): the request field a refusal is about. */
  error_field?: unknown;
}

export class CoreClient<M extends CoreMessages = CoreMessages> {
  private readonly o: Required<Omit<CoreClientOptions<M>, 'log'>> & Pick<CoreClientOptions<M>, 'log'>;

  constructor(opts: CoreClientOptions<M>) {
    this.o = {
      timeoutMs: 15_000,
      readRetries: 2,
      fetch: globalThis.fetch.bind(globalThis),
      ...opts,
      baseUrl: opts.baseUrl.replace(/\/+$/, ''),
    };
  }

  get baseUrl(): string {
    return this.o.baseUrl;
  }

  /**
   * Resolves with the parsed answer when error_code is 0; rejects with AmpsError otherwise.
   * `payload` is the method's own fields: client_no and auth_key are the profile's, added here.
   */
  async call<K extends keyof M & string>(
    restCall: K,
    payload: Omit<z.input<M[K]['request']>, 'client_no' | 'auth_key'>,
    options: CoreCallOptions,
  ): Promise<z.infer<M[K]['response']>> {
    const name: CallName = `core:${restCall}`;
    const message = this.o.messages[restCall];
    if (!message) throw new AmpsError('INVALID_REQUEST', `The core API has no method ${restCall}`, { endpoint: name });
    // The method's own fields first: nothing in a payload can replace the credentials.
    const body: Record<string, unknown> = {
      ...(payload as Record<string, unknown>),
      // Only where the method takes it (the sandbox refuses fields a method does not have).
      ...(options.callerId && takes(message, 'alt_caller_id') ? { alt_caller_id: options.callerId.slice(0, 30) } : {}),
      client_no: this.o.clientNo,
      auth_key: this.o.authKey,
    };
    const checked = message.request.safeParse(body);
    if (!checked.success)
      throw new AmpsError('INVALID_REQUEST', `The request to ${restCall} is not valid: ${checked.error.issues[0]?.message ?? 'invalid'}`, {
        endpoint: name,
        fields: issuesToFields(checked.error.issues),
      });
    const attempts = options.write ? 1 : 1 + this.o.readRetries;
    for (let attempt = 1; ; attempt++) {
      try {
        return (await this.once(restCall, message, body, options)) as z.infer<M[K]['response']>;
      } catch (e) {
        if (!(e instanceof AmpsError) || !e.retryable || attempt >= attempts) throw e;
        await sleep(150 * attempt);
      }
    }
  }

  private async once(restCall: string, message: CoreMessage, payload: Record<string, unknown>, options: CoreCallOptions): Promise<unknown> {
    const name: CallName = `core:${restCall}`;
    const write = options.write;
    const body = { ...payload, rest_call: restCall, output_format: 'json' };
    // Never bodies or secrets in the log: the method and the time it took.
    const { res, text } = await postJson(this.o.fetch, `${this.o.baseUrl}${CORE_PATH}`, body, { name, logName: `core ${restCall}`, write, timeoutMs: this.o.timeoutMs, signal: options.signal, log: this.o.log });

    // The request was read: a 5xx may have been raised after the change was stored, whatever
    // the body says. For a write that is an unknown outcome, never a failure.
    if (write && res.status >= 500)
      throw new AmpsError('UNKNOWN_OUTCOME', `${restCall} answered HTTP ${res.status}; it may or may not have been applied`, { endpoint: name });
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      if (write && res.ok) throw new AmpsError('UNKNOWN_OUTCOME', `${restCall} answered without a readable body; it may or may not have been applied`, { endpoint: name });
      // A 4xx without a body: refused before anything was done (a write too).
      if (res.status >= 400 && res.status < 500) throw new AmpsError('REJECTED', `${restCall} was refused (HTTP ${res.status})`, { endpoint: name });
      throw new AmpsError(res.ok ? 'BAD_RESPONSE' : 'HTTP_ERROR', `${restCall} answered HTTP ${res.status} without a JSON body`, {
        endpoint: name,
        retryable: !write && res.status >= 500,
      });
    }
    const info = (json && typeof json === 'object' ? json : {}) as CoreResultFields;
    const code = typeof info.error_code === 'number' ? info.error_code : typeof info.error_code === 'string' && /^-?\d+$/.test(info.error_code) ? Number(info.error_code) : undefined;
    if (code !== undefined && code !== 0) {
      throw new AmpsError('REJECTED', typeof info.error_msg === 'string' && info.error_msg ? info.error_msg : `${restCall} was refused (${code})`, {
        endpoint: name,
        resultCode: code,
        fields: typeof info.error_field === 'string' && info.error_field ? [{ path: info.error_field.slice(0, 200), message: String(info.error_msg ?? '').slice(0, 500) }] : [],
      });
    }
    if (!res.ok) {
      // A 4xx (a 5xx of a write was handled above): refused before anything was done.
      throw new AmpsError(res.status < 500 ? 'REJECTED' : 'HTTP_ERROR', `${restCall} was refused (HTTP ${res.status})`, { endpoint: name, retryable: !write && res.status >= 500 });
    }
    const parsed = message.response.safeParse(json);
    if (!parsed.success) {
      if (write) throw new AmpsError('UNKNOWN_OUTCOME', `${restCall} answered in an unexpected shape; it may or may not have been applied`, { endpoint: name });
      throw new AmpsError('BAD_RESPONSE', `${restCall} answered in an unexpected shape: ${parsed.error.issues[0]?.path.join('.')}`, { endpoint: name });
    }
    return parsed.data;
  }
}

// ── replace_acct_plan_m in 003's names, from the desk's words (plans.preview and plan.replace) ──

export interface PlanChangeRequestFields {
  accountNo: number;
  planInstanceNo: number;
  newPlanNo: number;
  planUnits: number;
  directive: number;
  effectiveDate?: string | undefined;
  prorationStart?: string | undefined;
  prorationEnd?: string | undefined;
  altRateScheduleNo?: number | undefined;
  couponCodes?: string[] | undefined;
  promoCode?: string | undefined;
}

/** The request body (without credentials) of a preview (do_write=false) or the change itself. */
export function replacePlanPayload(f: PlanChangeRequestFields, doWrite: boolean, applicationId: string, at: string): Record<string, unknown> {
  const opt = <T>(k: string, v: T | undefined) => (v === undefined || v === '' ? {} : { [k]: v });
  return {
    acct_no: f.accountNo,
    plan_instance_no: f.planInstanceNo,
    new_plan_no: f.newPlanNo,
    plan_units: f.planUnits,
    assignment_directive: f.directive,
    ...opt('effective_date', f.effectiveDate),
    ...opt('alt_proration_start_date', f.prorationStart),
    ...opt('alt_proration_end_date', f.prorationEnd),
    ...opt('alt_rate_schedule_no', f.altRateScheduleNo),
    ...(f.couponCodes?.length ? { coupon_codes: f.couponCodes } : {}),
    ...opt('promo_cd', f.promoCode),
    // 003: 'false' computes the effects and changes nothing (000: the confirmation page).
    do_write: doWrite ? 'true' : 'false',
    application_id: applicationId,
    application_date: at,
  };
}
