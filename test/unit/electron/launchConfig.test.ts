// Kiosk mode by flag or config; the basic_text opt-in; config.json problems never stop a launch.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SANDBOX_ACCOUNTS, readConfigFile, resolveLaunchConfig } from '../../../main/electron/launchConfig';

const none = { config: {}, warnings: [] };

describe('resolveLaunchConfig', () => {
  it('defaults: no kiosk, no basic_text, demo sandbox', () => {
    expect(resolveLaunchConfig([], {}, none)).toEqual({
      kiosk: false,
      allowBasicTextSecrets: false,
      sandboxAccounts: DEFAULT_SANDBOX_ACCOUNTS,
      sandboxSeed: 1,
      externalUrlAllowlist: [],
      idleLockSeconds: undefined,
      kioskIdleLockSeconds: undefined,
      demoOperators: false,
      warnings: [],
    });
  });
  it('idle lock times from the environment or config.json; the demo switch only from the environment', () => {
    expect(resolveLaunchConfig([], { CSR_IDLE_LOCK_SECONDS: '60', CSR_KIOSK_IDLE_LOCK_SECONDS: '20' }, none)).toMatchObject({ idleLockSeconds: 60, kioskIdleLockSeconds: 20 });
    expect(resolveLaunchConfig([], { CSR_IDLE_LOCK_SECONDS: 'soon' }, { config: { idleLockSeconds: 300, kioskIdleLockSeconds: 45 }, warnings: [] })).toMatchObject({
      idleLockSeconds: 300,
      kioskIdleLockSeconds: 45,
    });
    expect(resolveLaunchConfig([], { CSR_DEMO_OPERATORS: '1' }, none).demoOperators).toBe(true);
    expect(resolveLaunchConfig([], { CSR_DEMO_OPERATORS: 'yes please' }, none).demoOperators).toBe(false);
  });
  it('kiosk from --kiosk, CSR_KIOSK=1 or config.json', () => {
    expect(resolveLaunchConfig(['electron', '.', '--kiosk'], {}, none).kiosk).toBe(true);
    expect(resolveLaunchConfig([], { CSR_KIOSK: '1' }, none).kiosk).toBe(true);
    expect(resolveLaunchConfig([], {}, { config: { kiosk: true }, warnings: [] }).kiosk).toBe(true);
    expect(resolveLaunchConfig(['--kiosk-ish'], { CSR_KIOSK: '0' }, none).kiosk).toBe(false);
  });
  it('basic_text only by explicit opt-in', () => {
    expect(resolveLaunchConfig([], { CSR_ALLOW_BASIC_TEXT_SECRETS: '1' }, none).allowBasicTextSecrets).toBe(true);
    expect(resolveLaunchConfig(['--allow-basic-text-secrets'], {}, none).allowBasicTextSecrets).toBe(true);
    expect(resolveLaunchConfig([], {}, { config: { allowBasicTextSecrets: true }, warnings: [] }).allowBasicTextSecrets).toBe(true);
    expect(resolveLaunchConfig([], { CSR_ALLOW_BASIC_TEXT_SECRETS: '' }, none).allowBasicTextSecrets).toBe(false);
  });
  it('sandbox size from env over config', () => {
    expect(resolveLaunchConfig([], { CSR_SANDBOX_ACCOUNTS: '200' }, { config: { sandboxAccounts: 100 }, warnings: [] }).sandboxAccounts).toBe(200);
    expect(resolveLaunchConfig([], { CSR_SANDBOX_ACCOUNTS: 'lots' }, { config: { sandboxAccounts: 100 }, warnings: [] }).sandboxAccounts).toBe(100);
  });
});

describe('readConfigFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'csr-cfg-'));
  it('reads a valid file and reports a bad one without failing', () => {
    const f = join(dir, 'config.json');
    expect(readConfigFile(f)).toEqual({ config: {}, warnings: [] });
    writeFileSync(f, JSON.stringify({ kiosk: true, externalUrlAllowlist: ['support.example.com'], unknownKey: 1 }));
    expect(readConfigFile(f).config).toEqual({ kiosk: true, externalUrlAllowlist: ['support.example.com'] });
    writeFileSync(f, JSON.stringify({ kiosk: 'yes' }));
    expect(readConfigFile(f)).toMatchObject({ config: {}, warnings: [expect.stringContaining('kiosk')] });
    writeFileSync(f, '{');
    expect(readConfigFile(f).warnings[0]).toContain('not valid JSON');
  });
});
