// Plugs the Electron transport (ipcInvoke.ts) into ipcMain: one handle, "csr:invoke".
import { ipcMain } from 'electron';
import type { Router } from '../core/router';
import { createInvokeHandler, INVOKE_CHANNEL } from './ipcInvoke';

export { createInvokeHandler, INVOKE_CHANNEL, senderFrameOf } from './ipcInvoke';

/** Registers the transport; returns a function that removes it. */
export function registerIpcTransport(router: Router, appOrigin: string, log?: (line: string) => void): () => void {
  ipcMain.handle(INVOKE_CHANNEL, createInvokeHandler(router, appOrigin, log));
  return () => ipcMain.removeHandler(INVOKE_CHANNEL);
}
