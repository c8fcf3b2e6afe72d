// What main says when it refuses reaches the agent in the UI language (issue 11 item 5, D105):
// the error comes from the real router, access check and signed client's error mapping, and the
// alert is checked against literal Norwegian and English sentences, never main's English text
// or the billing system's.
import { describe, expect, it, beforeEach } from 'vitest';
import { screen } from '@testing-library/react';
import { createRouter, toEnvelope, type CallContext, type Handlers } from '../../../main/core/router';
import { accessCheck } from '../../../main/core/session/access';
import type { DeskSession } from '../../../main/core/session/deskSession';
import { transportError } from '../../../main/core/amps/errors';
import { ErrorAlert } from '../../../renderer/components/ErrorAlert';
import { changeLocale } from '../../../renderer/i18n';
import type { IpcError } from '../../../shared/ipc';
import { renderUi, resetStores } from './harness';

const ctx: CallContext = { trustedSender: true } as CallContext;
const agentDesk = {
  current: () => ({ operator: { id: 'kari.n', displayName: 'Kari Nordmann', role: 'agent' }, locked: false, mustChangePassword: false }),
} as unknown as DeskSession;

async function refusalForAgent(): Promise<IpcError> {
  const router = createRouter({} as Handlers, { authorize: accessCheck({ session: agentDesk, kiosk: false }) });
  const res = await router.call('supervision.perDay', {}, ctx);
  if (res.ok) throw new Error('the router let an agent read the team audit');
  return res.error;
}

describe('errors in the UI language', () => {
  beforeEach(() => resetStores());

  it('says a role refusal in Bokmål with the role in words, not main’s English', async () => {
    const error = await refusalForAgent();
    changeLocale('nb');
    renderUi(<ErrorAlert error={error} />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Rollen din (Kundebehandler) har ikke lov til å gjøre dette.');
    expect(alert).not.toHaveTextContent('Your role');
    expect(alert).not.toHaveTextContent('(agent)');
  });

  it('says the same refusal in English with the role in words', async () => {
    renderUi(<ErrorAlert error={await refusalForAgent()} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Your role (Agent) may not do this.');
  });

  it('says an unreachable billing system without the socket error code', () => {
    const refused = Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    const env = toEnvelope(transportError('AcctSearchAccount', refused, false));
    if (env.ok) throw new Error('a transport error became a success');
    expect(env.error.message).toContain('ECONNREFUSED'); // kept for the log
    changeLocale('nb');
    renderUi(<ErrorAlert error={env.error} />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Faktureringssystemet kunne ikke nås. Ingenting ble sendt.');
    expect(alert).not.toHaveTextContent('ECONNREFUSED');
    expect(alert).not.toHaveTextContent('AcctSearchAccount');
  });

  it('never shows a billing-system refusal it does not know as it came', () => {
    const error: IpcError = { code: 'AMPS_REJECTED', message: 'acct_no 12 frobnicated in bucket 7', resultCode: -99, say: { key: 'billingRefused' } };
    changeLocale('nb');
    renderUi(<ErrorAlert error={error} />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Faktureringssystemet avviste det');
    expect(alert).not.toHaveTextContent('frobnicated');
  });
});
