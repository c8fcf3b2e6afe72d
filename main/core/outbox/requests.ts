// A command as the AMPS request that carries it out, built once when it is queued (so a
// comment keeps the author and time it was made with), and the answer read back into a
// result. msgAuthDetails is not part of it: the client signs at send time (D2).
import { formatAmpsDateTime, type AmpsResponse } from '../../../shared/amps';
import type { Command } from '../../../shared/commands';
import type { Operator } from '../services/context';
import { buildCreateRequest, interpretCreate } from './accountCreate';
import type { RequestData } from './store';
import { replacePlanPayload } from '../amps/coreClient';
import type { CoreResponse } from '../../../shared/amps/core';

export function buildRequest(cmd: Command, operator: Operator, now: number, applicationId: string): RequestData {
  const accountNo = cmd.accountNo;
  switch (cmd.type) {
    case 'comment.add': {
      const at = formatAmpsDateTime(now);
      return {
        endpoint: 'AcctCaptureComments',
        payload: {
          acctCaptureCommentCriteria: {
            ariaAccountNo: accountNo,
            // The operator who made it, never whoever is signed in when it is sent.
            acctCommentAuthor: operator.id,
            acctCommentDateTime: at,
            acctCommentText: cmd.text,
            acctApplicationID: applicationId,
            acctApplicationDateTime: at,
          },
        },
      };
    }
    case 'billingGroup.add':
      return {
        endpoint: 'AcctManageBillingGroup',
        payload: { acctManageBillingGroupDetails: [{ actionDirective: 'ADD', ariaAccountNo: accountNo, acctManageBillingGroupDetailsADD: cmd.group }] },
      };
    case 'billingGroup.modify':
      return {
        endpoint: 'AcctManageBillingGroup',
        payload: { acctManageBillingGroupDetails: [{ actionDirective: 'MODIFY', ariaAccountNo: accountNo, acctManageBillingGroupDetailsMODIFY: cmd.group }] },
      };
    case 'billingGroup.remove':
      return {
        endpoint: 'AcctManageBillingGroup',
        payload: { acctManageBillingGroupDetails: [{ actionDirective: 'REMOVE', ariaAccountNo: accountNo, acctManageBillingGroupDetailsREMOVE: cmd.group }] },
      };
    case 'address.changePerm':
      return {
        endpoint: 'AcctChangePermAddress',
        payload: { AcctChangePermAddressRequestDetails: { ...cmd.change, ariaAccountNo: accountNo, ariaAccountID: null } },
      };
    case 'account.manage':
      return { endpoint: 'AcctManageAccount', payload: { acctManageAccountDetails: cmd.actions } };
    case 'card.complete':
      return {
        endpoint: 'AcctCompleteCCUpdate',
        payload: {
          acctCompleteCCUpdateDetails: {
            ariaAccountNo: accountNo,
            ariaPaymentMethodNo: cmd.paymentMethodNo,
            createNewBillingGroup: cmd.createNewBillingGroup,
            ariaBillingGroupNo: cmd.billingGroupNo ?? null,
            ariaBillingGroupID: cmd.billingGroupId ?? null,
          },
        },
      };
    case 'account.create':
      return buildCreateRequest(cmd);
    // Plan replacement goes to Aria's core API (seed 003, D71), not to an AMPS endpoint.
    case 'plan.replace':
      return { api: 'core', restCall: 'replace_acct_plan_m', payload: replacePlanPayload(cmd, true, applicationId, formatAmpsDateTime(now)) };
  }
}

export type Interpreted =
  | { kind: 'applied'; result: unknown }
  | { kind: 'rejected'; message: string; fields: { path: string; message: string }[] };

type ActionRow = { actionDirective: string; actionResultInfo: { resultCode: number; resultText: string } };

/** Per-action result codes: all refused = rejected; otherwise applied, with each action's code. */
function actions(rows: readonly ActionRow[] | null | undefined): { refused: ActionRow[]; all: ActionRow[] } {
  const all = [...(rows ?? [])];
  return { refused: all.filter((r) => r.actionResultInfo.resultCode < 0), all };
}

/**
 * What an accepted answer (resultCode ≥ 0) means. A missing detail after AMPS accepted the
 * write is never a failure: the write stands, the detail is null (issue 8's review).
 */
export function interpret(cmd: Command, response: unknown): Interpreted {
  switch (cmd.type) {
    case 'comment.add': {
      const r = response as AmpsResponse<'AcctCaptureComments'>;
      return { kind: 'applied', result: { commentNos: r.acctCommentNos ?? [] } };
    }
    case 'billingGroup.add':
    case 'billingGroup.modify':
    case 'billingGroup.remove': {
      const r = response as AmpsResponse<'AcctManageBillingGroup'>;
      const { refused } = actions(r.acctManageBillingGroupResponseDetails);
      if (refused.length) return { kind: 'rejected', message: refused[0]!.actionResultInfo.resultText, fields: [] };
      return { kind: 'applied', result: { group: r.acctManageBillingGroupResponseDetails?.[0]?.billingGroupResponseINFO ?? null } };
    }
    case 'address.changePerm': {
      const r = response as AmpsResponse<'AcctChangePermAddress'>;
      return { kind: 'applied', result: { distAddressNo: r.AcctChangePermAddressResponseDetails?.distAddressNo ?? null } };
    }
    case 'account.manage': {
      const r = response as AmpsResponse<'AcctManageAccount'>;
      const { refused, all } = actions(r.acctManageAccountResponseDetails);
      const results = all.map((a) => ({ actionDirective: a.actionDirective, resultCode: a.actionResultInfo.resultCode, resultText: a.actionResultInfo.resultText }));
      if (all.length && refused.length === all.length)
        return { kind: 'rejected', message: refused.map((a) => `${a.actionDirective}: ${a.actionResultInfo.resultText}`).join('; '), fields: [] };
      return { kind: 'applied', result: { results } };
    }
    case 'card.complete': {
      const r = response as AmpsResponse<'AcctCompleteCCUpdate'>;
      const d = r.acctCompleteCCUpdateResponseDetails;
      return { kind: 'applied', result: { paymentMethodId: d?.ariaPaymentMethodID ?? null, billingGroupId: d?.ariaBillingGroupID ?? null } };
    }
    case 'account.create':
      return interpretCreate(cmd, response);
    case 'plan.replace':
      return { kind: 'applied', result: planResult(response as CoreResponse<'replace_acct_plan_m'>, cmd.newPlanNo, cmd.planUnits) };
  }
}

/** What a stored plan change did, in the desk's words (plans.replace's answer, the audit outcome). */
export function planResult(r: CoreResponse<'replace_acct_plan_m'>, newPlanNo: number, units: number) {
  return {
    planInstanceNo: r.plan_instance_no ?? null,
    planNo: r.new_plan_no ?? newPlanNo,
    units: r.new_plan_units ?? units,
    invoiceNo: r.invoice_no ?? null,
    effectiveDate: r.effective_date ?? null,
    nextBillDate: r.next_bill_date ?? null,
    scheduled: r.change_queued ?? false,
    charges: r.total_charges_after_tax ?? r.total_charges_before_tax ?? 0,
    credits: r.total_credit ?? 0,
    settledByReading: false,
  };
}
export type PlanResult = ReturnType<typeof planResult>;

/** The actions of an account change that AMPS refused (per-action result codes). */
export function refusedActions(result: unknown): string[] {
  const rows = (result as { results?: { actionDirective: string; resultCode: number }[] } | null)?.results ?? [];
  return rows.filter((r) => r.resultCode < 0).map((r) => r.actionDirective);
}
