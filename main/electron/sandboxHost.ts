// Entry of the sandbox utilityProcess (out/sandbox-host/sandboxHost.cjs): the AMPS
// sandbox on node:sqlite, on a loopback port, its database in userData. It talks to main
// only through process.parentPort; it never imports electron.
import { startSandbox } from '../sandbox/index';
import { sandboxHost, type FromSandboxHost } from '../core/sandboxProcess/messages';

const port = process.parentPort;
const host = sandboxHost(startSandbox, (m: FromSandboxHost) => port.postMessage(m));
port.on('message', (e) => void host.onMessage(e.data));

const stop = () => {
  void host.close().finally(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
