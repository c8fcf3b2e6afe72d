// `npm run bench:core`: the performance.md targets that belong to main/core.
//  1. router + validation overhead per call (≤ 1 ms p95, ≤ 64 KB payload), against calling
//     the same no-op handler directly, in the same run;
//  2. full-stack search (HTTP → web host → router → signed client → sandbox → back) over
//     the raw signed sandbox round trip (≤ 1.5× at p50), side by side in one run.
// Prints medians and ratios; machines here are shared and noisy.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRouter, type Handlers } from '../main/core/router';
import { createCore } from '../main/core/app';
import { MemorySecretStore } from '../main/core/secrets/secretStore';
import { AmpsClient } from '../main/core/amps/client';
import { startWebHost } from '../main/web-host/server';
import { startSandbox } from '../main/sandbox/index';
import { CHANNELS } from '../shared/ipc';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const q = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
};
const fmt = (n: number) => n.toFixed(3).padStart(9);

async function routerOverhead() {
  const noop = async (input: unknown) => ({ parts: 1, commentNos: [String(input).length] });
  const handlers = Object.fromEntries(CHANNELS.map((c) => [c, noop])) as unknown as Handlers;
  const router = createRouter(handlers);
  const ctx = { transport: 'test' as const, trustedSender: true };
  const sizes = [100, 16 * 1024, 60 * 1024];
  console.log('\nRouter + validation overhead (comments.add, no-op handler), 2,000 calls each');
  console.log('payload bytes |  direct p50 |  direct p95 |  router p50 |  router p95 | overhead p95 (ms)');
  for (const size of sizes) {
    const input = { accountNo: 1234567, text: 'ø'.repeat(size / 2) };
    const direct: number[] = [];
    const routed: number[] = [];
    for (let i = 0; i < 2000; i++) {
      // Interleaved so both see the same machine state.
      let t = performance.now();
      await noop(input);
      direct.push(performance.now() - t);
      t = performance.now();
      await router.call('comments.add', input, ctx);
      routed.push(performance.now() - t);
    }
    console.log(`${String(size).padStart(13)} | ${fmt(q(direct, 0.5))} | ${fmt(q(direct, 0.95))} | ${fmt(q(routed, 0.5))} | ${fmt(q(routed, 0.95))} | ${fmt(q(routed, 0.95) - q(direct, 0.95))}`);
  }
}

async function fullStack() {
  const accounts = arg('accounts', 20000);
  const n = arg('queries', 300);
  const dir = mkdtempSync(join(tmpdir(), 'bench-core-'));
  const creds = { clientNo: 4242, authKey: 'bench-auth', signingSecret: 'bench-secret' };
  const seedStart = performance.now();
  const sandbox = await startSandbox({ dbFile: join(dir, 'sandbox.sqlite'), accounts, seed: 3, clients: [creds] });
  console.log(`\nFull-stack search vs raw signed sandbox round trip (${accounts} accounts, seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s, ${n} queries each)`);
  const client = new AmpsClient({ baseUrl: sandbox.url, ...creds, signatureVersion: '2.0', userID: 'bench' });
  const secrets = new MemorySecretStore();
  // The desk wants a signed-in operator (issue 8): the demo agent, as the e2e tests do.
  const core = createCore({ dataDir: dir, secrets, transport: 'web', version: 'bench', demoOperators: true });
  await core.ready;
  await core.profiles.save({ name: 'bench', baseUrl: sandbox.url, clientNo: creds.clientNo, userID: 'bench', signatureVersion: '2.0', authKey: creds.authKey, signingSecret: creds.signingSecret });
  core.profiles.activate('bench');
  const host = await startWebHost({ router: core.router, token: 'bench-token' });
  const signIn = await fetch(`${host.url}/ipc/session.signIn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer bench-token' },
    body: JSON.stringify({ id: 'demo-agent', password: 'demo-agent-password' }),
  });
  const signedIn = (await signIn.json()) as { ok: boolean };
  if (!signedIn.ok) throw new Error(`the demo agent could not sign in: ${JSON.stringify(signedIn)}`);

  const terms = ['han', 'olsen', 'berg', 'nord', 'kari', 'lie', 'dal', 'vik', 'haug', 'strand', 'moen', 'bakke'];
  const raw: number[] = [];
  const stack: number[] = [];
  for (let i = 0; i < n; i++) {
    const term = terms[i % terms.length]!;
    let t = performance.now();
    await client.call('AcctSearchAccount', { acctSearchAccountContactCriteria: { fullName: term }, acctSearchAccountSpecDetails: { returnLimitRows: 50 } });
    raw.push(performance.now() - t);
    t = performance.now();
    const res = await fetch(`${host.url}/ipc/accounts.search`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer bench-token' },
      body: JSON.stringify({ contact: { fullName: term }, limit: 50 }),
    });
    const env = (await res.json()) as { ok: boolean };
    if (!env.ok) throw new Error(`full-stack search failed: ${JSON.stringify(env)}`);
    stack.push(performance.now() - t);
  }
  console.log('path                                  |    p50 ms |    p95 ms');
  console.log(`raw signed HTTP to the sandbox        | ${fmt(q(raw, 0.5))} | ${fmt(q(raw, 0.95))}`);
  console.log(`web host → router → client → sandbox  | ${fmt(q(stack, 0.5))} | ${fmt(q(stack, 0.95))}`);
  console.log(`ratio (target ≤ 1.5 at p50)           | ${fmt(q(stack, 0.5) / q(raw, 0.5))} | ${fmt(q(stack, 0.95) / q(raw, 0.95))}`);
  await host.close();
  await sandbox.close();
}

await routerOverhead();
await fullStack();
