// The embedded sandbox in an Electron utilityProcess: its own OS process, so a slow seed or
// a crash never blocks the window. Starting, restarting after a crash and closing are the
// supervisor's (main/core/sandboxProcess/supervisor.ts, shared with the web host); this
// file only forks the utilityProcess.
import { utilityProcess } from 'electron';
import { SANDBOX_NODE_FLAGS, superviseSandbox, type SandboxProcess, type SandboxSupervisorOptions } from '../core/sandboxProcess/supervisor';

export interface SandboxProcessOptions extends SandboxSupervisorOptions {
  /** out/sandbox-host/sandboxHost.cjs */
  entry: string;
}

export function sandboxProcess(opts: SandboxProcessOptions): SandboxProcess {
  return superviseSandbox(opts, () => {
    const proc = utilityProcess.fork(opts.entry, [], { serviceName: 'CSR Desk sandbox', stdio: 'inherit', execArgv: SANDBOX_NODE_FLAGS });
    return {
      get pid() {
        return proc.pid;
      },
      postMessage: (m) => proc.postMessage(m),
      onMessage: (listener) => void proc.on('message', listener),
      onExit: (listener) => void proc.on('exit', listener),
      kill: () => void proc.kill(),
    };
  });
}
