// The real `npm run audit:verify -- --data DIR` on an intact data folder and on tampered
// copies of it (tampered with plain SQL, not through the app).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { beforeAll, describe, expect, it } from 'vitest';
import { openAuditLog } from '../../main/core/audit';
import { EncryptedFileSecretStore, loadOrCreateKeyFile } from '../../main/core/secrets/encryptedFileStore';

const root = join(import.meta.dirname, '..', '..');
let original: string;

function run(...args: string[]) {
  const r = spawnSync('npm', ['run', '-s', 'audit:verify', '--', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

/** A copy of the data folder with the audit file changed by plain SQL (triggers dropped). */
function tampered(sql: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'audit-cli-'));
  cpSync(original, dir, { recursive: true });
  const db = new DatabaseSync(join(dir, 'audit.sqlite'));
  for (const t of ['audit_entries_no_update', 'audit_entries_no_delete', 'audit_checkpoints_no_update', 'audit_checkpoints_no_delete']) db.exec(`DROP TRIGGER ${t}`);
  for (const s of sql) db.exec(s);
  db.close();
  return dir;
}

beforeAll(async () => {
  // A web-host style data folder: the encrypted secret store next to the log.
  original = mkdtempSync(join(tmpdir(), 'audit-cli-'));
  const secrets = new EncryptedFileSecretStore(join(original, 'secrets.json'), loadOrCreateKeyFile(join(original, 'secret.key')));
  const log = openAuditLog({ dataDir: original, secrets, checkpointEvery: 10 });
  await log.ready;
  for (let i = 1; i <= 25; i++)
    log.append({
      kind: 'intent',
      operator: { id: 'kari', displayName: 'Kari', role: 'agent' },
      action: 'comment.add',
      accountNo: 1000 + i,
      requestId: `r${i}`,
      profile: 'sandbox',
      before: null,
      after: { text: `comment ${i}` },
      outcome: null,
      reason: null,
      detail: null,
    });
  log.close();
}, 60_000);

describe('npm run audit:verify', () => {
  it('exits 0 on an intact log and says what it checked', () => {
    const r = run('--data', original);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Checked 25 entries and 3 checkpoints; signed through entry 25; signatures checked with the desk’s own key from its secret store.');
    expect(r.out).toContain('OK: the log is intact.');
  });

  it('names an edited entry', () => {
    const r = run('--data', tampered([`UPDATE audit_entries SET reason = 'changed later' WHERE seq = 17`]));
    expect(r.code).toBe(1);
    expect(r.out).toContain('PROBLEM: Entry 17 was edited.');
  });

  it('names a removed entry', () => {
    const r = run('--data', tampered(['DELETE FROM audit_entries WHERE seq = 5']));
    expect(r.code).toBe(1);
    expect(r.out).toContain('PROBLEM: Entry 5 was removed.');
  });

  it('names swapped entries', () => {
    const r = run('--data', tampered(['UPDATE audit_entries SET seq = -1 WHERE seq = 8', 'UPDATE audit_entries SET seq = 8 WHERE seq = 9', 'UPDATE audit_entries SET seq = 9 WHERE seq = -1']));
    expect(r.code).toBe(1);
    expect(r.out).toContain('PROBLEM: Entries are out of order: entry 9 stands where entry 8 belongs.');
  });

  it('names a tail cut off after the last checkpoint', () => {
    const r = run('--data', tampered(['DELETE FROM audit_entries WHERE seq > 21', 'DELETE FROM audit_checkpoints WHERE seq > 20']));
    expect(r.code).toBe(1);
    expect(r.out).toContain('PROBLEM: Entries 22–25 were removed from the end of the log (the desk signed 25 entries).');
  });

  it('names a bad checkpoint signature', () => {
    const r = run('--data', tampered([`UPDATE audit_checkpoints SET signature = replace(signature, substr(signature, 3, 1), CASE substr(signature, 3, 1) WHEN 'A' THEN 'B' ELSE 'A' END) WHERE seq = 20`]));
    expect(r.code).toBe(1);
    expect(r.out).toContain('PROBLEM: The checkpoint at entry 20 has a bad signature.');
  });

  it('checks with a pinned public key, and catches a log whose key was replaced', () => {
    const db = new DatabaseSync(join(original, 'audit.sqlite'), { readOnly: true });
    const key = (db.prepare("SELECT value FROM audit_meta WHERE key = 'publicKey'").get() as { value: string }).value;
    db.close();
    expect(run('--data', original, '--public-key', key).out).toContain('with the public key given with --public-key');
    const other = 'MCowBQYDK2VwAyEAyRCdSWD1551qthgARxlPReAyEk7Aqk1l7xBtMBaxac4=';
    const r = run('--data', original, '--public-key', other);
    expect(r.code).toBe(1);
    expect(r.out).toContain('PROBLEM: The log file names another public key than the desk’s own key');
  });

  it('exits 2 when there is nothing to check', () => {
    const r = run('--data', mkdtempSync(join(tmpdir(), 'audit-none-')));
    expect(r.code).toBe(2);
    expect(r.out).toContain('There is no audit log in');
  });
}, 120_000);
