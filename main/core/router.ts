// The one router both transports call (Electron IPC and the loopback web host). It checks
// the caller, validates the input against the contract, runs the handler and always
// answers with an envelope: nothing thrown ever crosses a transport.
import {
  contract,
  fail,
  isChannel,
  MAX_PAYLOAD_BYTES,
  ok,
  type Channel,
  type ChannelInput,
  type ChannelOutput,
  type Envelope,
  type IpcError,
} from '../../shared/ipc';
import { AmpsError, issuesToFields } from './amps/errors';
import { CoreError } from './errors';
import { say } from '../../shared/ipc/say';
import { MAX_JSON_DEPTH, jsonDepth } from './amps/signer';

export interface CallContext {
  transport: 'electron' | 'web' | 'test';
  /** The calling frame's URL (Electron) or the request's origin (web host), for logs and checks. */
  sender?: string;
  /** Set by the transport once it has checked the caller (frame, token). */
  trustedSender: boolean;
}

export type Handler<C extends Channel> = (input: ChannelInput<C>, ctx: CallContext) => Promise<ChannelOutput<C>>;
export type Handlers = { [C in Channel]: Handler<C> };

export interface RouterOptions {
  /**
   * Access policy (who is signed in, their role, kiosk limits), consulted after the sender
   * check and before the input is even parsed: null lets the call through, an error refuses
   * it (UNAUTHENTICATED, LOCKED, FORBIDDEN). See main/core/session/access.ts.
   */
  authorize?: (channel: Channel, ctx: CallContext) => IpcError | null;
  /** Validate outputs too (tests and development): a handler's wrong shape becomes a visible error. */
  checkOutputs?: boolean;
  log?: (line: string) => void;
}

export interface Router {
  call(channel: string, input: unknown, ctx: CallContext): Promise<Envelope<unknown>>;
}

export function createRouter(handlers: Handlers, options: RouterOptions = {}): Router {
  const log = options.log ?? (() => {});
  return {
    async call(channel, rawInput, ctx) {
      const started = performance.now();
      const result = await dispatch(channel, rawInput, ctx);
      log(`ipc ${isChannel(channel) ? channel : '(unknown)'} ${result.ok ? 'ok' : result.error.code} ${(performance.now() - started).toFixed(1)}ms`);
      return result;
    },
  };

  async function dispatch(channel: string, rawInput: unknown, ctx: CallContext): Promise<Envelope<unknown>> {
    if (typeof channel !== 'string' || !isChannel(channel)) return fail('UNKNOWN_CHANNEL', say('unknownChannel'));
    if (!ctx.trustedSender) return fail('FORBIDDEN', say('callerRefused'));
    const refused = options.authorize?.(channel, ctx);
    if (refused) return { ok: false, error: refused };
    // Before anything that recurses (JSON.stringify below, zod): a body nested thousands deep
    // is bad input naming its depth, not "too large (Infinity bytes)" (D20).
    if (jsonDepth(rawInput) > MAX_JSON_DEPTH)
      return fail('VALIDATION', `The request nests objects and arrays deeper than ${MAX_JSON_DEPTH} levels`, { say: say('tooDeep', { max: MAX_JSON_DEPTH }), fields: [{ path: '(input)', message: `nested deeper than ${MAX_JSON_DEPTH} levels` }] });
    const size = payloadSize(rawInput);
    if (size > MAX_PAYLOAD_BYTES) return fail('PAYLOAD_TOO_LARGE', say('tooLarge', { size, max: MAX_PAYLOAD_BYTES }));

    const def = contract[channel];
    const parsed = def.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      const fields = issuesToFields(parsed.error.issues).map((f) => ({ ...f, path: f.path || '(input)' }));
      // The English names the paths, for logs and tests; the renderer shows each field in words.
      return fail('VALIDATION', `Check ${fields.map((f) => f.path).slice(0, 3).join(', ')}: ${fields[0]!.message}`, { say: say('checkFields'), fields });
    }
    try {
      const handler = handlers[channel] as (input: unknown, ctx: CallContext) => Promise<unknown>;
      const value = await handler(parsed.data, ctx);
      if (options.checkOutputs) {
        const out = def.output.safeParse(value);
        if (!out.success) {
          log(`ipc ${channel} produced an unexpected answer at ${out.error.issues[0]?.path.join('.')}`);
          return fail('INTERNAL', say('internal'));
        }
      }
      return ok(value);
    } catch (e) {
      return toEnvelope(e, log);
    }
  }
}

function payloadSize(input: unknown): number {
  if (input === undefined) return 0;
  try {
    return JSON.stringify(input)?.length ?? 0;
  } catch {
    return Number.POSITIVE_INFINITY; // cyclic or otherwise unserialisable
  }
}

/** Maps anything a handler threw to an envelope a person can act on. */
export function toEnvelope(e: unknown, log: (line: string) => void = () => {}): Envelope<never> {
  if (e instanceof CoreError)
    return { ok: false, error: { code: e.code, message: e.message, say: e.say, ...(e.fields.length ? { fields: e.fields } : {}), ...(e.profile ? { profile: e.profile } : {}) } };
  if (e instanceof AmpsError) {
    switch (e.code) {
      case 'REJECTED':
        return fail(e.resultCode === -10 ? 'NOT_FOUND' : 'AMPS_REJECTED', e.message, {
          resultCode: e.resultCode,
          say: e.say ?? say('billingRefused'),
          ...(e.fields.length ? { fields: e.fields } : {}),
        });
      case 'INVALID_REQUEST':
        return fail('VALIDATION', e.message, { fields: e.fields, say: e.say ?? say('requestNotValid') });
      case 'UNREACHABLE':
        return fail('UNREACHABLE', e.message, { say: e.say ?? say('billingUnreachable') });
      case 'TIMEOUT':
        return fail('TIMEOUT', e.message, { say: e.say ?? say('billingReadTimeout') });
      case 'UNKNOWN_OUTCOME':
        return fail('UNKNOWN_OUTCOME', e.message, { say: e.say ?? say('billingWriteUnreadable') });
      case 'CANCELLED':
        return fail('CANCELLED', e.message, { say: e.say ?? say('callCancelled') });
      default:
        return fail('BAD_RESPONSE', e.message, { say: e.say ?? say('billingUnreadable') });
    }
  }
  log(`ipc internal error: ${e instanceof Error ? e.name : typeof e}`);
  return fail('INTERNAL', say('internal'));
}
