// The router of last resort: when the services could not start for a reason recovery mode
// does not cover, the window still opens and app.info says why (never a missing window).
import { CHANNELS, fail, ok, type Envelope } from '../../shared/ipc';
import type { Router } from './router';

export function startFailureRouter(e: unknown): Router {
  const why = e instanceof Error ? e.message : String(e);
  return {
    async call(channel, _input, ctx): Promise<Envelope<unknown>> {
      if (!ctx.trustedSender) return fail('FORBIDDEN', 'This caller may not use the app’s API');
      if (!CHANNELS.includes(channel as never)) return fail('UNKNOWN_CHANNEL', `There is no channel "${String(channel).slice(0, 80)}"`);
      if (channel === 'app.info')
        return ok({
          version: '',
          transport: 'electron',
          kiosk: false,
          profile: null,
          operator: '',
          problems: [{ file: 'app', path: '', message: `The app could not start: ${why}`, consequence: 'other' }],
        });
      return fail('DAMAGED_DATA', `The app could not start: ${why}`);
    },
  };
}
