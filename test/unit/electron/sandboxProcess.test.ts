// The embedded sandbox runs in an Electron utilityProcess on a loopback port with its
// database in userData; the host side is a pure function of startSandbox.
import { describe, expect, it, vi } from 'vitest';
import * as electron from 'electron';
import { sandboxProcess } from '../../../main/electron/sandboxProcess';
import { isToSandboxHost, sandboxHost, type FromSandboxHost } from '../../../main/core/sandboxProcess/messages';
import type { ElectronStub } from './electronStub';

vi.mock('electron', async () => (await import('./electronStub')).createElectronStub());
const stub = electron as unknown as ElectronStub;

const client = { clientNo: 90000001, authKey: 'a'.repeat(32), signingSecret: 's'.repeat(64) };
const opts = { entry: '/app/out/sandbox-host/sandboxHost.cjs', dbFile: '/user/data/sandbox.sqlite', accounts: 5000, seed: 1 };

const lastChild = () => stub.utilityProcess.forked.at(-1)!;
const reply = (m: FromSandboxHost) => lastChild().emit('message', m);

describe('sandboxProcess (main side)', () => {
  it('forks the host once, passes the database path and the API client, and resolves with its URL', async () => {
    const sb = sandboxProcess(opts);
    const p = sb.start(client);
    expect(stub.utilityProcess.fork).toHaveBeenCalledWith(opts.entry, [], expect.objectContaining({ serviceName: 'CSR Desk sandbox', execArgv: ['--max-semi-space-size=1'] }));
    expect(lastChild().sent).toEqual([{ type: 'start', port: 0, dbFile: opts.dbFile, accounts: 5000, seed: 1, clients: [client] }]);
    reply({ type: 'log', line: 'seeding' });
    reply({ type: 'started', url: 'http://127.0.0.1:45678', port: 45678 });
    await expect(p).resolves.toEqual({ url: 'http://127.0.0.1:45678' });
    const forks = stub.utilityProcess.fork.mock.calls.length;
    await expect(sb.start(client)).resolves.toEqual({ url: 'http://127.0.0.1:45678' });
    expect(stub.utilityProcess.fork.mock.calls.length).toBe(forks);
    await expect(sb.start({ ...client, authKey: 'other' })).rejects.toThrow(/other credentials/);
    await sb.close();
    expect(lastChild().kill).toHaveBeenCalled();
  });

  it('reports a failed start and tries again on the next call', async () => {
    const sb = sandboxProcess(opts);
    const p = sb.start(client);
    reply({ type: 'failed', message: 'database is locked' });
    await expect(p).rejects.toThrow(/database is locked/);
    const p2 = sb.start(client);
    reply({ type: 'started', url: 'http://127.0.0.1:40000', port: 40000 });
    await expect(p2).resolves.toEqual({ url: 'http://127.0.0.1:40000' });
    await sb.close();
  });

  it('restarts a crashed host on the same port', async () => {
    const sb = sandboxProcess(opts);
    const p = sb.start(client);
    reply({ type: 'started', url: 'http://127.0.0.1:41000', port: 41000 });
    await p;
    const crashed = lastChild();
    crashed.emit('exit', 9);
    const restarted = lastChild();
    expect(restarted).not.toBe(crashed);
    expect(restarted.sent[0]).toMatchObject({ type: 'start', port: 41000 });
    const again = sb.start(client);
    reply({ type: 'started', url: 'http://127.0.0.1:41000', port: 41000 });
    await expect(again).resolves.toEqual({ url: 'http://127.0.0.1:41000' });
    await sb.close();
  });

  it('gives up after the start timeout', async () => {
    const sb = sandboxProcess({ ...opts, startTimeoutMs: 20 });
    await expect(sb.start(client)).rejects.toThrow(/did not start within/);
  });

  it('a host that dies while starting is an error, not a hang', async () => {
    const sb = sandboxProcess(opts);
    const p = sb.start(client);
    lastChild().emit('exit', 1);
    await expect(p).rejects.toThrow(/stopped while starting/);
  });
});

describe('sandboxHost (utilityProcess side)', () => {
  it('starts the sandbox once on the requested port and answers every start with its URL', async () => {
    const close = vi.fn();
    const startSandbox = vi.fn(async (o: { port: number }) => ({ url: 'http://127.0.0.1:5555', port: 5555, close, o }));
    const posted: FromSandboxHost[] = [];
    const host = sandboxHost(startSandbox, (m) => posted.push(m));
    const msg = { type: 'start', port: 0, dbFile: '/d/sandbox.sqlite', accounts: 10, seed: 3, clients: [client] };
    await host.onMessage(msg);
    await host.onMessage(msg);
    await host.onMessage({ type: 'start', dbFile: 5 }); // malformed: ignored
    await host.onMessage('hello');
    expect(startSandbox).toHaveBeenCalledOnce();
    expect(startSandbox.mock.calls[0]![0]).toMatchObject({ port: 0, dbFile: '/d/sandbox.sqlite', accounts: 10, seed: 3, clients: [client] });
    expect(posted).toEqual([
      { type: 'started', url: 'http://127.0.0.1:5555', port: 5555 },
      { type: 'started', url: 'http://127.0.0.1:5555', port: 5555 },
    ]);
    await host.close();
    expect(close).toHaveBeenCalledOnce();
  });

  it('reports a failure and can be asked again', async () => {
    const startSandbox = vi.fn().mockRejectedValueOnce(new Error('disk full')).mockResolvedValueOnce({ url: 'http://127.0.0.1:1', port: 1, close: () => {} });
    const posted: FromSandboxHost[] = [];
    const host = sandboxHost(startSandbox, (m) => posted.push(m));
    const msg = { type: 'start', port: 0, dbFile: '/d', accounts: 1, seed: 1, clients: [] };
    await host.onMessage(msg);
    await host.onMessage(msg);
    expect(posted).toEqual([{ type: 'failed', message: 'disk full' }, { type: 'started', url: 'http://127.0.0.1:1', port: 1 }]);
  });

  it('validates messages from main', () => {
    expect(isToSandboxHost({ type: 'start', port: 70000, dbFile: '/d', accounts: 1, seed: 1, clients: [] })).toBe(false);
    expect(isToSandboxHost({ type: 'start', port: 0, dbFile: '/d', accounts: 1, seed: 1, clients: [{ clientNo: '1' }] })).toBe(false);
    expect(isToSandboxHost(null)).toBe(false);
  });
});
