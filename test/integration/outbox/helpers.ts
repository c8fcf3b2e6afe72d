// Set-up of the outbox tests: a real sandbox, a network proxy in front of it that can cut,
// delay or garble the answer after the request was read (the faults the pipeline must
// settle), and a pipeline over a durable outbox file in a temporary data folder.
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AmpsClient } from '../../../main/core/amps/client';
import { memoryAuditLog } from '../../../main/core/outbox/memoryAudit';
import { WritePipeline, type PipelineOptions } from '../../../main/core/outbox/pipeline';
import { OutboxStore } from '../../../main/core/outbox/store';
import type { Operator } from '../../../main/core/services/context';
import { startSandbox, type RunningSandbox } from '../../../main/sandbox/index';

export const CLIENT = { clientNo: 5151, authKey: 'outbox-auth-key', signingSecret: 'outbox-signing-secret' };

export type ProxyMode = 'pass' | 'delay' | 'reset' | 'http502' | 'garbage' | 'refuse-capture';

/** Forwards to the sandbox; in a fault mode the request still reaches AMPS, only the answer is lost. */
export interface FaultProxy {
  url: string;
  port: number;
  mode: ProxyMode;
  /** Only these endpoints get the fault (default: every write). */
  only: Set<string> | null;
  /** Request bodies seen, by endpoint. */
  seen: { endpoint: string; body: Record<string, unknown> }[];
  close(): Promise<void>;
}

const WRITES = new Set(['AcctCaptureComments', 'AcctManageBillingGroup', 'AcctChangePermAddress', 'AcctManageAccount', 'AcctCompleteCCUpdate']);

export async function startProxy(target: () => string, delayMs = 1500): Promise<FaultProxy> {
  const proxy: FaultProxy = { url: '', port: 0, mode: 'pass', only: null, seen: [], close: async () => {} };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      void (async () => {
        const endpoint = req.url!.split('/').pop()!;
        proxy.seen.push({ endpoint, body: JSON.parse(body) as Record<string, unknown> });
        const faulty = proxy.mode !== 'pass' && (proxy.only ? proxy.only.has(endpoint) : WRITES.has(endpoint));
        if (faulty && proxy.mode === 'refuse-capture') {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ resultInfo: { resultCode: -2, resultText: 'acctCommentText is refused by a test', errorFields: [{ path: 'acctCaptureCommentCriteria.acctCommentText', message: 'refused' }] } }));
          return;
        }
        let upstream: Response;
        try {
          upstream = await fetch(`${target()}${req.url}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        } catch {
          req.socket.destroy();
          return;
        }
        const text = await upstream.text();
        if (!faulty) {
          res.writeHead(upstream.status, { 'content-type': 'application/json' });
          res.end(text);
          return;
        }
        // The sandbox has applied the write; now the answer goes wrong.
        if (proxy.mode === 'reset') req.socket.destroy();
        else if (proxy.mode === 'http502') {
          res.writeHead(502, { 'content-type': 'text/plain' });
          res.end('bad gateway');
        } else if (proxy.mode === 'garbage') {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(text.slice(0, Math.floor(text.length / 2)));
        } else if (proxy.mode === 'delay') {
          setTimeout(() => {
            if (!res.destroyed) {
              res.writeHead(200, { 'content-type': 'application/json' });
              res.end(text);
            }
          }, delayMs);
        }
      })();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  proxy.port = (server.address() as AddressInfo).port;
  proxy.url = `http://127.0.0.1:${proxy.port}`;
  proxy.close = () =>
    new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    });
  return proxy;
}

export async function startOutboxSandbox(dbFile = ':memory:'): Promise<RunningSandbox> {
  return startSandbox({ dbFile, accounts: 20, seed: 11, clients: [CLIENT] });
}

export const AGENT: Operator = { id: 'kari.agent', displayName: 'Kari Agent', role: 'agent' };
export const OTHER: Operator = { id: 'ola.agent', displayName: 'Ola Agent', role: 'agent' };

export function client(baseUrl: string, timeoutMs = 800): AmpsClient {
  return new AmpsClient({ baseUrl, ...CLIENT, signatureVersion: '2.0', userID: 'profile-user', timeoutMs, readRetries: 0 });
}

export interface Rig {
  dir: string;
  store: OutboxStore;
  pipeline: WritePipeline;
  audit: ReturnType<typeof memoryAuditLog>;
  operator: { current: Operator | null };
  profile: { current: string | null };
  restart(extra?: Partial<PipelineOptions>): Rig;
  close(): void;
}

/** A pipeline whose profiles "A" and "B" talk to the given URLs (both real clients). */
export function rig(urls: Record<string, () => string>, extra: Partial<PipelineOptions> = {}, dir = mkdtempSync(join(tmpdir(), 'outbox-'))): Rig {
  const store = new OutboxStore(join(dir, 'outbox.sqlite'));
  const audit = memoryAuditLog();
  const operator = { current: AGENT as Operator | null };
  const profile = { current: 'A' as string | null };
  const clients = new Map<string, AmpsClient>();
  const pipeline = new WritePipeline({
    store,
    audit,
    clientFor: async (name) => {
      const url = urls[name]!();
      const key = `${name} ${url}`;
      if (!clients.has(key)) clients.set(key, client(url));
      return clients.get(key)!;
    },
    profileExists: (name) => name in urls,
    activeProfile: () => profile.current,
    operator: () => operator.current,
    backoff: { baseMs: 50, maxMs: 400 },
    answerWaitMs: 5000,
    ...extra,
  });
  pipeline.start();
  const r: Rig = {
    dir,
    store,
    pipeline,
    audit,
    operator,
    profile,
    restart(more = {}) {
      r.close();
      const next = rig(urls, { ...extra, ...more }, dir);
      next.operator.current = operator.current;
      next.profile.current = profile.current;
      return next;
    },
    close() {
      pipeline.close();
      store.close();
    },
  };
  return r;
}
