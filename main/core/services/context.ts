// What every service gets from the composition root.
import type { AmpsClient } from '../amps/client';
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
  /**
   * The operators' names by login name, for the comment authors AMPS keeps (a login name);
   * an author not in it, or a directory that cannot be read, shows as its login name.
   */
  operatorNames?(): Promise<ReadonlyMap<string, string>>;
}

// Writes (and their reasons) go through the write pipeline: main/core/outbox (D51, D55).
