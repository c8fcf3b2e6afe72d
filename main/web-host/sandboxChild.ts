// The web host's embedded sandbox in a Node child process, as the desktop app runs it in a
// utilityProcess: the supervisor (main/core/sandboxProcess/supervisor.ts) starts it on first
// use, restarts it after a crash, and stops it with the host. The host's own process then
// holds no SQLite cache and no sandbox code (docs/performance.md, "The web host's memory").
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { SANDBOX_NODE_FLAGS, superviseSandbox, type SandboxProcess, type SandboxSupervisorOptions } from '../core/sandboxProcess/supervisor';

export interface SandboxChildOptions extends SandboxSupervisorOptions {
  /**
   * Node flags for the child besides SANDBOX_NODE_FLAGS. Default: the host's own, so a host
   * run from source with tsx runs the child's TypeScript entry the same way (a debugger's
   * --inspect is left out: two processes cannot listen on one port).
   */
  execArgv?: string[];
}

const ENTRY = fileURLToPath(new URL('./sandboxChildEntry.ts', import.meta.url));

export function sandboxChild(opts: SandboxChildOptions): SandboxProcess {
  const inherited = opts.execArgv ?? process.execArgv.filter((a) => !a.startsWith('--inspect'));
  // The host may run with the same flags (npm run web does): each once.
  const execArgv = [...SANDBOX_NODE_FLAGS, ...inherited.filter((a) => !SANDBOX_NODE_FLAGS.includes(a))];
  return superviseSandbox(opts, () => {
    const proc = fork(ENTRY, [], { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'json' });
    return {
      get pid() {
        return proc.pid;
      },
      postMessage: (m) => void proc.send(m),
      onMessage: (listener) => void proc.on('message', listener),
      onExit: (listener) => void proc.on('exit', (code) => listener(code)),
      kill: () => void proc.kill(),
    };
  });
}
