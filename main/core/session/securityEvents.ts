// Sign-in, sign-out, failed sign-in, lockout, operator changes and FORBIDDEN refusals, as
// the audit log's 'event' entries (main/core/audit/types.ts). The composition root passes
// each one to CoreOptions.onSecurityEvent and, once the audit log is wired, appends
// toAuditInput(event) to it. No password or hash is ever part of an event.
import { eventEntry, type AuditInput } from '../audit/types';
import type { Operator } from '../services/context';
import type { Refusal } from './access';
import type { SessionEvent } from './deskSession';
import type { OperatorEvent } from './handlers';

export type SecurityEvent =
  | ({ type: 'session' } & SessionEvent)
  | ({ type: 'operators'; by: Operator | null } & OperatorEvent)
  | ({ type: 'refused' } & Refusal);

export function toAuditInput(e: SecurityEvent): AuditInput {
  switch (e.type) {
    case 'session':
      return eventEntry(e.operator, e.action, null, { ...(e.attemptedId ? { attemptedId: e.attemptedId } : {}), ...e.detail });
    case 'operators':
      return eventEntry(e.by, e.action, null, { target: e.targetId, ...e.detail });
    case 'refused':
      return eventEntry(e.operator, 'access.forbidden', null, { channel: e.channel, why: e.why });
  }
}
