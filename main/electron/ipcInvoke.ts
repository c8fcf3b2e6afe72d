// The Electron transport's handler, as a function of plain values (no electron import at
// run time): one channel, "csr:invoke", carrying a contract channel name and its input into
// the same router the web host uses. The sender frame of every call is checked here
// (security.md); the router refuses an untrusted caller with a FORBIDDEN envelope,
// validates the input, and no exception ever crosses IPC.
import type { IpcMainInvokeEvent, WebFrameMain } from 'electron';
import type { Router } from '../core/router';
import { toEnvelope } from '../core/router';
import type { Envelope } from '../../shared/ipc';
import { isTrustedSender, type SenderFrame } from './policy';

/** The one IPC channel; the preload's only ipcRenderer use. */
export const INVOKE_CHANNEL = 'csr:invoke';

/** The frame that sent an invoke, as plain values (null when it is gone). */
export function senderFrameOf(event: Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>): SenderFrame | null {
  let frame: WebFrameMain | null;
  try {
    frame = event.senderFrame;
  } catch {
    return null; // accessing a frame that navigated away or was destroyed throws
  }
  if (!frame) return null;
  let mainFrame: WebFrameMain | undefined;
  try {
    mainFrame = event.sender.mainFrame;
  } catch {
    mainFrame = undefined;
  }
  // Both: the frame has no parent, and it is the main frame of the sending webContents.
  const isMainFrame = frame.parent === null && (mainFrame === undefined || mainFrame === frame || mainFrame.routingId === frame.routingId);
  return { url: frame.url, isMainFrame };
}

export function createInvokeHandler(router: Router, appOrigin: string, log: (line: string) => void = () => {}) {
  return async (event: Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>, channel: unknown, input: unknown): Promise<Envelope<unknown>> => {
    try {
      const frame = senderFrameOf(event);
      const trustedSender = isTrustedSender(frame, appOrigin);
      if (!trustedSender) log(`ipc refused: untrusted sender ${frame ? (frame.isMainFrame ? 'main frame' : 'subframe') : 'gone'}`);
      return await router.call(typeof channel === 'string' ? channel : String(channel), input, {
        transport: 'electron',
        ...(frame ? { sender: frame.url } : {}),
        trustedSender,
      });
    } catch (e) {
      return toEnvelope(e, log);
    }
  };
}

