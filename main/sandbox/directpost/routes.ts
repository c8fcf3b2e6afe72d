// GET /directpost/form and POST /directpost/submit: the hosted card form a PrepareCCUpdate
// session opens. On success the card's brand, last four and expiry become a payment method
// and the browser is sent (303) to the caller's loopback returnUrl with
// ?error_code=0&ariaPaymentMethodNo=N; a session problem returns error_code ≠ 0.
// GET /directpost/done is the provider's own landing page (the desk's returnUrl, D63), and
// GET /directpost/status?session=… tells the desk where the session stands (D63): the desk
// learns that the card was accepted, and its payment method number, without the card (or
// the customer's browser) ever passing through the desk.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { DatabaseSync } from 'node:sqlite';
import { RESULT } from '../../../shared/amps/codes';
import { runInTransaction } from '../http/pipeline';
import { nextAccountNo, newId } from '../store/ids';
import { q } from '../store/statements';
import { checkCard, loopbackUrl } from './card';
import { STYLE_HASH, donePage, errorText, formPage, messagePage, pickLang } from './form';

export interface DirectPostDeps {
  db: DatabaseSync;
  now: () => number;
  log: (line: string) => void;
}

interface Session {
  session_id: string;
  account_no: number;
  expires_at: number;
  used_at: number | null;
}

type Fields = Record<string, string | undefined>;

function securityHeaders(reply: FastifyReply, returnOrigin?: string): FastifyReply {
  const extra = returnOrigin ? ` ${returnOrigin}` : '';
  // frame-ancestors 'none': the card form is a top-level page of its own, never inside
  // another page (the desk's included, D63).
  return reply
    .header('content-security-policy', `default-src 'none'; style-src ${STYLE_HASH}; form-action 'self'${extra}; frame-ancestors 'none'; base-uri 'none'`)
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'no-referrer')
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8');
}

function redirectTo(reply: FastifyReply, target: URL, params: Record<string, string>): FastifyReply {
  const u = new URL(target);
  for (const [k, v] of Object.entries(params)) u.searchParams.set(k, v);
  return reply.header('cache-control', 'no-store').redirect(u.toString(), 303);
}

/** Why a session cannot be used, as an error_code and message; undefined when it can. */
function sessionProblem(db: DatabaseSync, id: string | undefined, now: number): { code: number; message: string } | undefined {
  const s = id ? (q(db, 'SELECT * FROM cc_sessions WHERE session_id = ?').get(id) as Session | undefined) : undefined;
  if (!s) return { code: RESULT.NOT_FOUND, message: 'unknown session' };
  if (s.used_at !== null) return { code: RESULT.CONFLICT, message: 'session already used' };
  if (s.expires_at < now) return { code: RESULT.EXPIRED, message: 'session expired' };
  return undefined;
}

/** Where a session stands, as /directpost/status tells it (D63). */
export type SessionState = 'unknown' | 'prepared' | 'open' | 'accepted' | 'expired';

export function registerDirectPost(app: FastifyInstance, deps: DirectPostDeps): void {
  const { db, now, log } = deps;
  // Sessions whose form was served, and how many cards the form refused, per session. In
  // memory: a restarted sandbox reports such a session as 'prepared' again, which is only
  // less precise (the desk keeps waiting for 'accepted' either way).
  const served = new Map<string, { refused: number }>();

  app.get('/directpost/status', async (req, reply) => {
    const id = (req.query as Fields).session ?? '';
    const s = /^[A-Za-z0-9]{1,64}$/.test(id) ? (q(db, 'SELECT * FROM cc_sessions WHERE session_id = ?').get(id) as (Session & { pm_no: number | null }) | undefined) : undefined;
    reply.header('cache-control', 'no-store').header('x-content-type-options', 'nosniff');
    if (!s) return reply.code(404).send({ state: 'unknown' satisfies SessionState, errorCode: RESULT.NOT_FOUND });
    const seen = served.get(id);
    let state: SessionState;
    if (s.used_at !== null && s.pm_no !== null) state = 'accepted';
    else if (s.expires_at < now()) state = 'expired';
    else state = seen ? 'open' : 'prepared';
    return reply.send({
      state,
      errorCode: state === 'accepted' ? 0 : state === 'expired' ? RESULT.EXPIRED : null,
      ariaPaymentMethodNo: state === 'accepted' ? s.pm_no : null,
      refusedCards: seen?.refused ?? 0,
      expiresAt: new Date(s.expires_at).toISOString(),
    });
  });

  app.get('/directpost/done', async (req, reply) => {
    const query = req.query as Fields;
    const lang = pickLang(query.lang);
    return securityHeaders(reply).send(donePage(lang, query.error_code === '0'));
  });

  app.get('/directpost/form', async (req, reply) => {
    const query = req.query as Fields;
    const lang = pickLang(query.lang);
    const target = loopbackUrl(query.returnUrl);
    if (!target) return securityHeaders(reply.code(400)).send(messagePage(lang, 'returnUrl must be an http(s) address on this machine (127.0.0.1, localhost or [::1]).'));
    const problem = sessionProblem(db, query.session, now());
    if (problem) return redirectTo(reply, target, { error_code: String(problem.code), error_msg: problem.message });
    if (!served.has(query.session!)) served.set(query.session!, { refused: 0 });
    return securityHeaders(reply, target.origin).send(formPage({ session: query.session!, returnUrl: target.toString(), lang, year: new Date(now()).getUTCFullYear() }));
  });

  app.post('/directpost/submit', async (req, reply) => {
    const body = (req.body && typeof req.body === 'object' ? req.body : {}) as Fields;
    const lang = pickLang(body.lang);
    const target = loopbackUrl(body.returnUrl);
    if (!target) return securityHeaders(reply.code(400)).send(messagePage(lang, 'returnUrl must be an http(s) address on this machine (127.0.0.1, localhost or [::1]).'));
    const sessionId = body.session ?? '';
    const outcome = runInTransaction(db, true, () => {
      const problem = sessionProblem(db, sessionId, now());
      if (problem) return { kind: 'session', problem } as const;
      const checked = checkCard({ cardNumber: body.cardNumber ?? '', expMonth: body.expMonth ?? '', expYear: body.expYear ?? '', cvc: body.cvc ?? '' }, now());
      if (!checked.ok) return { kind: 'card', cardError: checked.error } as const;
      const s = q(db, 'SELECT account_no FROM cc_sessions WHERE session_id = ?').get(sessionId) as { account_no: number };
      const owner = q(db, 'SELECT contact_no FROM accounts WHERE account_no = ?').get(s.account_no) as { contact_no: number };
      const pmNo = nextAccountNo(db, 'payment_methods', s.account_no);
      const c = checked.card;
      q(db, `INSERT INTO payment_methods (account_no, pm_no, pm_id, pay_method_type, brand, last_four, exp_month, exp_year, bill_contact_no, created_at)
        VALUES (?, ?, ?, 'CC', ?, ?, ?, ?, ?, ?)`).run(s.account_no, pmNo, newId('PM'), c.brand, c.lastFour, c.expMonth, c.expYear, owner.contact_no, now());
      q(db, 'UPDATE cc_sessions SET used_at = ?, pm_no = ? WHERE session_id = ?').run(now(), pmNo, sessionId);
      return { kind: 'stored', pmNo, accountNo: s.account_no, brand: c.brand } as const;
    });
    if (outcome.kind === 'session') {
      log(`sandbox: directpost: refused (${outcome.problem.message})`);
      return redirectTo(reply, target, { error_code: String(outcome.problem.code), error_msg: outcome.problem.message });
    }
    if (outcome.kind === 'card') {
      // The form again, with the error; the number is never echoed back.
      log(`sandbox: directpost: card refused (${outcome.cardError})`);
      const seen = served.get(sessionId) ?? { refused: 0 };
      served.set(sessionId, { refused: seen.refused + 1 });
      return securityHeaders(reply.code(422), target.origin).send(
        formPage({ session: sessionId, returnUrl: target.toString(), lang, year: new Date(now()).getUTCFullYear(), error: errorText(lang, outcome.cardError), expMonth: body.expMonth, expYear: body.expYear }),
      );
    }
    log(`sandbox: directpost: ${outcome.brand} card stored as payment method ${outcome.pmNo} of account ${outcome.accountNo}`);
    return redirectTo(reply, target, { error_code: '0', ariaPaymentMethodNo: String(outcome.pmNo) });
  });
}

