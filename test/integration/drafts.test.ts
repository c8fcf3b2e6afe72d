// Comment drafts in main (drafts.get / put / delete): they survive a restart of main (a
// new core on the same data folder), belong to one operator, and a damaged file never
// stops the desk. Driven through the real router, as the renderer calls it.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../main/core/app';
import { EncryptedFileSecretStore, loadOrCreateKeyFile } from '../../main/core/secrets/encryptedFileStore';
import type { CallContext } from '../../main/core/router';
import { signInAs, TEST_SCRYPT } from '../helpers/operators';

const ctx: CallContext = { transport: 'test', trustedSender: true };

function core(dir: string, log: string[] = []) {
  const secrets = new EncryptedFileSecretStore(join(dir, 'secrets.json'), loadOrCreateKeyFile(join(dir, 'secret.key')));
  const c = createCore({ dataDir: dir, secrets, transport: 'web', version: 'test', checkOutputs: true, log: (l) => log.push(l), demoOperators: true, scrypt: TEST_SCRYPT });
  const raw = (channel: string, input: unknown) => c.router.call(channel, input, ctx);
  // A desk with the demo agent signed in (drafts are the signed-in operator's).
  const signedIn = signInAs(raw, 'agent');
  return async (channel: string, input: unknown) => {
    await signedIn;
    return raw(channel, input);
  };
}

/** Another person at the desk: Kari is the demo agent, Ola the demo supervisor. */
async function actAs(call: ReturnType<typeof core>, who: 'kari' | 'ola') {
  await signInAs(call, who === 'kari' ? 'agent' : 'supervisor');
}

describe('comment drafts', () => {
  it('keep the text across a restart of main, per account', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'drafts-'));
    const first = core(dir);
    expect(await first('drafts.get', { accountNo: 42 })).toEqual({ ok: true, value: { draft: null } });
    const put = await first('drafts.put', { accountNo: 42, text: 'Kunden ringte om fakturaen – æøå 🙂' });
    expect(put).toMatchObject({ ok: true, value: { draft: { text: 'Kunden ringte om fakturaen – æøå 🙂' } } });
    await first('drafts.put', { accountNo: 43, text: 'another account' });

    const second = core(dir); // a restart: nothing in memory, the same data folder
    expect(await second('drafts.get', { accountNo: 42 })).toMatchObject({ ok: true, value: { draft: { text: 'Kunden ringte om fakturaen – æøå 🙂' } } });
    expect(await second('drafts.get', { accountNo: 43 })).toMatchObject({ ok: true, value: { draft: { text: 'another account' } } });
    expect(await second('drafts.get', { accountNo: 44 })).toEqual({ ok: true, value: { draft: null } });
  });

  it('belong to the operator who wrote them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'drafts-'));
    const call = core(dir);
    await actAs(call, 'kari');
    await call('drafts.put', { accountNo: 7, text: 'Karis utkast' });
    await actAs(call, 'ola');
    expect(await call('drafts.get', { accountNo: 7 })).toEqual({ ok: true, value: { draft: null } });
    await call('drafts.put', { accountNo: 7, text: 'Olas utkast' });
    await actAs(call, 'kari');
    expect(await call('drafts.get', { accountNo: 7 })).toMatchObject({ ok: true, value: { draft: { text: 'Karis utkast' } } });
  });

  it('are deleted explicitly or by saving an empty text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'drafts-'));
    const call = core(dir);
    await call('drafts.put', { accountNo: 1, text: 'one' });
    await call('drafts.put', { accountNo: 2, text: 'two' });
    expect(await call('drafts.delete', { accountNo: 1 })).toEqual({ ok: true, value: { deleted: true } });
    expect(await call('drafts.delete', { accountNo: 1 })).toEqual({ ok: true, value: { deleted: false } });
    expect(await call('drafts.put', { accountNo: 2, text: '   \n ' })).toEqual({ ok: true, value: { draft: null } });
    const again = core(dir);
    expect(await again('drafts.get', { accountNo: 1 })).toEqual({ ok: true, value: { draft: null } });
    expect(await again('drafts.get', { accountNo: 2 })).toEqual({ ok: true, value: { draft: null } });
  });

  it('refuse bad input with a field, and store hostile text as text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'drafts-'));
    const call = core(dir);
    const tooLong = await call('drafts.put', { accountNo: 1, text: 'x'.repeat(20_001) });
    expect(tooLong).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'text' }] } });
    expect(await call('drafts.put', { accountNo: -1, text: 'x' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await call('drafts.put', { accountNo: 1, text: 'x', __proto__: { polluted: true } })).toMatchObject({ ok: false });
    const nul = 'before\u0000after "quoted" \\ </script>';
    expect(await call('drafts.put', { accountNo: 1, text: nul })).toMatchObject({ ok: true });
    expect(await core(dir)('drafts.get', { accountNo: 1 })).toMatchObject({ ok: true, value: { draft: { text: nul } } });
  });

  it('a damaged drafts file is set aside, not fatal', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'drafts-'));
    writeFileSync(join(dir, 'drafts.json'), '{"version":1,"drafts":{"kari":{"comment:1":{"te');
    const log: string[] = [];
    const call = core(dir, log);
    expect(await call('drafts.get', { accountNo: 1 })).toEqual({ ok: true, value: { draft: null } });
    expect(await call('drafts.put', { accountNo: 1, text: 'fresh' })).toMatchObject({ ok: true });
    const aside = readdirSync(dir).filter((f) => f.startsWith('drafts.json.unreadable-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dir, aside[0]!), 'utf8')).toContain('"kari"');
    expect(log.some((l) => l.includes('could not be read'))).toBe(true);
  });

  it('UI preferences (theme, language) are kept per operator across a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prefs-'));
    const call = core(dir);
    expect(await call('prefs.get', {})).toEqual({ ok: true, value: {} });
    await actAs(call, 'kari');
    expect(await call('prefs.put', { theme: 'dark' })).toEqual({ ok: true, value: { theme: 'dark' } });
    expect(await call('prefs.put', { locale: 'nb' })).toEqual({ ok: true, value: { theme: 'dark', locale: 'nb' } });
    expect(await call('prefs.put', { theme: 'purple' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    await actAs(call, 'ola');
    expect(await call('prefs.get', {})).toEqual({ ok: true, value: {} });
    const again = core(dir); // a restart: whoever signs in gets their own preferences
    await actAs(again, 'ola');
    expect(await again('prefs.get', {})).toEqual({ ok: true, value: {} });
    await actAs(again, 'kari');
    expect(await again('prefs.get', {})).toEqual({ ok: true, value: { theme: 'dark', locale: 'nb' } });
  });
});
