// Issue 8, item 3: roles enforced in main. Every channel of the contract is called as
// nobody, as a locked desk, as each role, on a normal desk and on a kiosk, over every
// transport: the web host's HTTP and WebSocket (D85), and the Electron IPC transport (electron stubbed). The
// list of channels comes from the contract, so a new channel is covered without editing this.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { createCore, type Core } from '../../../main/core/app';
import { MemorySecretStore } from '../../../main/core/secrets/secretStore';
import type { SecurityEvent } from '../../../main/core/session/securityEvents';
import { createInvokeHandler } from '../../../main/electron/ipcTransport';
import { APP_ORIGIN } from '../../../main/electron/policy';
import { startWebHost, type WebHost } from '../../../main/web-host/server';
import { CHANNELS, contract, ROLES, type Channel, type Envelope, type Role } from '../../../shared/ipc';
import { FakeFrame } from '../electron/electronStub';
import { DEMO_LOGIN, TEST_SCRYPT } from '../../helpers/operators';

vi.mock('electron', async () => (await import('../electron/electronStub')).createElectronStub());

type Who = Role | 'nobody' | 'locked';
type Call = (channel: string, input: unknown) => Promise<Envelope<unknown>>;
const ACCESS_CODES = new Set(['UNAUTHENTICATED', 'LOCKED', 'FORBIDDEN']);

/** The expected answer, from the contract's policy data: null = let through. */
function expected(channel: Channel, who: Who, kiosk: boolean): string | null {
  const p = contract[channel];
  if (kiosk && !p.kiosk) return 'FORBIDDEN';
  if (p.roles === 'public') return null;
  if (who === 'nobody') return 'UNAUTHENTICATED';
  if (who === 'locked') return 'LOCKED';
  return p.roles.includes(who) ? null : 'FORBIDDEN';
}

interface Desk {
  core: Core;
  host: WebHost;
  events: SecurityEvent[];
  transports: Record<Transport, Call>;
  socket: WebSocket;
}
type Transport = 'web' | 'socket' | 'electron';
const TRANSPORT_NAMES: Record<Transport, string> = { web: 'the web host (HTTP)', socket: 'the web host (WebSocket)', electron: 'Electron IPC' };

async function desk(kiosk: boolean): Promise<Desk> {
  const events: SecurityEvent[] = [];
  const core = createCore({
    dataDir: mkdtempSync(join(tmpdir(), 'csr-access-')),
    secrets: new MemorySecretStore(),
    transport: 'web',
    version: 'test',
    kiosk,
    demoOperators: true,
    scrypt: TEST_SCRYPT,
    onSecurityEvent: (e) => events.push(e),
  });
  await core.ready();
  const host = await startWebHost({ router: core.router, token: 'access-token' });
  const web: Call = async (channel, input) =>
    (await fetch(`${host.url}/ipc/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer access-token' },
      body: JSON.stringify(input),
    }).then((r) => r.json())) as Envelope<unknown>;
  // The socket as the page opens it: our origin, the token as a protocol value.
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}/ipc`, ['csr-desk.ipc.v1', 'csr-desk.token.access-token'], { origin: host.url });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  const waiting = new Map<number, (e: Envelope<unknown>) => void>();
  ws.on('message', (data) => {
    const m = JSON.parse(String(data)) as { id: number; envelope: Envelope<unknown> };
    waiting.get(m.id)?.(m.envelope);
    waiting.delete(m.id);
  });
  let nextId = 1;
  const socket: Call = (channel, input) =>
    new Promise((resolve) => {
      const id = nextId++;
      waiting.set(id, resolve);
      ws.send(JSON.stringify({ id, channel, input }));
    });
  const invoke = createInvokeHandler(core.router, APP_ORIGIN);
  const frame = new FakeFrame('app://csr/index.html');
  const electron: Call = (channel, input) => invoke({ senderFrame: frame, sender: { mainFrame: frame } } as never, channel, input);
  return { core, host, events, transports: { web, socket, electron }, socket: ws };
}

/** Puts the desk in the state `who` (through the transport under test). */
async function become(call: Call, who: Who): Promise<void> {
  await call('session.signOut', {});
  if (who === 'nobody') return;
  const role = who === 'locked' ? 'agent' : who;
  const res = (await call('session.signIn', DEMO_LOGIN[role])) as Envelope<{ status: { state: string } }>;
  expect(res.ok && res.value.status.state, `sign in as ${role}`).toBe('signedIn');
  if (who === 'locked') await call('session.lock', {});
}

const desks: Record<'desk' | 'kiosk', Desk> = {} as never;
beforeAll(async () => {
  desks.desk = await desk(false);
  desks.kiosk = await desk(true);
});
afterAll(async () => {
  for (const d of Object.values(desks)) {
    d.socket.close();
    await d.host.close();
    d.core.close();
  }
});

const WHO: Who[] = ['nobody', 'locked', ...ROLES];

for (const mode of ['desk', 'kiosk'] as const) {
  for (const transport of ['web', 'socket', 'electron'] as const) {
    describe(`${mode}, over ${TRANSPORT_NAMES[transport]}`, () => {
      for (const who of WHO) {
        it(`every channel as ${who}`, async () => {
          const call = desks[mode].transports[transport];
          const seen: string[] = [];
          for (const channel of CHANNELS) {
            // Fresh state per call: a public channel such as session.signOut may change it.
            await become(call, who);
            // Empty input: the access check comes before the input is read, so a refused call
            // never reaches validation, and an allowed one fails (if at all) for another reason.
            const res = await call(channel, {});
            const code = res.ok ? null : res.error.code;
            const want = expected(channel, who, mode === 'kiosk');
            seen.push(`${channel}: ${want === null ? (code !== null && ACCESS_CODES.has(code) ? `refused ${code}` : 'through') : code}`);
          }
          expect(seen).toEqual(CHANNELS.map((c) => `${c}: ${expected(c, who, mode === 'kiosk') ?? 'through'}`));
        });
      }
    });
  }
}

describe('the policy itself (literal, so a changed policy is a visible decision)', () => {
  const roles = (c: Channel) => contract[c].roles;
  it('app.info and the session channels are public; everything else needs a signed-in operator', () => {
    const pub = CHANNELS.filter((c) => roles(c) === 'public');
    expect(pub.filter((c) => !c.startsWith('session.'))).toEqual(['app.info', 'localState.moveAside']);
    expect(CHANNELS.filter((c) => c.startsWith('session.') && roles(c) !== 'public')).toEqual(['session.changePassword']);
  });
  it('connection profiles and operators: admins only, and not on a kiosk', () => {
    for (const c of CHANNELS.filter((x) => x.startsWith('profiles.') || x.startsWith('operators.'))) {
      expect(roles(c), c).toEqual(['admin']);
      expect(contract[c].kiosk, c).toBe(false);
    }
  });
  it('account work is open to every role, kiosks included', () => {
    for (const c of ['accounts.search', 'accounts.get', 'comments.add', 'billingGroups.modify', 'address.changePerm', 'cards.prepare'] as const) {
      expect(roles(c), c).toEqual(['agent', 'supervisor', 'admin']);
      expect(contract[c].kiosk, c).toBe(true);
    }
  });
});

describe('refusals reach the security events (the audit hook)', () => {
  it('a FORBIDDEN call is reported with the channel, the operator and why', async () => {
    const d = desks.desk;
    await become(d.transports.web, 'agent');
    d.events.length = 0;
    expect(await d.transports.web('profiles.save', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(d.events).toEqual([{ type: 'refused', channel: 'profiles.save', operator: { id: 'demo-agent', displayName: 'Demo Agent', role: 'agent' }, why: 'role' }]);
  });
});
