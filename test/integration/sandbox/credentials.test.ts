// The embedded sandbox accepts only the desk's own generated credentials, never the public
// training ones (issue 11 item 10; D22): through the sandbox started in-process (as tests do), the
// desktop app's utility-process host, and startSandbox itself. `npm run sandbox` standalone
// keeps the documented training credentials unless it is given credentials of its own.
import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { RESULT } from '../../../shared/amps';
import { startSandbox } from '../../../main/sandbox/index';
import { inProcessSandbox } from '../../../main/web-host/embeddedSandbox';
import { sandboxHost, type FromSandboxHost } from '../../../main/core/sandboxProcess/messages';
import { DEMO_CLIENT, post, signedBody } from './helpers';

const DESK = { clientNo: 90000001, authKey: 'desk-generated-auth-key', signingSecret: 'desk-generated-signing-secret' };
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

let tick = 0;
const search = (url: string, client: typeof DESK) =>
  post(url, 'AcctSearchAccount', signedBody('AcctSearchAccount', { acctSearchAccountCriteria: { ariaAccountNo: 1 } }, { client, requestDateTime: new Date((tick = Math.max(Date.now(), tick + 1))).toISOString().slice(0, 23) }));

async function expectOnlyDesk(url: string) {
  expect((await search(url, DESK)).json.resultInfo.resultCode).toBe(RESULT.OK);
  const demo = await search(url, DEMO_CLIENT);
  expect(demo.json.resultInfo).toMatchObject({ resultCode: RESULT.AUTH_FAILED, errorFields: [{ path: 'msgAuthDetails.clientNo' }] });
}

describe('the embedded sandbox', () => {
  it('in-process (as tests start it) accepts the desk\'s credentials and refuses the training ones', async () => {
    const sb = inProcessSandbox({ dbFile: ':memory:', accounts: 3 });
    cleanups.push(() => sb.close());
    const { url } = await sb.start(DESK);
    await expectOnlyDesk(url);
  });

  it('in the desktop app\'s sandbox host does the same', async () => {
    const posted: FromSandboxHost[] = [];
    const host = sandboxHost((o) => startSandbox({ ...o, dbFile: ':memory:', accounts: 3 }), (m) => posted.push(m));
    cleanups.push(() => host.close());
    await host.onMessage({ type: 'start', port: 0, dbFile: ':memory:', accounts: 3, seed: 1, clients: [DESK] });
    const started = posted.find((m) => m.type === 'started');
    expect(started).toBeDefined();
    await expectOnlyDesk((started as { url: string }).url);
  });

  it('startSandbox takes the training credentials only when asked, and needs a client', async () => {
    const training = await startSandbox({ dbFile: ':memory:', accounts: 0, trainingCredentials: true });
    cleanups.push(() => training.close());
    expect((await search(training.url, DEMO_CLIENT)).json.resultInfo.resultCode).toBe(RESULT.OK);
    await expect(startSandbox({ dbFile: ':memory:', accounts: 0 })).rejects.toThrow(/at least one client/);
  });
});

describe('npm run sandbox (standalone)', () => {
  async function cli(args: string[]): Promise<{ url: string; stop(): Promise<void> }> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'main/sandbox/cli.ts', '--port', '0', '--db', ':memory:', '--accounts', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const stop = () => new Promise<void>((done) => (child.exitCode !== null ? done() : (child.once('exit', () => done()), child.kill('SIGTERM'))));
    cleanups.push(stop);
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /SANDBOX_URL=(\S+)/.exec(out);
        if (m) resolve(m[1]!);
      });
      child.once('exit', (code) => reject(new Error(`sandbox exited (${code}): ${out}`)));
    });
    return { url, stop };
  }

  it('keeps the documented training credentials, or only the ones it is given', async () => {
    const training = await cli([]);
    expect((await search(training.url, DEMO_CLIENT)).json.resultInfo.resultCode).toBe(RESULT.OK);
    await training.stop();
    const own = await cli(['--client-no', String(DESK.clientNo), '--auth-key', DESK.authKey, '--secret', DESK.signingSecret]);
    await expectOnlyDesk(own.url);
  }, 60_000);
});
