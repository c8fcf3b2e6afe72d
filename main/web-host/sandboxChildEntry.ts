// Entry of the web host's sandbox child process (main/web-host/sandboxChild.ts): the AMPS
// sandbox on node:sqlite on a loopback port. It talks to the host only over the IPC channel
// Node's fork opens, with the same messages as the desktop app's utilityProcess.
import { startSandbox } from '../sandbox/index';
import { sandboxHost, type FromSandboxHost } from '../core/sandboxProcess/messages';

const host = sandboxHost(startSandbox, (m: FromSandboxHost) => process.send?.(m));
process.on('message', (m) => void host.onMessage(m));

const stop = () => {
  void host.close().finally(() => process.exit(0));
};
// The host stops this process when it stops. Ctrl+C in a terminal reaches both: this one
// waits for the host's stop rather than exit first and look like a crash to be restarted.
process.on('SIGINT', () => {});
process.on('SIGTERM', stop);
// The host is gone without stopping it (killed): nothing else would.
process.on('disconnect', stop);
