// One audit-log entry as the renderer sees it: the desk's own audit screen and the supervisor
// workspace (local log or team store) show the same shape.
import { z } from 'zod';

export const auditEntryView = z.object({
  seq: z.number().int(),
  deskId: z.string(),
  at: z.string(),
  kind: z.enum(['intent', 'outcome', 'event']),
  operator: z.object({ id: z.string(), displayName: z.string(), role: z.string() }).nullable(),
  action: z.string(),
  accountNo: z.number().nullable(),
  requestId: z.string().nullable(),
  profile: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  outcome: z.string().nullable(),
  reason: z.string().nullable(),
  detail: z.unknown(),
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditEntryView = z.infer<typeof auditEntryView>;
