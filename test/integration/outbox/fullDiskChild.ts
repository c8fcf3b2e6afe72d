// Child of fullDisk.test.ts: holds an outbox under a file-size limit (ulimit -f), queues
// comments offline until the disk "is full", and says what each submit answered.
import { join } from 'node:path';
import { AmpsClient } from '../../../main/core/amps/client';
import { openAuditLog } from '../../../main/core/audit/log';
import { memoryAuditLog } from '../../../main/core/outbox/memoryAudit';
import { MemorySecretStore } from '../../../main/core/secrets/secretStore';
import { WritePipeline } from '../../../main/core/outbox/pipeline';
import { OutboxStore } from '../../../main/core/outbox/store';

// A write past the limit must fail with EFBIG, not kill the process.
process.on('SIGXFSZ', () => {});
const [dir, url, accountNo, mode, auditKind] = process.argv.slice(2) as [string, string, string, 'fill' | 'replay', 'memory' | 'desk' | undefined];
// 'desk': the desk's own audit log (node:sqlite, hash-chained) in the same folder, under the same limit.
const audit = auditKind === 'desk' ? openAuditLog({ dataDir: dir, secrets: new MemorySecretStore() }) : memoryAuditLog();
if ('ready' in audit) await audit.ready;
const client = new AmpsClient({ baseUrl: url, clientNo: 5151, authKey: 'outbox-auth-key', signingSecret: 'outbox-signing-secret', signatureVersion: '2.0', userID: 'u', timeoutMs: 3000 });
const store = new OutboxStore(join(dir, 'outbox.sqlite'));
const pipeline = new WritePipeline({
  store,
  audit,
  clientFor: async () => client,
  profileExists: () => true,
  activeProfile: () => 'disk',
  operator: () => ({ id: 'disk.agent', displayName: 'Disk Agent', role: 'agent' }),
  backoff: { baseMs: 20, maxMs: 200 },
  log: (l) => console.error(l),
});
if (mode === 'fill') {
  pipeline.setOffline(true);
  for (let i = 1; i <= 2000; i++) {
    const tag = `${auditKind ?? 'memory'}-DISK-${i}`;
    try {
      const a = await pipeline.submit({ type: 'comment.add', accountNo: Number(accountNo), text: `${tag} ${'fyll disken '.repeat(150)}` });
      console.log(`ANSWER ${tag} ${a.main.outcome}`);
    } catch (e) {
      console.log(`REFUSED ${tag} ${(e as { code?: string }).code ?? 'error'}`);
      break;
    }
  }
} else {
  pipeline.start();
  pipeline.setOffline(false);
  await pipeline.idle(60_000);
  console.log(`OPEN ${store.open().length}`);
  for (const r of store.open()) console.error(`open: ${r.state} ${r.attempts} ${JSON.stringify(r.problem)}`);
}
pipeline.close();
store.close();
try {
  audit.close();
} catch {
  // a closing checkpoint that no longer fits
}
process.exit(0);
