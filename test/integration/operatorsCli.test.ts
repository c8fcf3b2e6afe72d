// `npm run operators`: provisions a desk's operators offline, passwords on standard input
// only. Runs the real script as a process on a temporary data folder, and checks what it
// wrote by signing in through the real directory.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SqliteOperatorDirectory } from '../../main/core/operators/sqliteDirectory';

const root = resolve(import.meta.dirname, '..', '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');

function run(args: string[], stdin = '') {
  const r = spawnSync(tsx, [join(root, 'scripts', 'operators.ts'), ...args], { input: stdin, encoding: 'utf8', cwd: root, timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('npm run operators', () => {
  const data = mkdtempSync(join(tmpdir(), 'csr-ops-cli-'));

  it('adds operators with the password from stdin, lists them, and the password signs in', async () => {
    expect(run(['add', '--data', data, '--id', 'Kari.N', '--name', 'Kari Nordmann', '--role', 'admin', '--final'], 'kari-kiosk-pass\n')).toMatchObject({ code: 0, out: 'Added kari.n (admin).\n' });
    const agent = run(['add', '--data', data, '--id', 'kiosk.oslo', '--name', 'Kiosk Oslo S', '--role', 'agent'], 'kiosk-first-pass\n');
    expect(agent).toMatchObject({ code: 0 });
    expect(agent.out).toContain('they choose their own password at the first sign-in');
    const list = run(['list', '--data', data]);
    expect(list.code).toBe(0);
    expect(list.out).toBe('kari.n\tadmin\tKari Nordmann\nkiosk.oslo\tagent\tKiosk Oslo S\t(must change password)\n');
    const dir = new SqliteOperatorDirectory({ file: join(data, 'operators.sqlite') });
    expect(await dir.authenticate('kari.n', 'kari-kiosk-pass')).toMatchObject({ ok: true, mustChangePassword: false });
    expect(await dir.authenticate('kiosk.oslo', 'kiosk-first-pass')).toMatchObject({ ok: true, mustChangePassword: true });
    dir.close();
  }, 120_000);

  it('refuses a password on the command line, in any spelling, before doing anything', () => {
    for (const flag of ['--password=secret-pass', '--password', '-p', '--pw=x']) {
      const r = run(['add', '--data', data, '--id', 'x.y', '--name', 'X', '--role', 'agent', flag], 'long-enough-pass\n');
      expect(r.code, flag).toBe(2);
      expect(r.err, flag).toContain('Passwords are never given on the command line');
    }
    expect(run(['list', '--data', data]).out).not.toContain('x.y');
  }, 120_000);

  it('says what is wrong, in words, and changes nothing', () => {
    expect(run(['add', '--data', data, '--id', 'ola', '--name', 'Ola', '--role', 'agent'], 'short\n')).toMatchObject({ code: 2, err: 'The password must have at least 8 characters. Nothing was changed.\n' });
    expect(run(['add', '--data', data, '--id', 'has space', '--name', 'Ola', '--role', 'agent'], 'long-enough\n')).toMatchObject({ code: 2, err: '--id: letters, digits and . _ @ - only\n' });
    expect(run(['add', '--data', data, '--id', 'ola', '--name', 'Ola', '--role', 'boss'], 'long-enough\n')).toMatchObject({ code: 2, err: '--role: one of agent, supervisor, admin\n' });
    expect(run(['add', '--data', data, '--id', 'KARI.N', '--name', 'Kari 2', '--role', 'agent'], 'long-enough\n')).toMatchObject({ code: 2, err: 'The operator id “kari.n” is taken.\n' });
    expect(run(['disable', '--data', data, '--id', 'kari.n'])).toMatchObject({ code: 2, err: 'The last admin cannot be disabled: add another admin first.\n' });
    expect(run(['frobnicate', '--data', data]).code).toBe(2);
  }, 120_000);

  it('disables, enables and resets (a reset is temporary and clears a lockout)', async () => {
    expect(run(['disable', '--data', data, '--id', 'kiosk.oslo'])).toMatchObject({ code: 0, out: 'kiosk.oslo is disabled.\n' });
    let dir = new SqliteOperatorDirectory({ file: join(data, 'operators.sqlite') });
    expect(await dir.authenticate('kiosk.oslo', 'kiosk-first-pass')).toEqual({ ok: false, reason: 'disabled' });
    for (let i = 0; i < 5; i++) await dir.authenticate('kiosk.oslo', 'wrong-wrong');
    dir.close();
    expect(run(['enable', '--data', data, '--id', 'kiosk.oslo']).code).toBe(0);
    expect(run(['reset-password', '--data', data, '--id', 'kiosk.oslo'], 'brand-new-pass\n')).toMatchObject({ code: 0 });
    dir = new SqliteOperatorDirectory({ file: join(data, 'operators.sqlite') });
    expect(await dir.authenticate('kiosk.oslo', 'brand-new-pass')).toMatchObject({ ok: true, mustChangePassword: true });
    dir.close();
  }, 120_000);
});
