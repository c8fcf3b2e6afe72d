// The web host's embedded sandbox runs in a Node child process of its own (sandboxChild.ts),
// as the desktop app runs it in a utilityProcess: it answers signed calls, comes back on the
// same URL after a crash, stops with the host, and never outlives a host that was killed.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RESULT, type AcctSearchAccountResponse } from '../../shared/amps';
import { sandboxChild } from '../../main/web-host/sandboxChild';
import { DEMO_CLIENT, post, signedBody } from './sandbox/helpers';

const DESK = { clientNo: 90000001, authKey: 'desk-generated-auth-key', signingSecret: 'desk-generated-signing-secret' };
const dir = mkdtempSync(join(tmpdir(), 'csr-sandbox-child-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let tick = 0;
const search = async (url: string, client: typeof DESK, accountNo: number) =>
  (await post(url, 'AcctSearchAccount', signedBody('AcctSearchAccount', { acctSearchAccountCriteria: { ariaAccountNo: accountNo } }, { client, requestDateTime: new Date((tick = Math.max(Date.now(), tick + 1000))).toISOString().slice(0, 23) }))) as { json: AcctSearchAccountResponse };

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until(what: string, ok: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("the web host's sandbox child process", () => {
  it('answers the desk, refuses the training credentials, restarts on the same URL after a crash, and stops on close', async () => {
    const logs: string[] = [];
    const sb = sandboxChild({ dbFile: join(dir, 'sandbox.sqlite'), accounts: 5, seed: 1, execArgv: ['--import', 'tsx'], log: (l) => logs.push(l) });
    try {
      const { url } = await sb.start(DESK);
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const pid = sb.pid!;
      expect(pid).not.toBe(process.pid);

      const first = (await search(url, DESK, 42000001)).json;
      expect(first.resultInfo.resultCode).toBe(RESULT.OK);
      expect(first.acctSearchAccountResponseDetails!.accountResultSet.map((a) => a.ariaAccountNo)).toEqual([42000001]);
      expect((await search(url, DEMO_CLIENT, 42000001)).json.resultInfo.resultCode).toBe(RESULT.AUTH_FAILED);

      process.kill(pid, 'SIGKILL');
      await until('a new sandbox process', () => sb.pid !== undefined && sb.pid !== pid);
      await expect(sb.start(DESK)).resolves.toEqual({ url });
      expect(alive(pid)).toBe(false);
      const again = (await search(url, DESK, 42000001)).json;
      expect(again.resultInfo.resultCode).toBe(RESULT.OK);
      // The same database file: the first seeded account is still there, as it was.
      expect(again.acctSearchAccountResponseDetails!.accountResultSet).toEqual(first.acctSearchAccountResponseDetails!.accountResultSet);
      expect(logs.some((l) => /exited with code/.test(l))).toBe(true);

      const restarted = sb.pid!;
      await sb.close();
      await until('the sandbox process to stop', () => !alive(restarted));
      expect(sb.pid).toBeUndefined();
    } finally {
      await sb.close();
    }
  }, 60_000);

  it('ends when the host that started it is killed', async () => {
    const script = [
      "import { sandboxChild } from './main/web-host/sandboxChild.ts';",
      `const sb = sandboxChild({ dbFile: ${JSON.stringify(join(dir, 'orphan.sqlite'))}, accounts: 0, seed: 1, execArgv: ['--import', 'tsx'] });`,
      `await sb.start(${JSON.stringify(DESK)});`,
      'console.log(`child ${sb.pid}`);',
    ].join('\n');
    const host = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    const childPid = await new Promise<number>((resolve, reject) => {
      let out = '';
      host.stdout.on('data', (b: Buffer) => {
        out += b.toString();
        const m = /child (\d+)/.exec(out);
        if (m) resolve(Number(m[1]));
      });
      host.once('exit', (code) => reject(new Error(`host exited (${code}) before the sandbox started: ${out}`)));
    });
    expect(alive(childPid)).toBe(true);
    host.kill('SIGKILL');
    await until('the orphaned sandbox process to end', () => !alive(childPid));
  }, 60_000);
});
