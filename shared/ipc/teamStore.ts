// The team store's settings and status over IPC (issue 9; docs/team-store.md, D77). Secrets
// are write-only: the renderer learns whether each password is set, never the password.
import { z } from 'zod';

export const TEAM_TLS_MODES = ['disable', 'require', 'verify-full'] as const;

/** What Settings shows of the desk's team-store settings. */
export const teamStoreView = z.object({
  /** A team store is configured ('' url otherwise: the desk works alone). */
  configured: z.boolean(),
  url: z.string(),
  tls: z.enum(TEAM_TLS_MODES).nullable(),
  caFile: z.string(),
  readerUrl: z.string(),
  directory: z.boolean(),
  directoryUrl: z.string(),
  hasPassword: z.boolean(),
  hasReaderPassword: z.boolean(),
  hasDirectoryPassword: z.boolean(),
  /** Set by the install (CSR_TEAM_STORE_URL): the settings cannot be changed here. */
  managed: z.boolean(),
});
export type TeamStoreView = z.infer<typeof teamStoreView>;

const pgUrl = z.string().trim().max(500);
const secret = z.string().min(1).max(200);
/** The form: url '' = work alone (the file and the passwords are removed). Passwords omitted = keep the stored one. */
export const teamStoreForm = z.strictObject({
  url: pgUrl,
  tls: z.enum(TEAM_TLS_MODES).optional(),
  caFile: z.string().trim().max(1000).optional(),
  readerUrl: pgUrl.optional(),
  directory: z.boolean().optional(),
  directoryUrl: pgUrl.optional(),
  password: secret.optional(),
  readerPassword: secret.optional(),
  directoryPassword: secret.optional(),
});
export type TeamStoreForm = z.infer<typeof teamStoreForm>;

/** One login "Test connection" tried: which, and what went wrong (a problem code the UI words). */
export const TEAM_TEST_PROBLEMS = [
  'noPassword',
  'badUrl',
  'refused',
  'unreachable',
  'timeout',
  'tls',
  'caFile',
  'auth',
  'noDatabase',
  'schemaEmpty',
  'schemaOld',
  'schemaNew',
  'privileges',
  'other',
] as const;
export const teamTestLogin = z.object({
  login: z.enum(['desk', 'reader', 'directory']),
  user: z.string(),
  ok: z.boolean(),
  problem: z.enum(TEAM_TEST_PROBLEMS).optional(),
  /** The schema versions, when the store was reached. */
  storeVersion: z.number().int().optional(),
  appVersion: z.number().int().optional(),
  /** The privileges that are missing (e.g. "INSERT on team.audit_entries") or present but too wide. */
  missing: z.array(z.string()).optional(),
  excess: z.array(z.string()).optional(),
  /** How many operators the team directory holds (desk login, when it was read). */
  operators: z.number().int().optional(),
  latencyMs: z.number(),
});
export type TeamTestLogin = z.infer<typeof teamTestLogin>;
export const teamStoreTestResult = z.object({ ok: z.boolean(), logins: z.array(teamTestLogin) });
export type TeamStoreTestResult = z.infer<typeof teamStoreTestResult>;

export const teamStoreStatus = z.object({
  configured: z.boolean(),
  url: z.string().nullable(),
  /** Why shipping does not run (settings, password), in words from main; null when it runs. */
  problem: z.string().nullable(),
  /** What kind of problem, for the words the renderer shows. */
  problemFault: z.enum(['config', 'auth', 'unreachable', 'dropped', 'refused', 'schema', 'local', 'other']).nullable(),
  state: z.enum(['idle', 'shipping', 'backoff', 'stopped']).nullable(),
  /** Entries written on this desk the team store does not hold yet. */
  queued: z.number().int().nullable(),
  shippedSeq: z.number().int().nullable(),
  /** When the team store last confirmed a batch: how old its copy of this desk is. */
  lastShipAt: z.string().nullable(),
  lastError: z.object({ fault: z.enum(['config', 'auth', 'unreachable', 'dropped', 'refused', 'schema', 'local', 'other']), at: z.string() }).nullable(),
  nextAttemptAt: z.string().nullable(),
  directory: z.object({ refreshedAt: z.string().nullable(), operators: z.number().int(), canChange: z.boolean() }).nullable(),
});
export type TeamStoreStatus = z.infer<typeof teamStoreStatus>;
