// The desk's team-store settings file and its secrets: what validateTeamSettings accepts and
// refuses (no PostgreSQL needed).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MemorySecretStore } from '../../../main/core/secrets/secretStore';
import { readTeamSettings, saveTeamSettings, teamReaderConnection, teamStoreKey, validateTeamSettings } from '../../../main/core/team/config';

describe('team-store settings', () => {
  it('keeps an optional reader URL for the supervisor workspace, its password in the secret store', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'team-cfg-'));
    const secrets = new MemorySecretStore();
    await saveTeamSettings(dir, secrets, { url: 'postgres://desk_1@db.example:5432/csr_team', tls: 'verify-full', readerUrl: 'postgres://sup_kari@db.example:5432/csr_team' }, 'desk-pw');
    await secrets.set('team-store:reader-password', 'reader-pw');
    expect(JSON.parse(readFileSync(join(dir, 'team-store.json'), 'utf8'))).toEqual({
      url: 'postgres://desk_1@db.example:5432/csr_team',
      tls: 'verify-full',
      readerUrl: 'postgres://sup_kari@db.example:5432/csr_team',
    });
    const s = readTeamSettings(dir, {})!;
    expect(await teamReaderConnection(s, secrets)).toEqual({ url: 'postgres://sup_kari@db.example:5432/csr_team', password: 'reader-pw', tls: 'verify-full' });
    expect(await teamReaderConnection({ url: s.url }, secrets)).toBeNull();
  });

  it('names the store the ship cursor counts for by server and database, not by user', () => {
    const key = teamStoreKey('postgres://desk_1@DB.example:5432/csr_team');
    expect(key).toBe(teamStoreKey('postgres://desk_2@db.example/csr_team'));
    expect(key).not.toContain('desk_1');
    expect(key).not.toBe(teamStoreKey('postgres://desk_1@db.example:5432/csr_team_2'));
    expect(key).not.toBe(teamStoreKey('postgres://desk_1@db2.example:5432/csr_team'));
    expect(key).not.toBe(teamStoreKey('postgres://desk_1@db.example:5433/csr_team'));
    expect(teamStoreKey('postgres://desk@localhost/t?host=/tmp/a')).not.toBe(teamStoreKey('postgres://desk@localhost/t?host=/tmp/b'));
  });

  it('refuses a password in either URL, a URL without a user, and an unknown TLS mode, in words', () => {
    expect(() => validateTeamSettings({ url: 'postgres://desk:secret@db/x' })).toThrow(/must not hold the password/);
    expect(() => validateTeamSettings({ url: 'postgres://desk@db/x', readerUrl: 'postgres://sup:secret@db/x' })).toThrow(/reader URL must not hold the password/);
    expect(() => validateTeamSettings({ url: 'postgres://desk@db/x', readerUrl: 'http://sup@db/x' })).toThrow(/reader URL must be postgres:/);
    expect(() => validateTeamSettings({ url: 'postgres://desk@db/x', readerUrl: 'postgres://db/x' })).toThrow(/supervisor's database user/);
    expect(() => validateTeamSettings({ url: 'postgres://db/x' })).toThrow(/name this desk's database user/);
    expect(() => validateTeamSettings({ url: 'postgres://desk@db/x', tls: 'maybe' })).toThrow(/tls must be one of disable, require, verify-full/);
    expect(validateTeamSettings({ url: 'postgres://desk@db/x', readerUrl: '' })).toEqual({ url: 'postgres://desk@db/x' });
  });
});
