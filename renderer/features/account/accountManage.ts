// Account changes through `accounts.manage` (AcctManageAccount via the write pipeline): the
// call, what the account's status allows (the same rules the sandbox enforces, D58), and the
// answer as one row per action — made, not made, refused with its reason, waiting to be sent,
// or being checked — never "failed" for something that may have been made (D52).
import type { TFunction } from 'i18next';
import type { ManageAccountAction } from '../../../shared/amps';
import type { ShownChange } from '../../../shared/commands';
import type { Scalar } from '../../../shared/domain/fieldDiff';
import type { ChannelOutput, Envelope, IpcError } from '../../../shared/ipc';
import { serverFieldMessage } from '../../i18n/fieldMessages';
import { invoke } from '../../state/ipc';
import { uiLanguage } from '../../state/uiLanguage';
import { useWorkspace } from '../../state/workspaceStore';

export type ManageAnswer = ChannelOutput<'accounts.manage'>;

/** Sends the actions; the account is read again after anything but a refusal. */
export async function manageAccount(
  accountNo: number,
  actions: ManageAccountAction[],
  opts: { reason?: string; changes?: ShownChange[]; before?: Record<string, Scalar> },
): Promise<Envelope<ManageAnswer>> {
  const reason = opts.reason?.trim();
  const res = await invoke((api) =>
    api.accounts.manage({
      accountNo,
      actions,
      lang: uiLanguage(),
      ...(reason ? { reason } : {}),
      ...(opts.changes?.length ? { changes: opts.changes.slice(0, 100) } : {}),
      ...(opts.before ? { before: opts.before } : {}),
    }),
  );
  if (res.ok) await useWorkspace.getState().load(accountNo);
  return res;
}

// ── what the account's status allows ─────────────────────────────────────────────────────
export type StatusAction = 'ACTIVATE' | 'DEACTIVATE' | 'BANNED' | 'CANCEL';

/**
 * 0 inactive, 1 active, 32 pending, 99 permanent, -99 archived (banned included): an active
 * or permanent account cannot be activated, an inactive one not deactivated, an archived one
 * not changed at all. Cancel is offered for every other status; the billing system says so
 * when an inactive account has nothing left to cancel.
 */
export function allowedStatusActions(statusCode: number | null | undefined): StatusAction[] {
  switch (statusCode) {
    case 1:
    case 99:
      return ['DEACTIVATE', 'BANNED', 'CANCEL'];
    case 0:
      return ['ACTIVATE', 'BANNED', 'CANCEL'];
    case 32:
      return ['ACTIVATE', 'DEACTIVATE', 'BANNED', 'CANCEL'];
    case -99:
      return [];
    default:
      // A status the desk does not know: only what cannot make things worse by mistake.
      return ['ACTIVATE', 'DEACTIVATE'];
  }
}

export const isArchived = (statusCode: number | null | undefined) => statusCode === -99;

/** The status code an action leads to (as the account will show it). */
export const STATUS_AFTER: Record<StatusAction, number> = { ACTIVATE: 1, DEACTIVATE: 0, BANNED: -99, CANCEL: 0 };

export function statusActionToRequest(accountNo: number, a: StatusAction): ManageAccountAction {
  return a === 'CANCEL'
    ? { actionDirective: 'CANCEL', acctManageAccountDetailsCANCEL: { ariaAccountNo: accountNo } }
    : { actionDirective: 'STATUS', acctManageAccountDetailsSTATUS: { ariaAccountNo: accountNo, newStatusCode: a } };
}

// ── the answer, row by row ───────────────────────────────────────────────────────────────
export type RowState = 'made' | 'notMade' | 'refused' | 'waiting' | 'checking';
export interface ActionRowView {
  /** The action in words ("Contact", "Ban", "New IDs"). */
  label: string;
  state: RowState;
  /** Why, in the UI language (refused / not made). */
  detail?: string;
}

export function actionLabel(t: TFunction, a: ManageAccountAction): string {
  if (a.actionDirective === 'STATUS') return t(`manageAccount.action.${a.acctManageAccountDetailsSTATUS.newStatusCode}`);
  return t(`manageAccount.action.${a.actionDirective}`);
}

/** The billing system's refusals we know, in the UI language; anything else in general words. */
const KNOWN_REFUSALS: [RegExp, string][] = [
  [/is already active|is already permanent/, 'manageAccount.refused.alreadyActive'],
  [/is already inactive/, 'manageAccount.refused.alreadyInactive'],
  [/no subscriptions left to cancel/, 'manageAccount.refused.nothingToCancel'],
  [/is (banned|archived) and cannot be changed/, 'manageAccount.refused.archived'],
  [/is already used by account (\d+)/, 'manageAccount.refused.idInUse'],
  [/not applied: .* failed, so the whole request was rolled back|not attempted: .* failed/, 'manageAccount.refused.rolledBack'],
];

export function refusalWords(t: TFunction, message: string): string {
  for (const [re, key] of KNOWN_REFUSALS) {
    const m = re.exec(message);
    if (m) return t(key, { account: m[1] ?? '' });
  }
  // A rule of the shared schemas in the UI language; anything else in general words, never wire text.
  const known = serverFieldMessage(t, message);
  return known === t('validation.serverRefused') ? t('manageAccount.refused.general') : known;
}

/** Which action an error field path names ("acctManageAccountDetails[1]…" or "actions.1…"). */
export function actionIndexOf(path: string): number | undefined {
  const m = /^(?:acctManageAccountDetails\[(\d+)\]|actions\.(\d+))/.exec(path);
  return m ? Number(m[1] ?? m[2]) : undefined;
}

export function rowsFromAnswer(t: TFunction, actions: ManageAccountAction[], res: Envelope<ManageAnswer>): ActionRowView[] {
  if (res.ok) {
    const v = res.value;
    return actions.map((a, i) => {
      const label = actionLabel(t, a);
      if (v.outcome === 'QUEUED') return { label, state: 'waiting' };
      if (v.outcome === 'UNKNOWN') return { label, state: 'checking' };
      const r = v.results[i];
      // No row for an action: AMPS accepted the request; the action stands.
      if (!r || r.resultCode >= 0) return { label, state: 'made' };
      return { label, state: 'refused', detail: refusalWords(t, r.resultText) };
    });
  }
  return rowsFromRefusal(t, actions, res.error);
}

/**
 * A refused request made nothing (the sandbox is all or nothing, D57): the action the error
 * fields name is refused with its reason, every other one is "not made".
 */
export function rowsFromRefusal(t: TFunction, actions: ManageAccountAction[], error: IpcError): ActionRowView[] {
  const byIndex = new Map<number, string>();
  for (const f of error.fields ?? []) {
    const i = actionIndexOf(f.path);
    if (i !== undefined && !byIndex.has(i)) byIndex.set(i, refusalWords(t, f.message));
  }
  return actions.map((a, i) => {
    const label = actionLabel(t, a);
    const why = byIndex.get(i);
    if (why) return { label, state: 'refused', detail: why };
    if (byIndex.size) return { label, state: 'notMade', detail: t('manageAccount.refused.rolledBack') };
    return { label, state: 'refused', detail: error.code === 'AMPS_REJECTED' ? refusalWords(t, error.message) : t('manageAccount.refused.general') };
  });
}
