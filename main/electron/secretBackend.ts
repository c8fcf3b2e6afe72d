// Whether safeStorage may hold this app's secrets on this machine (architecture.md,
// Credentials). On Linux without a keyring Chromium falls back to "basic_text": the key
// is a constant compiled into Chromium, so the "encryption" is obfuscation. We refuse it
// unless the operator opted in, knowingly (config.json, env or flag).

export type BackendDecision = { ok: true; usePlainText: boolean } | { ok: false; reason: 'basic_text' | 'unavailable'; message: string };

export const BASIC_TEXT_OPT_IN_HELP =
  'set "allowBasicTextSecrets": true in config.json in the app’s data folder, or start it with CSR_ALLOW_BASIC_TEXT_SECRETS=1';

export function chooseSafeStorageBackend(platform: NodeJS.Platform, backend: string | undefined, optIn: boolean): BackendDecision {
  if (platform === 'linux' && backend === 'basic_text') {
    if (optIn) return { ok: true, usePlainText: true };
    return {
      ok: false,
      reason: 'basic_text',
      message:
        'No system keyring was found, so connection secrets cannot be stored safely on this computer. ' +
        `Install and unlock a keyring (GNOME Keyring or KWallet), or, if this machine is managed for that, ${BASIC_TEXT_OPT_IN_HELP}.`,
    };
  }
  return { ok: true, usePlainText: false };
}

export function unavailableDecision(): BackendDecision {
  return {
    ok: false,
    reason: 'unavailable',
    message: 'The system keychain is not available, so connection secrets cannot be stored or read. Unlock it or sign in again, then restart the app.',
  };
}
