// account.create through the pipeline (issue 10 item 2; decision D60): the AcctCreateAccount
// request, its answer, and settling an unknown outcome. AMPS has no idempotency key, so the
// command carries a client account ID (ariaAccountID) fixed when it was queued; settling
// searches for that ID: no account = not applied (it may be sent again), one account with the
// command's name = applied (with its account number), anything else = a person decides.
import type { AmpsResponse } from '../../../shared/amps';
import type { Command } from '../../../shared/commands';
import type { AmpsClient } from '../amps/client';
import type { AmpsRequestData } from './store';

type Create = Extract<Command, { type: 'account.create' }>;
type Verdict = { kind: 'applied'; result: unknown } | { kind: 'notApplied' } | { kind: 'undecided'; message: string };

/** What a create comes back with: the new account's number (null until AMPS said it). */
export interface CreatedAccount {
  accountNo: number | null;
  ariaAccountID: string;
  userID: string | null;
}

export function buildCreateRequest(cmd: Create): AmpsRequestData {
  return { endpoint: 'AcctCreateAccount', payload: { acctCreateAccountRequestDetails: cmd.account } };
}

export function interpretCreate(cmd: Create, response: unknown): { kind: 'applied'; result: CreatedAccount } {
  const d = (response as AmpsResponse<'AcctCreateAccount'>).acctCreateAccountResponseDetails;
  // Accepted without details: the account exists; its number is simply not known here.
  return {
    kind: 'applied',
    result: { accountNo: d?.ariaAccountNo ?? null, ariaAccountID: d?.ariaAccountID || cmd.account.ariaAccountID!, userID: d?.userID ?? null },
  };
}

const norm = (v: unknown) => (v === undefined || v === null ? '' : String(v).normalize('NFC').trim().toLowerCase());

export async function settleCreate(cmd: Create, client: AmpsClient): Promise<Verdict> {
  const id = (cmd.account.ariaAccountID ?? '').trim();
  if (!id) return { kind: 'undecided', message: 'the new account has no client account ID to look for' };
  const res = await client.call('AcctSearchAccount', {
    acctSearchAccountCriteria: { ariaAccountID: id },
    acctSearchAccountSpecDetails: { returnLimitRows: 5 },
  });
  const rows = (res.acctSearchAccountResponseDetails?.accountResultSet ?? []).filter((r) => (r.ariaAccountID ?? '').trim() === id);
  if (!rows.length) return { kind: 'notApplied' };
  if (rows.length > 1) return { kind: 'undecided', message: `${rows.length} accounts have the client account ID ${id}` };
  const row = rows[0]!;
  // An ID the agent typed may belong to an older account: ours carries the name it was given.
  if (norm(row.contactDetails?.fullName) !== norm(cmd.account.accountContact.fullName))
    return { kind: 'undecided', message: `account ${row.ariaAccountNo} has the client account ID ${id} but another name` };
  const result: CreatedAccount = { accountNo: row.ariaAccountNo, ariaAccountID: id, userID: row.userID ?? null };
  return { kind: 'applied', result };
}

/** The outbox list's line: the name and where the customer lives. */
export function describeCreate(cmd: Create): string {
  const c = cmd.account.accountContact;
  const place = [c.postalCode, c.postalCity].filter((x) => x && String(x).trim()).join(' ');
  return [c.fullName?.trim(), place].filter(Boolean).join(', ');
}
