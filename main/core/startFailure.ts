// The router of last resort: when the services could not start for a reason recovery mode
// does not cover, the window still opens and app.info says why (never a missing window).
import { CHANNELS, fail, ok, say, type Envelope } from '../../shared/ipc';
import type { Router } from './router';

export function startFailureRouter(e: unknown): Router {
  const why = e instanceof Error ? e.message : String(e);
  return {
    async call(channel, _input, ctx): Promise<Envelope<unknown>> {
      if (!ctx.trustedSender) return fail('FORBIDDEN', say('callerRefused'));
      if (!CHANNELS.includes(channel as never)) return fail('UNKNOWN_CHANNEL', say('unknownChannel'));
      if (channel === 'app.info')
        return ok({
          version: '',
          transport: 'electron',
          kiosk: false,
          profile: null,
          operator: '',
          problems: [{ file: 'app', path: '', message: `The app could not start: ${why}`, consequence: 'other' }],
        });
      return fail('DAMAGED_DATA', `The app could not start: ${why}`, { say: say('appNotStarted') });
    },
  };
}
