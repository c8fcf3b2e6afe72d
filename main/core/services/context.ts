// What every service gets from the composition root.
import type { AmpsClient } from '../amps/client';
import { formatAmpsDateTime } from '../../../shared/amps';
import type { Role } from '../../../shared/ipc';
import type { AuditLog } from '../audit/types';

/** The person signed in at the desk: the userID of their signed requests, the author of their comments. */
export interface Operator {
  /** Login name; sent as AMPS userID and as acctCommentAuthor. */
  id: string;
  displayName: string;
  role: Role;
}

export interface ServiceContext {
  client(): Promise<AmpsClient>;
  /** The person working: the comment author and the audit log's actor. */
  operator(): Operator;
  now(): number;
  /** Identifies this application in comments (acctApplicationID). */
  applicationId: string;
  /** The desk's audit log (docs/audit.md): append intent and outcome of every write. */
  audit: AuditLog;
}

/** Records a write's reason as an account comment; false when that failed (the write stands). */
export async function recordReason(ctx: ServiceContext, accountNo: number, what: string, reason: string | undefined): Promise<boolean | undefined> {
  if (!reason?.trim()) return undefined;
  try {
    const client = await ctx.client();
    const now = formatAmpsDateTime(ctx.now());
    await client.call(
      'AcctCaptureComments',
      {
        acctCaptureCommentCriteria: {
          ariaAccountNo: accountNo,
          acctCommentAuthor: ctx.operator().id,
          acctCommentDateTime: now,
          acctCommentText: `${what}. Reason: ${reason.trim()}`,
          acctApplicationID: ctx.applicationId,
          acctApplicationDateTime: now,
        },
      },
      { account: { ariaAccountNo: accountNo } },
    );
    return true;
  } catch {
    return false;
  }
}
