// A full disk (a file-size limit on the process holding the outbox): the write that cannot be
// stored durably is refused (NOT_SAVED), never confirmed; what was confirmed before is sent
// exactly once after a restart; the refused write is never sent.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../../../main/sandbox/index';
import { client, startOutboxSandbox } from './helpers';

let sb: RunningSandbox;
let accountNo: number;
beforeAll(async () => {
  sb = await startOutboxSandbox();
  const made = await client(sb.url, 5000).call('AcctCreateAccount', { acctCreateAccountRequestDetails: { ariaAccountID: 'DISK-1', currencyCode: 'NOK', accountContact: { fullName: 'Disk Dina' } } });
  accountNo = made.acctCreateAccountResponseDetails!.ariaAccountNo;
});
afterAll(() => sb.close());

// Asynchronous: the sandbox runs in this process and must keep answering while the child works.
const child = (dir: string, mode: string, limitKb?: number, audit: 'memory' | 'desk' = 'memory') =>
  new Promise<{ stdout: string; stderr: string }>((resolve) => {
    const cmd = `${limitKb ? `ulimit -f ${limitKb}; ` : ''}exec "${process.execPath}" --import tsx test/integration/outbox/fullDiskChild.ts "${dir}" "${sb.url}" ${accountNo} ${mode} ${audit}`;
    const p = spawn('/bin/bash', ['-c', cmd], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    p.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    p.on('exit', () => resolve({ stdout, stderr }));
  });

describe('full disk', () => {
  it.each([
    ['an in-memory audit log', 'memory'],
    ['the desk’s own audit log on the same disk', 'desk'],
  ] as const)('refuses the write it cannot store instead of confirming it; the confirmed ones are sent once (%s)', async (_what, audit) => {
    const dir = mkdtempSync(join(tmpdir(), 'outbox-disk-'));
    const fill = await child(dir, 'fill', 160, audit); // bash: KiB
    const lines = fill.stdout.trim().split('\n');
    const queued = lines.filter((l) => l.endsWith(' QUEUED')).map((l) => l.split(' ')[1]!);
    const refused = lines.filter((l) => l.startsWith('REFUSED'));
    // The desk's audit log (its WAL grows by pages) reaches the limit after a write or two.
    expect(queued.length, fill.stdout + fill.stderr).toBeGreaterThan(audit === 'desk' ? 0 : 3);
    if (audit === 'desk') expect(fill.stderr).toMatch(/could not record the intent of a write \(.*(full|large|SQLITE|disk|EFBIG).*\)/i);
    expect(refused).toEqual([`REFUSED ${audit}-DISK-${queued.length + 1} NOT_SAVED`]);

    const replay = await child(dir, 'replay', undefined, audit);
    expect(replay.stdout, replay.stderr).toContain('OPEN 0');
    const stored = (await client(sb.url, 5000).call('AcctRetrieveComments', { AcctRetrieveCommentsCriteria: { ariaAccountNo: accountNo } })).acctRetrieveCommentsList ?? [];
    // Each comment is stored in parts; the first part carries its tag.
    const tags = stored.flatMap((c) => new RegExp(`${audit}-DISK-\\d+`).exec(c.acctCommentText)?.[0] ?? []);
    expect(stored.filter((c) => c.acctCommentText.includes(`${audit}-DISK-`)).every((c) => c.acctCommentText.startsWith('(1/'))).toBe(true);
    expect(new Set(tags).size).toBe(tags.length); // none twice
    expect([...new Set(tags)].sort()).toEqual([...queued].sort());
    expect(tags).not.toContain(`${audit}-DISK-${queued.length + 1}`);
  }, 120_000);
});
