// `npm run audit:verify -- --data DIR [--public-key KEY]` (docs/audit.md, "Verify"), and
// `npm run audit:verify -- --team URL` for the team store (the team helper's part, below).
// Checks the audit log in a desk's data folder without the app: the hash chain entry by
// entry, the checkpoints and the signed head. Exits 0 on an intact log; 1 naming the
// first problem ("Entry 17 was edited"); 2 when it cannot check (no log, bad arguments).
//
// The public key: --public-key (base64 SPKI DER, or a file holding it) if given; else the
// desk's own key from the data folder's encrypted secret store (web host / kiosk folders);
// else the key stored in the log itself, which the output says is not independent.
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { AUDIT_FILE, signingKeyName } from '../main/core/audit/log';
import { META, readMeta } from '../main/core/audit/schema';
import { publicKeyFromBase64, verifyAuditDb } from '../main/core/audit/verify';
import type { AuditVerdict } from '../main/core/audit/types';
import { EncryptedFileSecretStore } from '../main/core/secrets/encryptedFileStore';

const USAGE = 'Usage: npm run audit:verify -- --data DIR [--public-key BASE64|FILE]   or   --team postgres://user@host:5432/database';

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return undefined;
  const v = process.argv[i + 1];
  if (v === undefined || v.startsWith('--')) stop(2, `--${name} needs a value. ${USAGE}`);
  return v;
}

function stop(code: number, message: string): never {
  (code === 0 ? console.log : console.error)(message);
  process.exit(code);
}

async function desksKey(dataDir: string, deskId: string | undefined): Promise<KeyObject | null> {
  const keyFile = join(dataDir, 'secret.key');
  const secretsFile = join(dataDir, 'secrets.json');
  if (!deskId || !existsSync(keyFile) || !existsSync(secretsFile)) return null;
  try {
    const key = Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'base64');
    if (key.length !== 32) return null;
    const pem = await new EncryptedFileSecretStore(secretsFile, key).get(signingKeyName(deskId));
    return pem ? createPublicKey(createPrivateKey(pem)) : null;
  } catch {
    return null;
  }
}

function pinnedKey(value: string): KeyObject {
  const text = existsSync(value) && statSync(value).isFile() ? readFileSync(value, 'utf8').trim() : value.trim();
  try {
    return text.startsWith('-----BEGIN') ? createPublicKey(text) : publicKeyFromBase64(text);
  } catch {
    stop(2, 'The --public-key is not an Ed25519 public key (base64 SPKI DER or PEM)');
  }
}

function describe(v: AuditVerdict): string {
  const source = {
    'secret-store': 'the desk’s own key from its secret store',
    pinned: 'the public key given with --public-key',
    log: 'the public key stored in the log itself (not an independent copy)',
    none: 'no key (signatures not checked)',
  }[v.keySource ?? 'none'];
  return `Checked ${v.entries} ${v.entries === 1 ? 'entry' : 'entries'} and ${v.checkpoints ?? 0} ${v.checkpoints === 1 ? 'checkpoint' : 'checkpoints'}; signed through entry ${v.signedThrough ?? 0}; signatures checked with ${source}.`;
}

// --- The team store (`--team URL`): every desk's chain in the shared PostgreSQL. ---
// URL: postgres://user[:password]@host:port/database (or the password in PGPASSWORD); a
// supervisor's role is enough. TLS: add ?sslmode=verify-full&sslrootcert=/path/ca.pem.
async function verifyTeam(url: string): Promise<number> {
  const { default: pg } = await import('pg');
  const { verifyTeamStore } = await import('../main/core/team/verify');
  const client = new pg.Client({ connectionString: url, application_name: 'csr-audit-verify' });
  try {
    await client.connect();
  } catch (e) {
    console.error(`audit:verify: cannot connect to the team store: ${(e as Error).message}`);
    return 2;
  }
  try {
    const started = Date.now();
    const v = await verifyTeamStore(client);
    const took = ((Date.now() - started) / 1000).toFixed(1);
    if (v.ok) {
      console.log(`team store intact: ${v.desks} desks, ${v.entries} entries, every chain checked (${took} s)`);
      return 0;
    }
    console.log(`team store NOT intact: ${v.problem!.message}`);
    console.log(`(${v.entries} entries of ${v.desks} desks checked before it)`);
    return 1;
  } catch (e) {
    console.error(`audit:verify: ${(e as Error).message}`);
    return 2;
  } finally {
    await client.end().catch(() => {});
  }
}
// --- end of the team store part ---

async function main() {
  const team = argValue('team');
  if (team) process.exit(await verifyTeam(team));
  const data = argValue('data');
  if (!data) stop(2, USAGE);
  const dataDir = resolve(data);
  const file = join(dataDir, AUDIT_FILE);
  if (!existsSync(file)) stop(2, `There is no audit log in ${dataDir} (no ${AUDIT_FILE}).`);

  let db: DatabaseSync;
  try {
    db = new DatabaseSync(file, { readOnly: true });
    db.prepare('SELECT count(*) FROM audit_entries').get();
  } catch (e) {
    stop(2, `${file} cannot be read as an audit log: ${e instanceof Error ? e.message : String(e)}`);
  }
  const deskId = readMeta(db, META.deskId);
  const pin = argValue('public-key');
  const fromStore = pin ? null : await desksKey(dataDir, deskId);
  const publicKey = pin ? pinnedKey(pin) : fromStore;
  const started = performance.now();
  const verdict = verifyAuditDb(db, publicKey ? { publicKey, keySource: pin ? 'pinned' : 'secret-store' } : {});
  const ms = Math.round(performance.now() - started);
  db.close();

  console.log(`Audit log ${file}${deskId ? ` (desk ${deskId})` : ''}`);
  console.log(`${describe(verdict)} (${ms} ms)`);
  for (const note of verdict.notes ?? []) console.log(`Note: ${note}`);
  if (verdict.ok) stop(0, 'OK: the log is intact.');
  stop(1, `PROBLEM: ${verdict.problem?.message ?? 'the log is not intact'}.`);
}

void main();
