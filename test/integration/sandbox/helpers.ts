// Shared set-up of the sandbox integration tests: a sandbox on an ephemeral port with a
// small seeded database, the signed AmpsClient, and raw signed requests for auth tests.
import { AmpsClient } from '../../../main/core/amps/client';
import { signerFor } from '../../../main/core/amps/signer';
import { startSandbox, DEMO_CLIENT, type StartSandboxOptions } from '../../../main/sandbox/index';
import { createPrng } from '../../../main/sandbox/seed/prng';
import { generateAccount, initialCounters, type GeneratedAccount } from '../../../main/sandbox/seed/generate';
import { ENDPOINT_PATH_PREFIX, formatAmpsDateTime, type EndpointName } from '../../../shared/amps';

export const TEST_CLIENT = { clientNo: 4242, authKey: 'test-auth-key', signingSecret: 'test-signing-secret' };

export interface TestSandbox {
  url: string;
  logs: string[];
  close(): Promise<void>;
  client(version?: '1.0' | '2.0'): AmpsClient;
}

/**
 * The client signs with second-resolution requestDateTime, so two identical requests in
 * one second carry the same signature and the second is refused as a replay (by design).
 * Tests that repeat a request use this clock, which never gives the same second twice.
 */
export function distinctSeconds(): () => number {
  let last = 0;
  return () => (last = Math.max(Date.now(), last + 1000));
}

export async function startTestSandbox(opts: Partial<StartSandboxOptions> = {}): Promise<TestSandbox> {
  const logs: string[] = [];
  const s = await startSandbox({ dbFile: ':memory:', accounts: 300, seed: 7, clients: [TEST_CLIENT], log: (l) => logs.push(l), ...opts });
  return {
    url: s.url,
    logs,
    close: () => s.close(),
    client: (version = '2.0') =>
      new AmpsClient({ baseUrl: s.url, ...TEST_CLIENT, signatureVersion: version, userID: 'tester', now: distinctSeconds(), readRetries: 0 }),
  };
}

/** The demo accounts a seed produces, regenerated without a database (the seeder is deterministic). */
export function demoAccounts(seed: number, count: number): GeneratedAccount[] {
  const r = createPrng(seed);
  const c = initialCounters();
  return Array.from({ length: count }, (_, i) => generateAccount(r, i + 1, c));
}

export interface SignOptions {
  version?: '1.0' | '2.0';
  client?: { clientNo: number; authKey: string; signingSecret: string };
  requestDateTime?: string;
  account?: { ariaAccountID?: string; ariaAccountNo?: number };
  withAuthKey?: boolean;
  authKey?: string;
}

/** A request body with a valid msgAuthDetails for the payload (unless told otherwise). */
export function signedBody(endpoint: EndpointName, payload: Record<string, unknown>, o: SignOptions = {}): Record<string, unknown> {
  const client = o.client ?? TEST_CLIENT;
  const version = o.version ?? '2.0';
  const fields = {
    clientNo: client.clientNo,
    requestDateTime: o.requestDateTime ?? formatAmpsDateTime(Date.now()),
    ariaAccountID: o.account?.ariaAccountID ?? '',
    ariaAccountNo: o.account?.ariaAccountNo ?? 0,
    userID: 'tester',
  };
  const body: Record<string, unknown> = { ...payload };
  const signatureValue = signerFor(version)!.sign({ endpoint, fields, body }, client.signingSecret);
  body.msgAuthDetails = {
    ...fields,
    ...(o.withAuthKey === false ? {} : { authKey: o.authKey ?? client.authKey }),
    signatureValue,
    signatureVersion: version,
  };
  return body;
}

export interface AmpsReply {
  resultInfo: { resultCode: number; resultText: string; errorFields?: { path: string; message: string }[] };
  [key: string]: unknown;
}

export async function post(url: string, endpoint: string, body: unknown): Promise<{ status: number; json: AmpsReply }> {
  const res = await fetch(`${url}${ENDPOINT_PATH_PREFIX}${endpoint}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: JSON.parse(text) as AmpsReply };
}

export { DEMO_CLIENT };
