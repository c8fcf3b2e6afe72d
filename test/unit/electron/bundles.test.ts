// The packaged app ships no node_modules: each bundle may require only electron and Node's
// built-ins (checked on the output of `npm run build:electron`, when it has been built).
import { fork } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AmpsClient } from '../../../main/core/amps/client';
import { isFromSandboxHost, type FromSandboxHost } from '../../../main/core/sandboxProcess/messages';

const out = join(import.meta.dirname, '..', '..', '..', 'out');
const allowed = new Set(['electron', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

describe('Electron bundles', () => {
  for (const [bundle, mayUseElectron] of [
    ['main/main.cjs', true],
    ['preload/preload.cjs', true],
    ['sandbox-host/sandboxHost.cjs', false],
  ] as const) {
    const file = join(out, bundle);
    it.skipIf(!existsSync(file))(`${bundle} requires only ${mayUseElectron ? 'electron and ' : ''}Node built-ins`, () => {
      // Lines of bundled JSDoc (" * @example … require(…)") are comments, not loads.
      const src = readFileSync(file, 'utf8').replace(/^\s*\*.*$/gm, '');
      // The bundler writes its requires with double quotes; skipped: ones inside code templates
      // (ajv's standalone code generation) and single-quoted ones in bundled comments.
      const required = [...src.matchAll(/(?<![`\w.])require\("([^"]+)"\)/g)].map((m) => m[1]!);
      const imported = [...src.matchAll(/(?<![`\w.])import\("([^"]+)"\)/g)].map((m) => m[1]!);
      for (const id of [...required, ...imported]) {
        expect(allowed.has(id), `${bundle} loads ${id}`).toBe(true);
        if (!mayUseElectron) expect(id).not.toBe('electron');
      }
      expect(required.length).toBeGreaterThan(0);
    });
  }
});

describe('the sandbox host bundle', () => {
  const bundle = join(out, 'sandbox-host', 'sandboxHost.cjs');
  // Runs it as a utilityProcess would (process.parentPort), over Node's IPC instead.
  it.skipIf(!existsSync(bundle))('starts the sandbox on a loopback port and answers a signed request', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'csr-host-'));
    const harness = join(dir, 'parentPort.cjs');
    writeFileSync(
      harness,
      `const { EventEmitter } = require('node:events');
const port = new EventEmitter();
port.postMessage = (m) => process.send(m);
process.parentPort = port;
process.on('message', (m) => port.emit('message', { data: m, ports: [] }));
require(process.argv[2]);
`,
    );
    const child = fork(harness, [bundle], { stdio: 'ignore' });
    try {
      const client = { clientNo: 4711, authKey: 'k'.repeat(32), signingSecret: 's'.repeat(64) };
      const started = new Promise<FromSandboxHost>((resolve) => child.on('message', (m) => isFromSandboxHost(m) && m.type !== 'log' && resolve(m)));
      child.send({ type: 'start', port: 0, dbFile: join(dir, 'sandbox.sqlite'), accounts: 200, seed: 1, clients: [client] });
      const m = await started;
      expect(m).toMatchObject({ type: 'started', url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/) });
      if (m.type !== 'started') return;
      const amps = new AmpsClient({ baseUrl: m.url, ...client, signatureVersion: '2.0', userID: 'e2e' });
      const res = await amps.call('AcctSearchAccount', { acctSearchAccountCriteria: { ariaAccountNo: 1 }, acctSearchAccountSpecDetails: { returnLimitRows: 1 } });
      expect(res).toBeTruthy();
    } finally {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
  }, 60_000);
});
