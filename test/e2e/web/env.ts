// Where the end-to-end web host listens, and its fixed test token (not a secret: it only
// opens a loopback server that lives for one test run).
//
// The port: CSR_E2E_PORT when set; otherwise 47123, or when that is taken (a second run on
// the same machine: another checkout, CI beside a developer) a port the system reports free.
// The Playwright runner picks it once when it loads the config and hands it to its workers
// through the environment (they load this file again and must agree with the runner). The
// data folder and the artifacts are named after the port, so two runs never share either.
import { execFileSync } from 'node:child_process';

export const DEFAULT_E2E_PORT = 47123;

export function pickLoopbackPort(preferred: number): number {
  // Synchronous, as the config needs it: a short-lived Node tries the preferred port and
  // otherwise asks the system for any free one.
  const probe = `const net=require('net');const s=net.createServer();
s.once('error',()=>{const t=net.createServer();t.listen(0,'127.0.0.1',()=>{process.stdout.write(String(t.address().port));t.close()})});
s.listen(${preferred},'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})`;
  const out = execFileSync(process.execPath, ['-e', probe], { encoding: 'utf8' });
  const port = Number(out.trim());
  if (!Number.isInteger(port) || port <= 0) throw new Error(`could not find a free port for the end-to-end web host (got ${JSON.stringify(out)})`);
  return port;
}

if (!process.env.CSR_E2E_PORT) process.env.CSR_E2E_PORT = String(pickLoopbackPort(DEFAULT_E2E_PORT));
export const E2E_PORT = Number(process.env.CSR_E2E_PORT);
export const E2E_TOKEN = 'e2e-fixed-token-not-a-secret-0123456789';
