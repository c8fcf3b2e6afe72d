// How this launch is configured: command-line flags, environment, and the operator's
// userData/config.json, in that order of precedence. Pure apart from reading the file.
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const configFile = z
  .object({
    kiosk: z.boolean().optional(),
    /** Linux without a keyring: accept Chromium's basic_text backend (obfuscation, not encryption). */
    allowBasicTextSecrets: z.boolean().optional(),
    /** Demo accounts when the embedded sandbox database is created. */
    sandboxAccounts: z.number().int().min(1).max(2_000_000).optional(),
    sandboxSeed: z.number().int().optional(),
    /** The desk locks after this many seconds without input (default 900; kiosk: kioskIdleLockSeconds, 120). */
    idleLockSeconds: z.number().int().min(1).max(86_400).optional(),
    kioskIdleLockSeconds: z.number().int().min(1).max(86_400).optional(),
    /** https hosts shell.openExternal may open ("*.example.com" for subdomains). */
    externalUrlAllowlist: z.array(z.string().min(1).max(253)).max(100).optional(),
  })
  .strip();
export type ConfigFile = z.infer<typeof configFile>;

export interface LaunchConfig {
  kiosk: boolean;
  allowBasicTextSecrets: boolean;
  sandboxAccounts: number;
  sandboxSeed: number;
  externalUrlAllowlist: string[];
  idleLockSeconds: number | undefined;
  kioskIdleLockSeconds: number | undefined;
  /** CSR_DEMO_OPERATORS=1: seed the demo operators. main.ts ignores it in a packaged build. */
  demoOperators: boolean;
  /** Problems with config.json, reported once in the log; the launch goes on with defaults. */
  warnings: string[];
}

export const DEFAULT_SANDBOX_ACCOUNTS = 5000;

export function readConfigFile(file: string): { config: ConfigFile; warnings: string[] } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return { config: {}, warnings: [] }; // no file: all defaults
  }
  try {
    const parsed = configFile.safeParse(JSON.parse(text));
    if (parsed.success) return { config: parsed.data, warnings: [] };
    return { config: {}, warnings: [`config.json ignored: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`] };
  } catch {
    return { config: {}, warnings: ['config.json ignored: it is not valid JSON'] };
  }
}

const positive = (v: string | undefined) => {
  const n = Number(v);
  return v !== undefined && v.trim() !== '' && Number.isInteger(n) && n >= 1 ? n : undefined;
};
const truthy = (v: string | undefined) => v === '1' || v === 'true' || v === 'yes';

export function resolveLaunchConfig(argv: readonly string[], env: Readonly<Record<string, string | undefined>>, file: { config: ConfigFile; warnings: string[] }): LaunchConfig {
  const flag = (name: string) => argv.includes(`--${name}`);
  const cfg = file.config;
  const accountsEnv = Number(env.CSR_SANDBOX_ACCOUNTS);
  const seedEnv = Number(env.CSR_SANDBOX_SEED);
  return {
    kiosk: flag('kiosk') || truthy(env.CSR_KIOSK) || cfg.kiosk === true,
    allowBasicTextSecrets: flag('allow-basic-text-secrets') || truthy(env.CSR_ALLOW_BASIC_TEXT_SECRETS) || cfg.allowBasicTextSecrets === true,
    sandboxAccounts: Number.isInteger(accountsEnv) && accountsEnv > 0 ? accountsEnv : (cfg.sandboxAccounts ?? DEFAULT_SANDBOX_ACCOUNTS),
    sandboxSeed: env.CSR_SANDBOX_SEED !== undefined && Number.isInteger(seedEnv) ? seedEnv : (cfg.sandboxSeed ?? 1),
    externalUrlAllowlist: cfg.externalUrlAllowlist ?? [],
    idleLockSeconds: positive(env.CSR_IDLE_LOCK_SECONDS) ?? cfg.idleLockSeconds,
    kioskIdleLockSeconds: positive(env.CSR_KIOSK_IDLE_LOCK_SECONDS) ?? cfg.kioskIdleLockSeconds,
    demoOperators: env.CSR_DEMO_OPERATORS === '1',
    warnings: file.warnings,
  };
}
