// Sign-in, sign-out, failed sign-in, lockout, operator changes and FORBIDDEN refusals, as
// the audit log's 'event' entries (main/core/audit/types.ts). The composition root passes
// each one to CoreOptions.onSecurityEvent and, once the audit log is wired, appends
// toAuditInput(event) to it. No password or hash is ever part of an event.
import type { AuditInput } from '../audit/types';
import type { Operator } from '../services/context';
import type { Refusal } from './access';
import type { SessionEvent } from './deskSession';
import type { OperatorEvent } from './handlers';

export type SecurityEvent =
  | ({ type: 'session' } & SessionEvent)
  | ({ type: 'operators'; by: Operator | null } & OperatorEvent)
  | ({ type: 'refused' } & Refusal);

export function toAuditInput(e: SecurityEvent): AuditInput {
  const base = { kind: 'event' as const, accountNo: null, requestId: null, profile: null, before: null, after: null, outcome: null, reason: null };
  switch (e.type) {
    case 'session':
      return { ...base, operator: e.operator, action: e.action, detail: { ...(e.attemptedId ? { attemptedId: e.attemptedId } : {}), ...e.detail } };
    case 'operators':
      return { ...base, operator: e.by, action: e.action, detail: { target: e.targetId, ...e.detail } };
    case 'refused':
      return { ...base, operator: e.operator, action: 'access.forbidden', detail: { channel: e.channel, why: e.why } };
  }
}
