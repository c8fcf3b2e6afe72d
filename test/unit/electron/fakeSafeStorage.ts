// A safeStorage stand-in for tests: "seals" with a per-machine byte, and fails to open a
// blob sealed on another machine, as safeStorage does after a keychain reset.
import { vi } from 'vitest';
import type { SafeStorageApi } from '../../../main/electron/safeStorageSecretStore';

export function fakeSafeStorage(opts: { backend?: string; available?: boolean; machine?: number; rotate?: boolean } = {}) {
  const machine = opts.machine ?? 7;
  const seal = (s: string, m: number) => Buffer.concat([Buffer.from([m]), Buffer.from(s, 'utf8').map((b) => b ^ m)]);
  const api = {
    isAsyncEncryptionAvailable: vi.fn(async () => opts.available ?? true),
    getSelectedStorageBackend: vi.fn(() => (opts.backend ?? 'gnome_libsecret') as ReturnType<SafeStorageApi['getSelectedStorageBackend']>),
    setUsePlainTextEncryption: vi.fn(),
    encryptStringAsync: vi.fn(async (s: string) => seal(s, machine)),
    decryptStringAsync: vi.fn(async (b: Buffer) => {
      if (b[0] !== machine) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return { result: Buffer.from(b.subarray(1).map((x) => x ^ machine)).toString('utf8'), shouldReEncrypt: opts.rotate ?? false };
    }),
  };
  return api;
}

