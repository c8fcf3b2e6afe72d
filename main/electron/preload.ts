// The preload: exposes exactly window.csr — the typed API of the IPC contract — and
// nothing else. No ipcRenderer, no Node, no event channels cross the bridge. It runs
// sandboxed, so the build bundles it into one CommonJS file whose only import is electron.
import { contextBridge, ipcRenderer } from 'electron';
import { buildCsrApi } from '../../shared/ipc/api';
import { CHANNELS, type Channel } from '../../shared/ipc/contract';
import type { Envelope } from '../../shared/ipc/envelope';

// Must equal ipcTransport.INVOKE_CHANNEL (kept literal: the preload bundle imports nothing from main).
const INVOKE_CHANNEL = 'csr:invoke';

const invoke = (channel: Channel, input: unknown) => ipcRenderer.invoke(INVOKE_CHANNEL, channel, input) as Promise<Envelope<unknown>>;

contextBridge.exposeInMainWorld('csr', buildCsrApi(invoke, CHANNELS));
