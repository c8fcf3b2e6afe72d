// Requests with several actions (AcctManageAccount, AcctManageBillingGroup) are all or
// nothing (docs/sandbox.md): the first failing action rolls the whole request back, its row
// says why, and every other row says it was not applied.
import { RESULT } from '../../../shared/amps/codes';
import { AmpsFailure } from '../http/result';

export interface ActionRow {
  actionDirective: string;
  actionResultInfo: { resultCode: number; resultText: string };
  ariaAccountNo?: number | null;
  ariaAccountID?: string | null;
}

export function runActions<A extends { actionDirective: string }, R extends ActionRow>(
  actions: readonly A[],
  apply: (action: A, index: number) => R,
  rowsKey: string,
): R[] {
  const done: R[] = [];
  for (const [i, action] of actions.entries()) {
    try {
      done.push(apply(action, i));
    } catch (e) {
      if (!(e instanceof AmpsFailure)) throw e;
      const label = `action ${i + 1} (${action.actionDirective})`;
      const rows = actions.map((a, j) => {
        if (j === i) return { actionDirective: a.actionDirective, actionResultInfo: { resultCode: e.resultCode, resultText: e.message } };
        const text = j < i ? `not applied: ${label} failed, so the whole request was rolled back` : `not attempted: ${label} failed`;
        return {
          actionDirective: a.actionDirective,
          actionResultInfo: { resultCode: RESULT.NOT_APPLIED, resultText: text },
          ...(j < i ? { ariaAccountNo: done[j]!.ariaAccountNo ?? null, ariaAccountID: done[j]!.ariaAccountID ?? null } : {}),
        };
      });
      throw new AmpsFailure(e.resultCode, `${label} failed, nothing was changed: ${e.message}`, e.errorFields, { [rowsKey]: rows });
    }
  }
  return done;
}
