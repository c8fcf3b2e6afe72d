// security.md / issue item 2: the preload exposes exactly the typed window.csr API of the
// contract through contextBridge, nothing else — no raw ipcRenderer. Checked on the source
// (with electron stubbed) and on the built bundle (evaluated as the sandboxed preload is).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it, vi } from 'vitest';
import * as electron from 'electron';
import { CHANNELS } from '../../../shared/ipc';
import type { ElectronStub } from './electronStub';

vi.mock('electron', async () => (await import('./electronStub')).createElectronStub());
const stub = electron as unknown as ElectronStub;

type Api = Record<string, Record<string, (input?: unknown) => Promise<unknown>>>;

function expectExactlyTheContract(exposed: unknown[][]) {
  expect(exposed).toHaveLength(1);
  const [key, api] = exposed[0] as [string, Api];
  expect(key).toBe('csr');
  const methods = Object.entries(api).flatMap(([ns, fns]) => Object.keys(fns).map((m) => `${ns}.${m}`));
  expect(methods.sort()).toEqual([...CHANNELS].sort());
  for (const [ns, fns] of Object.entries(api)) for (const [m, fn] of Object.entries(fns)) expect(typeof fn, `${ns}.${m}`).toBe('function');
  // Namespaces are the contract's (session, operators, …): none is a raw IPC surface.
  for (const ns of Object.keys(api)) expect(ns).not.toMatch(/ipc|send|^on($|[A-Z])|invoke|electron|require|process/i);
  return api;
}

describe('preload (source)', () => {
  it('exposes window.csr with exactly the contract’s channels, over one invoke channel', async () => {
    await import('../../../main/electron/preload');
    const api = expectExactlyTheContract(stub.contextBridge.exposeInMainWorld.mock.calls);
    await api.accounts!.search!({ contact: { lastName: 'Hansen' } });
    expect(stub.ipcRenderer.invoke).toHaveBeenCalledWith('csr:invoke', 'accounts.search', { contact: { lastName: 'Hansen' } });
    await api.app!.info!();
    expect(stub.ipcRenderer.invoke).toHaveBeenLastCalledWith('csr:invoke', 'app.info', {});
  });
});

const bundle = join(import.meta.dirname, '..', '..', '..', 'out', 'preload', 'preload.cjs');

describe('preload (built bundle)', () => {
  it.skipIf(!existsSync(bundle))('is one file whose only import is electron, exposing the same API', async () => {
    const required: string[] = [];
    const exposeInMainWorld = vi.fn();
    const invoke = vi.fn(async () => ({ ok: true, value: null }));
    runInNewContext(readFileSync(bundle, 'utf8'), {
      require: (id: string) => {
        required.push(id);
        if (id !== 'electron') throw new Error(`the sandboxed preload cannot require ${id}`);
        return { contextBridge: { exposeInMainWorld }, ipcRenderer: { invoke } };
      },
      module: { exports: {} },
      exports: {},
    });
    expect(required).toEqual(['electron']);
    const api = expectExactlyTheContract(exposeInMainWorld.mock.calls);
    await api.comments!.add!({ accountNo: 1, text: 'x' });
    expect(invoke).toHaveBeenCalledWith('csr:invoke', 'comments.add', { accountNo: 1, text: 'x' });
    // The schemas stay in main: the bundle carries channel names, not zod.
    expect(readFileSync(bundle, 'utf8')).not.toMatch(/zod/);
  });
});
