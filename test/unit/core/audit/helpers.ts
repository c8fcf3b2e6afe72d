// Shared set-up for the audit log tests: a temporary data folder, a fixed clock, inputs.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemorySecretStore } from '../../../../main/core/secrets/secretStore';
import { openAuditLog, type OpenAuditLogOptions } from '../../../../main/core/audit';
import type { AuditInput } from '../../../../main/core/audit';

export const tempDir = (prefix = 'audit-') => mkdtempSync(join(tmpdir(), prefix));

/** A clock that starts at 2026-12-01T08:00:00.000Z and moves one second per call. */
export function clock(start = Date.parse('2026-12-01T08:00:00.000Z'), step = 1000) {
  let t = start - step;
  return () => (t += step);
}

export const kari = { id: 'kari', displayName: 'Kari Nordmann', role: 'agent' as const };
export const ola = { id: 'ola', displayName: 'Ola Hansen', role: 'supervisor' as const };

export function input(i: number, over: Partial<AuditInput> = {}): AuditInput {
  return {
    kind: i % 2 ? 'intent' : 'outcome',
    operator: i % 3 ? kari : ola,
    action: 'comment.add',
    accountNo: 1000 + (i % 5),
    requestId: `req-${Math.ceil(i / 2)}`,
    profile: 'sandbox',
    before: null,
    after: { text: `Comment number ${i}` },
    outcome: i % 2 ? null : 'APPLIED',
    reason: null,
    detail: null,
    ...over,
  };
}

export async function openWith(dataDir: string, over: Partial<OpenAuditLogOptions> = {}) {
  const secrets = over.secrets ?? new MemorySecretStore();
  const log = openAuditLog({ dataDir, secrets, now: clock(), ...over });
  await log.ready;
  return { log, secrets };
}

/** A closed log of n entries (checkpoints every `every`), and the secret store holding its key. */
export async function filledLog(n: number, every = 10) {
  const dir = tempDir();
  const { log, secrets } = await openWith(dir, { checkpointEvery: every });
  for (let i = 1; i <= n; i++) log.append(input(i));
  const deskId = log.deskId;
  log.close();
  return { dir, file: join(dir, 'audit.sqlite'), secrets, deskId };
}
