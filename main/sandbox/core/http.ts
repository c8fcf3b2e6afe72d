// POST /v1/core: Aria's core API beside AMPS (docs/plans.md). The body is form-encoded or
// JSON (both, as Aria accepts), with rest_call naming the call and client_no + auth_key
// authenticating it. Every answer is HTTP 200 JSON with error_code / error_msg / error_field;
// hostile bodies (too large, bad UTF-8, NUL, deep nesting, a key twice) are refused like any
// bad input, never a 500. Each call runs in one transaction: a refusal leaves nothing behind.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { RESULT } from '../../../shared/amps/codes';
import { CORE_CALLS, CORE_ERROR, CORE_MESSAGES, CORE_PATH, type CoreCall } from '../../../shared/amps/core';
import { decodeBody, parseJsonBody } from '../http/jsonBody';
import { inspectJson } from '../http/inspect';
import { runInTransaction, type PipelineDeps } from '../http/pipeline';
import { AmpsFailure } from '../http/result';
import { forgetStatements } from '../store/statements';
import { findAccount } from './accounts';
import { isoOfMs } from './dates';
import { CoreFailure, refuse } from './failure';
import { catalogue } from './instances';
import { acctPlansAll, clientPlansBasic } from './reads';
import { commitPlan, hasDueChanges, planReplace, replaceResponse, runDueChanges } from './replace';

export const CORE_BODY_LIMIT = 1024 * 1024;
/** Fields of an Aria request that are not the call's own: accepted and ignored. */
const TRANSPORT_FIELDS = new Set(['rest_call', 'output_format', 'input_format']);
/** 003 fields the sandbox does not carry out: refused by name rather than dropped silently. */
const NOT_HONOURED = new Set([
  'mp_surcharges', 'plan_instance_field_update', 'offset_months', 'auto_offset_months_option', 'alt_client_acct_group_id', 'custom_rates',
  'offset_interval', 'invoice_unbilled_usage', 'force_supp_bill_date_reset', 'force_master_bill_date_reset', 'usage_accumulation_reset_months',
  'usage_pooling', 'usage_threshold_applicability', 'proration_invoice_timing', 'plan_update_services', 'force_bill_date_reset',
  'force_currency_change', 'optional_transaction_qualifiers', 'recurring_processing_model_ind', 'usage_accumulation_reset_months_renewal_option',
  'include_plan_instance_queue', 'bill_lag_days', 'proc_field_override', 'po_num',
]);
/** Form fields that are arrays (repeated keys, key[] or key[n]). */
const ARRAY_FIELDS = new Set(['coupon_codes']);

type Answer = Record<string, unknown> & { error_code: number; error_msg: string };

const failure = (code: number, msg: string, field?: string): Answer => ({ error_code: code, error_msg: msg, ...(field ? { error_field: field } : {}) });

function parseForm(text: string): Record<string, unknown> {
  if (!text.trim()) throw new CoreFailure(CORE_ERROR.MALFORMED, 'Malformed request: the body is empty; expected rest_call=<call>&client_no=…');
  // A Map, then own properties: a key like "__proto__" stays a field (and is refused as unknown).
  const out = new Map<string, string | string[]>();
  for (const [rawKey, value] of new URLSearchParams(text)) {
    const m = /^(.*?)\[(\d*)\]$/.exec(rawKey);
    const key = m ? m[1]! : rawKey;
    if (ARRAY_FIELDS.has(key)) {
      const list = (out.get(key) as string[] | undefined) ?? [];
      list.push(value);
      out.set(key, list);
    } else if (out.has(key)) {
      throw refuse(CORE_ERROR.INVALID_INPUT, key.slice(0, 100), 'appears twice; send each field once');
    } else out.set(key, value);
  }
  return Object.fromEntries(out);
}

function readBody(contentType: string, raw: Uint8Array): Record<string, unknown> {
  const text = decodeBody(raw);
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  const json = type === 'application/json' || (type !== 'application/x-www-form-urlencoded' && text.trimStart().startsWith('{'));
  if (json) return parseJsonBody(text); // depth, NUL, surrogates, duplicate keys
  const body = parseForm(text);
  inspectJson(body);
  return body;
}

function validate<S extends z.ZodType>(call: CoreCall, schema: S, body: Record<string, unknown>): z.output<S> {
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape ?? {};
  for (const key of Object.keys(body)) {
    if (TRANSPORT_FIELDS.has(key) || Object.hasOwn(shape, key)) continue;
    if (NOT_HONOURED.has(key) && call === 'replace_acct_plan_m')
      throw refuse(CORE_ERROR.INVALID_INPUT, key, 'is a field of replace_acct_plan_m (003) that the sandbox does not carry out; leave it out');
    throw refuse(CORE_ERROR.INVALID_INPUT, key.slice(0, 100), `is not a field of ${call}`);
  }
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = issue.path.map(String).join('.') || 'body';
  const absent = issue.path.length === 1 && body[String(issue.path[0])] === undefined;
  const code = absent ? CORE_ERROR.MISSING_PARAMETER : field === 'do_write' ? CORE_ERROR.INVALID_BOOLEAN : CORE_ERROR.INVALID_INPUT;
  const message = absent && issue.code === 'invalid_type' ? 'is required' : issue.message;
  throw refuse(code, field, message);
}

function authenticate(deps: PipelineDeps, body: Record<string, unknown>): void {
  const no = typeof body.client_no === 'number' ? body.client_no : typeof body.client_no === 'string' && /^\d{1,18}$/.test(body.client_no.trim()) ? Number(body.client_no) : NaN;
  if (!Number.isSafeInteger(no)) throw refuse(CORE_ERROR.AUTH, 'client_no', 'authentication error: client_no is missing or not a number');
  if (typeof body.auth_key !== 'string' || !body.auth_key) throw refuse(CORE_ERROR.AUTH, 'auth_key', 'authentication error: auth_key is missing');
  if (!deps.auth.checkClientKey(no, body.auth_key)) throw refuse(CORE_ERROR.AUTH, 'auth_key', `authentication error: client_no and auth_key do not match a client of this sandbox`);
}

/** BEGIN … ROLLBACK: the preview of do_write=false can never leave a change behind. */
function inRolledBack<T>(deps: PipelineDeps, work: () => T): T {
  deps.db.exec('BEGIN');
  try {
    return work();
  } finally {
    if (deps.db.isTransaction) deps.db.exec('ROLLBACK');
  }
}

function dispatch(deps: PipelineDeps, call: CoreCall, body: Record<string, unknown>): Answer {
  const { db } = deps;
  const nowMs = deps.now();
  const today = isoOfMs(nowMs);
  if (call === 'get_client_plans_basic_m') {
    const req = validate(call, CORE_MESSAGES[call].request, body);
    if (req.title_code !== undefined && !catalogue(db).titles.has(req.title_code))
      throw refuse(CORE_ERROR.INVALID_INPUT, 'title_code', `"${req.title_code}" is not a title of this client; titles: ${[...catalogue(db).titles.keys()].join(', ')}`);
    if (req.supp_plan_ind !== undefined && req.supp_plan_ind !== 0 && req.supp_plan_ind !== 1) throw refuse(CORE_ERROR.INVALID_INPUT, 'supp_plan_ind', 'use 0 (master plans) or 1 (supplemental plans)');
    return runInTransaction(db, false, () => clientPlansBasic(db, req));
  }
  if (call === 'get_acct_plans_all_m') {
    const req = validate(call, CORE_MESSAGES[call].request, body);
    const account = runInTransaction(db, false, () => findAccount(db, req));
    if (hasDueChanges(db, account.account_no, today)) runInTransaction(db, true, () => runDueChanges(db, account.account_no, today, nowMs));
    return runInTransaction(db, false, () => acctPlansAll(db, account, today));
  }
  const req = validate(call, CORE_MESSAGES.replace_acct_plan_m.request, body);
  if ((req.do_write ?? 'true') === 'true')
    return runInTransaction(db, true, () => {
      const account = findAccount(db, req);
      runDueChanges(db, account.account_no, today, nowMs);
      const plan = planReplace(db, req, account, today);
      return replaceResponse(db, plan, true, commitPlan(db, plan, nowMs));
    });
  // A preview: changes that came due earlier are carried out first (they are not this
  // call's effect), then the change is planned and answered with nothing stored.
  const account = runInTransaction(db, false, () => findAccount(db, req));
  if (hasDueChanges(db, account.account_no, today)) runInTransaction(db, true, () => runDueChanges(db, account.account_no, today, nowMs));
  return inRolledBack(deps, () => replaceResponse(db, planReplace(db, req, account, today), false, null));
}

export function handleCore(deps: PipelineDeps, contentType: string, raw: Uint8Array): Answer {
  const started = performance.now();
  let call = '?';
  let answer: Answer;
  try {
    const body = readBody(contentType, raw);
    const restCall = body.rest_call;
    if (typeof restCall !== 'string' || !restCall) throw refuse(CORE_ERROR.UNKNOWN_CALL, 'rest_call', `is required; one of ${CORE_CALLS.join(', ')}`);
    if (!(CORE_CALLS as readonly string[]).includes(restCall))
      throw refuse(CORE_ERROR.UNKNOWN_CALL, 'rest_call', `"${restCall.slice(0, 60)}" is not a call of this sandbox; one of ${CORE_CALLS.join(', ')}`);
    call = restCall;
    authenticate(deps, body);
    answer = dispatch(deps, restCall as CoreCall, body);
  } catch (e) {
    if (e instanceof CoreFailure) answer = failure(e.code, e.message, e.field);
    else if (e instanceof AmpsFailure)
      answer = failure(e.resultCode === RESULT.MALFORMED ? CORE_ERROR.MALFORMED : CORE_ERROR.INVALID_INPUT, e.message, e.errorFields[0]?.path);
    else {
      forgetStatements(deps.db);
      const ref = randomUUID().slice(0, 8);
      deps.log(`sandbox: core ${call}: internal error ${ref}: ${(e as Error)?.stack ?? String(e)}`);
      answer = failure(CORE_ERROR.UNEXPECTED, `unexpected error in the sandbox (reference ${ref}); nothing was changed`);
    }
  }
  // Never the request (it holds auth_key).
  deps.log(`sandbox: core ${call} → ${answer.error_code} in ${(performance.now() - started).toFixed(1)} ms${answer.error_code ? ` ${answer.error_msg.slice(0, 200)}` : ''}`);
  return answer;
}

/** Registers POST /v1/core in a context of its own: its bodies are read as bytes, its errors answered in Aria's shape. */
export function registerCore(app: FastifyInstance, deps: PipelineDeps): void {
  void app.register(async (core) => {
    core.removeAllContentTypeParsers();
    core.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: CORE_BODY_LIMIT }, (_req, body, done) => done(null, body));
    core.setErrorHandler((err: { code?: string; statusCode?: number; stack?: string }, _req, reply) => {
      if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
        return reply.code(200).send(failure(CORE_ERROR.MALFORMED, `Malformed request: the body is larger than ${CORE_BODY_LIMIT} bytes (1 MB)`));
      if (err.statusCode && err.statusCode < 500) return reply.code(200).send(failure(CORE_ERROR.MALFORMED, 'Malformed request: the body could not be read'));
      deps.log(`sandbox: core HTTP error: ${err.stack ?? String(err)}`);
      return reply.code(200).send(failure(CORE_ERROR.UNEXPECTED, 'unexpected error in the sandbox; nothing was changed'));
    });
    core.post(CORE_PATH, async (req, reply) =>
      reply
        .header('cache-control', 'no-store')
        .send(handleCore(deps, String(req.headers['content-type'] ?? ''), Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0))),
    );
  });
}
