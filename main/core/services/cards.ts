// Card updates through the provider's hosted form (issue 10 item 4, D63–D65): prepare a
// session, the card is typed into the provider's page (never into this app: its own
// window in Electron, its own top-level page in a browser), main asks the provider where
// the session stands until the card is accepted, then links the new payment method.
// Nothing here ever sees a card number: the provider answers with a payment method number.
import type { Handlers } from '../router';
import { CoreError } from '../errors';
import type { ServiceContext } from './context';
import { runWrite, type Writes } from '../outbox/answer';
import { isSecureBaseUrl } from '../../../shared/amps/baseUrl';
import { say } from '../../../shared/ipc/say';

/**
 * A host that can show the provider's form in a window of its own (the Electron shell,
 * main/electron/cardWindow.ts). The web host has none: the renderer opens a new top-level
 * page instead (D64).
 */
export interface CardFormHost {
  /** Opens (or brings forward) the form window; navigation stays on `origin`. */
  open(url: string, origin: string, onClosed: () => void): void;
  close(): void;
}

/** A session this desk prepared: what main needs to open its form and ask for its state. */
interface PreparedSession {
  accountNo: number;
  operator: string;
  formUrl: string;
  origin: string;
  expiresAt: number | null;
  /** Electron: the form window is open (null: the host cannot tell, a browser tab). */
  formOpen: boolean | null;
}

export type CardSessionState = 'prepared' | 'open' | 'accepted' | 'expired' | 'unknown';

const STATUS_TIMEOUT_MS = 5_000;
const MAX_SESSIONS = 50;

/** The landing page on the provider's own origin the form returns to (D63). */
export function landingUrl(origin: string, lang: 'en' | 'nb'): string {
  return `${origin}/directpost/done?lang=${lang}`;
}

/** The form URL as the desk opens it: the provider's URL plus its own landing page and the language. */
export function formUrlFor(directPostUrl: string, lang: 'en' | 'nb'): { url: string; origin: string } {
  let u: URL;
  try {
    u = new URL(directPostUrl);
  } catch {
    throw new CoreError('BAD_RESPONSE', say('cardFormAddressInvalid'));
  }
  // The form carries the customer's card: never over plain http to another computer (as D23).
  if (!isSecureBaseUrl(u.toString()) || u.username || u.password)
    throw new CoreError('BAD_RESPONSE', say('cardFormAddressInsecure'));
  u.searchParams.set('returnUrl', landingUrl(u.origin, lang));
  u.searchParams.set('lang', lang);
  return { url: u.toString(), origin: u.origin };
}

export function cardHandlers(
  ctx: ServiceContext,
  writes: Writes,
  deps: { formHost?: CardFormHost; fetch?: typeof fetch } = {},
): Pick<Handlers, 'cards.prepare' | 'cards.complete' | 'cards.openForm' | 'cards.status' | 'cards.closeForm'> {
  const sessions = new Map<string, PreparedSession>();
  const doFetch = deps.fetch ?? fetch;

  /** Only a session this desk prepared, for the operator at the desk now. */
  function own(sessionId: string): PreparedSession {
    const s = sessions.get(sessionId);
    if (!s || s.operator !== ctx.operator().id) throw new CoreError('NOT_FOUND', say('cardSessionUnknown'), [{ path: 'sessionId', message: 'unknown' }]);
    return s;
  }

  return {
    async 'cards.prepare'(input) {
      const client = await ctx.client();
      const res = await client.call('AcctPrepareCCUpdate', { acctPrepareCCUpdateDetails: { ariaAccountNo: input.accountNo } }, {
        account: { ariaAccountNo: input.accountNo },
      });
      const d = res.acctPrepareCCUpdateResponseDetails;
      // A session changes nothing on the account (D56): without one there is simply nothing to continue.
      if (!d) throw new CoreError('BAD_RESPONSE', say('cardSessionMissing'));
      if (!d.directPostUrl) throw new CoreError('NOT_CONFIGURED', say('cardFormUnknown'));
      const form = formUrlFor(d.directPostUrl, input.lang ?? 'nb');
      const expiresAt = d.ariaSessionExpiry ? Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(d.ariaSessionExpiry) ? d.ariaSessionExpiry : `${d.ariaSessionExpiry.replace(' ', 'T')}Z`) : NaN;
      if (sessions.size >= MAX_SESSIONS) sessions.delete(sessions.keys().next().value!);
      sessions.set(d.ariaSessionID, {
        accountNo: input.accountNo,
        operator: ctx.operator().id,
        formUrl: form.url,
        origin: form.origin,
        expiresAt: Number.isFinite(expiresAt) ? expiresAt : null,
        formOpen: null,
      });
      return {
        sessionId: d.ariaSessionID,
        formUrl: form.url,
        expiresAt: Number.isFinite(expiresAt) ? new Date(expiresAt).toISOString() : null,
      };
    },

    async 'cards.openForm'(input) {
      const s = own(input.sessionId);
      if (!deps.formHost) return { opened: false, formUrl: s.formUrl };
      deps.formHost.open(s.formUrl, s.origin, () => {
        if (sessions.get(input.sessionId) === s) s.formOpen = false;
      });
      s.formOpen = true;
      return { opened: true, formUrl: s.formUrl };
    },

    async 'cards.closeForm'(input) {
      const s = own(input.sessionId);
      const wasOpen = s.formOpen === true;
      if (deps.formHost && s.formOpen) deps.formHost.close();
      s.formOpen = deps.formHost ? false : null;
      return { closed: wasOpen };
    },

    async 'cards.status'(input) {
      const s = own(input.sessionId);
      const url = `${s.origin}/directpost/status?session=${encodeURIComponent(input.sessionId)}`;
      let res: Response;
      try {
        res = await doFetch(url, { signal: AbortSignal.timeout(STATUS_TIMEOUT_MS), redirect: 'error', headers: { accept: 'application/json' } });
      } catch (e) {
        const timedOut = e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError');
        throw new CoreError(timedOut ? 'TIMEOUT' : 'UNREACHABLE', say('cardProviderSilent'));
      }
      const expiredLocally = s.expiresAt !== null && s.expiresAt < ctx.now();
      if (res.status === 404) return { state: expiredLocally ? 'expired' : 'unknown', paymentMethodNo: null, refusedCards: 0, formOpen: s.formOpen };
      if (!res.ok) throw new CoreError('BAD_RESPONSE', say('cardProviderAnswered', { status: res.status }));
      let body: { state?: unknown; ariaPaymentMethodNo?: unknown; refusedCards?: unknown };
      try {
        body = (await res.json()) as typeof body;
      } catch {
        throw new CoreError('BAD_RESPONSE', say('cardProviderUnreadable'));
      }
      const states: CardSessionState[] = ['prepared', 'open', 'accepted', 'expired', 'unknown'];
      const state = states.includes(body.state as CardSessionState) ? (body.state as CardSessionState) : 'unknown';
      const pm = typeof body.ariaPaymentMethodNo === 'number' && Number.isInteger(body.ariaPaymentMethodNo) && body.ariaPaymentMethodNo > 0 ? body.ariaPaymentMethodNo : null;
      if (state === 'accepted' && pm === null) throw new CoreError('BAD_RESPONSE', say('cardAcceptedWithoutMethod'));
      const refused = typeof body.refusedCards === 'number' && Number.isInteger(body.refusedCards) && body.refusedCards >= 0 ? body.refusedCards : 0;
      return { state: state !== 'accepted' && expiredLocally ? 'expired' : state, paymentMethodNo: state === 'accepted' ? pm : null, refusedCards: refused, formOpen: s.formOpen };
    },

    async 'cards.complete'(input) {
      if (!input.billingGroupNo && !input.billingGroupId)
        throw new CoreError('VALIDATION', say('chooseCardGroup'), [{ path: 'billingGroupNo', message: 'required' }]);
      return runWrite(
        writes,
        { type: 'card.complete', ...input },
        (r) => {
          const d = r as { paymentMethodId?: string | null; billingGroupId?: string | null } | null;
          return { paymentMethodId: d?.paymentMethodId ?? null, billingGroupId: d?.billingGroupId ?? null };
        },
        { paymentMethodId: null, billingGroupId: null },
      );
    },
  };
}
