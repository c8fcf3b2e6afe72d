// Settling an unknown outcome by reading state, never by re-sending blindly (security.md;
// decision D54). AMPS has no idempotency key, so each command says how to tell whether it
// landed: a comment by its author, time and text among the retrieved comments; an address
// change by the permanent address; a billing-group add by a new group with its fields; an
// account change by the account. Where reading cannot decide, a person decides (parked).
import { flattenFields } from '../../../shared/domain/fieldDiff';
import { RESULT, labelCommentParts, parseAmpsDateTime, splitComment } from '../../../shared/amps';
import type { AmpsClient } from '../amps/client';
import type { CoreClient } from '../amps/coreClient';
import { type CORE_MESSAGES, type AcctPlan } from '../../../shared/amps/core';
import type { Command } from '../../../shared/commands';
import type { OutboxRow } from './store';
import { settleCreate } from './accountCreate';

export type Verdict = { kind: 'applied'; result: unknown } | { kind: 'notApplied' } | { kind: 'undecided'; message: string };

const norm = (v: unknown) => (v === undefined || v === null ? '' : String(v).trim());
const undecided = (message: string): Verdict => ({ kind: 'undecided', message });

export async function settle(row: OutboxRow, client: AmpsClient, core?: () => Promise<CoreClient>): Promise<Verdict> {
  const cmd = row.command;
  const account = { account: { ariaAccountNo: cmd.accountNo } };
  switch (cmd.type) {
    case 'comment.add':
      return settleComment(row, client);
    case 'billingGroup.add':
    case 'billingGroup.modify':
    case 'billingGroup.remove': {
      const res = await client.call('AcctRetrieveBillingGroup', { acctRetrieveBillingGroupCriteria: { ariaAccountNo: cmd.accountNo } }, account);
      const groups = res.acctRetrieveBillingGroupResponseDetails?.acctRetrieveBillingGroupList ?? [];
      return settleGroup(cmd, groups, res.acctRetrieveBillingGroupResponseDetails?.acctRetrieveBillingGroupPayMethodList ?? []);
    }
    case 'card.complete': {
      const res = await client.call('AcctRetrieveBillingGroup', { acctRetrieveBillingGroupCriteria: { ariaAccountNo: cmd.accountNo } }, account);
      const d = res.acctRetrieveBillingGroupResponseDetails;
      return settleGroup(cmd, d?.acctRetrieveBillingGroupList ?? [], d?.acctRetrieveBillingGroupPayMethodList ?? []);
    }
    case 'address.changePerm': {
      const res = await client.call('AcctRetrieveDeliveryInfo', { acctRetrieveDeliveryInfoCriteria: { ariaAccountNo: cmd.accountNo } }, account);
      const d = res.acctRetrieveDeliveryInfoDetails;
      if (!d) return undecided('the account’s addresses could not be read');
      return settleAddress(cmd, d);
    }
    case 'account.manage': {
      const res = await client.call('AcctRetrieveAccount', { acctRetrieveAccountCriteria: { ariaAccountNo: cmd.accountNo } }, account);
      const d = res.acctRetrieveAccountResponseDetails;
      if (!d) return undecided('the account could not be read');
      return settleAccount(cmd, { ...d.acctRetrieveAccountDetails, ariaAccountID: d.ariaAccountID ?? null });
    }
    case 'account.create':
      // Searched for by the client account ID it was queued with (D60).
      return settleCreate(cmd, client);
    case 'plan.replace': {
      // Read on the core API, as the change was made (D71).
      if (!core) return undecided('the core API cannot be read from here');
      const c = (await core()) as CoreClient<typeof CORE_MESSAGES>;
      const res = await c.call('get_acct_plans_all_m', { acct_no: cmd.accountNo }, { write: false, callerId: row.operator.id });
      return settlePlan(cmd, res.all_acct_plans_m ?? []);
    }
  }
}

/**
 * The subscription read back: on the new plan with the units asked for = applied; a change to
 * them waiting for its date in the instance's queue = applied (scheduled); still the plan and
 * units shown before, nothing queued = not applied; anything else = a person decides.
 */
export function settlePlan(cmd: Extract<Command, { type: 'plan.replace' }>, plans: readonly AcctPlan[]): Verdict {
  const pi = plans.find((p) => p.plan_instance_no === cmd.planInstanceNo);
  if (!pi) return undecided('the subscription is no longer on the account');
  const result = (scheduled: boolean, effectiveDate: string | null) => ({
    kind: 'applied' as const,
    result: { planInstanceNo: pi.plan_instance_no, planNo: cmd.newPlanNo, units: cmd.planUnits, invoiceNo: null, effectiveDate, nextBillDate: pi.next_bill_date, scheduled, charges: null, credits: null, settledByReading: true },
  });
  const queued = (pi.plan_instance_queue ?? []).filter(
    (q) => q.queued_plan_no === cmd.newPlanNo && q.queued_plan_units === cmd.planUnits && (!cmd.effectiveDate || q.queued_effective_date.slice(0, 10) === cmd.effectiveDate),
  );
  if (queued.length === 1) return result(true, queued[0]!.queued_effective_date.slice(0, 10));
  if (queued.length > 1) return undecided('the same plan change is waiting more than once');
  const before = cmd.before;
  const sameAsBefore = !!before && pi.plan_no === before.planNo && pi.plan_units === before.units;
  // A change of units only keeps the plan: the units tell.
  if (pi.plan_no === cmd.newPlanNo && pi.plan_units === cmd.planUnits && !sameAsBefore) return result(false, null);
  if (sameAsBefore && !(pi.plan_instance_queue ?? []).length) return { kind: 'notApplied' };
  if (!before) return undecided('the subscription as it was shown before the change is not known');
  return undecided('the subscription differs both from before and from the change');
}

/** Every part of the comment, with the operator as author and the comment's own time. */
async function settleComment(row: OutboxRow, client: AmpsClient): Promise<Verdict> {
  const c = (row.request.payload as { acctCaptureCommentCriteria: { acctCommentAuthor: string; acctCommentDateTime: string; acctCommentText: string } })
    .acctCaptureCommentCriteria;
  const at = parseAmpsDateTime(c.acctCommentDateTime);
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 19);
  const res = await client.call(
    'AcctRetrieveComments',
    { AcctRetrieveCommentsCriteria: { ariaAccountNo: row.accountNo, dateRangeStart: iso(at - 1000), dateRangeEnd: iso(at + 1000) } },
    { account: { ariaAccountNo: row.accountNo } },
  );
  const expected = labelCommentParts(splitComment(c.acctCommentText));
  const found = (res.acctRetrieveCommentsList ?? []).filter(
    (x) => x.acctCommentAuthor === c.acctCommentAuthor && parseAmpsDateTime(x.acctCommentDateTime) === at && expected.includes(x.acctCommentText),
  );
  if (!found.length) return { kind: 'notApplied' };
  const each = expected.map((t) => found.filter((f) => f.acctCommentText === t).length);
  if (each.every((n) => n === 1)) return { kind: 'applied', result: { commentNos: found.map((f) => f.acctCommentNo) } };
  return undecided(
    each.some((n) => n === 0)
      ? `only ${found.length} of the comment’s ${expected.length} parts are stored`
      : 'the same comment is stored more than once with the same author and time',
  );
}

type Group = {
  ariaBillingGroupNo: number;
  ariaBillingGroupID: string;
  billingGroupStatus?: string | null;
  paymentMethodInfo?: { primaryPaymentMethodID?: string | null } | null;
} & Record<string, unknown>;
type PayMethod = { ariaPaymentMethodNo?: number | null; ariaPaymentMethodID?: string | null } & Record<string, unknown>;

const GROUP_REFS = ['ariaBillingGroupNo', 'ariaBillingGroupID', 'ariaDunningGroupNo', 'ariaDunningGroupID'];
// Fields AMPS stores elsewhere or derives, so a group read back cannot be compared on them.
const NOT_COMPARED = ['statementContactDetails', 'statementContactNo', 'payOptionInfo', 'requestSourceID', 'titleCode'];

/** The fields a command sets that the group read back also shows, as dotted paths. */
function comparable(fields: object, group: Record<string, unknown>): [string, string][] {
  const mine = flattenFields(fields);
  const theirs = flattenFields(group);
  return Object.entries(mine)
    .filter(([p, v]) => !GROUP_REFS.includes(p) && !NOT_COMPARED.some((n) => p === n || p.startsWith(`${n}.`)) && v !== null && p in theirs)
    .map(([p, v]) => [p, norm(v)]);
}

function findGroup(groups: Group[], ref: { ariaBillingGroupNo?: number | null; ariaBillingGroupID?: string | null }): Group | undefined {
  const id = norm(ref.ariaBillingGroupID);
  return groups.find((g) => (id ? g.ariaBillingGroupID === id : g.ariaBillingGroupNo === ref.ariaBillingGroupNo));
}

function settleGroup(cmd: Command, groups: Group[], methods: PayMethod[]): Verdict {
  switch (cmd.type) {
    case 'billingGroup.add': {
      if (!cmd.before) return undecided('the groups shown before the change are not known');
      const known = new Set(cmd.before.groupNos);
      const fresh = groups.filter((g) => !known.has(g.ariaBillingGroupNo));
      const wanted = (g: Group) => {
        const pairs = comparable(cmd.group, g);
        const theirs = flattenFields(g);
        return pairs.every(([p, v]) => norm(theirs[p]) === v);
      };
      const matches = fresh.filter(wanted);
      if (matches.length === 1) return { kind: 'applied', result: { group: matches[0] } };
      if (!fresh.length) return { kind: 'notApplied' };
      return undecided(
        matches.length
          ? `${matches.length} new billing groups match the one added`
          : 'a new billing group appeared that differs from the one added',
      );
    }
    case 'billingGroup.modify': {
      const g = findGroup(groups, cmd.group);
      if (!g) return undecided('the billing group is no longer there');
      const pairs = comparable(cmd.group, g);
      if (!pairs.length) return undecided('the change cannot be compared with the billing group read back');
      const theirs = flattenFields(g);
      if (pairs.every(([p, v]) => norm(theirs[p]) === v)) return { kind: 'applied', result: { group: g } };
      const before = cmd.before;
      if (before && pairs.every(([p]) => norm(theirs[p]) === norm(before[p]))) return { kind: 'notApplied' };
      return undecided('the billing group differs both from before and from the change');
    }
    case 'billingGroup.remove': {
      const g = findGroup(groups, cmd.group);
      if (!g || g.billingGroupStatus === 'INACTIVE') return { kind: 'applied', result: { removed: true } };
      return { kind: 'notApplied' };
    }
    case 'card.complete': {
      if (cmd.createNewBillingGroup) return undecided('a new billing group for the card cannot be told apart by reading');
      const g = findGroup(groups, { ariaBillingGroupNo: cmd.billingGroupNo ?? null, ariaBillingGroupID: cmd.billingGroupId ?? null });
      const method = methods.find((m) => m.ariaPaymentMethodNo === cmd.paymentMethodNo);
      if (g && method?.ariaPaymentMethodID && g.paymentMethodInfo?.primaryPaymentMethodID === method.ariaPaymentMethodID)
        return { kind: 'applied', result: { paymentMethodId: method.ariaPaymentMethodID, billingGroupId: g.ariaBillingGroupID } };
      return undecided('the billing group does not show the new card, and there is no way to tell whether the update is still under way');
    }
    default:
      return undecided('not a billing-group change');
  }
}

interface DeliveryInfo {
  deliveryAddresses: ({ distAddressNo: number; isPermanent: boolean; permanentFrom?: string | null } & Record<string, unknown>)[];
  planInstances: { ariaMPINo: number; distAddressNo?: number | null }[];
}

function settleAddress(cmd: Extract<Command, { type: 'address.changePerm' }>, d: DeliveryInfo): Verdict {
  const ch = cmd.change;
  const effective = norm(ch.dateEffective) ? parseAmpsDateTime(norm(ch.dateEffective)) : null;
  // Which address the change made permanent: the one named, or a new one with its fields.
  let target: number | undefined;
  if (ch.distAddressNo) {
    target = ch.distAddressNo;
  } else {
    if (!cmd.before) return undecided('the addresses shown before the change are not known');
    const known = new Set(cmd.before.addressNos);
    const fresh = d.deliveryAddresses.filter((a) => !known.has(a.distAddressNo));
    const n = ch.acctDeliveryAddress ?? {};
    const same = (a: Record<string, unknown>) =>
      (['distAddrPostalCode', 'distAddrCity', 'distStreetName', 'distStreetNo', 'distAddrLine1'] as const).every((k) => norm(a[k]) === norm((n as Record<string, unknown>)[k]));
    const matches = fresh.filter(same);
    if (!fresh.length) return { kind: 'notApplied' };
    if (matches.length !== 1) return undecided(`${matches.length} new addresses match the one entered`);
    // A new address exists only because this change made it.
    return { kind: 'applied', result: { distAddressNo: matches[0]!.distAddressNo } };
  }
  const applied: Verdict = { kind: 'applied', result: { distAddressNo: target } };
  if (ch.ariaMPINo) {
    const pi = d.planInstances.find((p) => p.ariaMPINo === ch.ariaMPINo);
    if (effective !== null && effective > Date.now()) return undecided('a future change for one subscription cannot be seen until it takes effect');
    return pi?.distAddressNo === target ? applied : undecided('the subscription is not delivered to the address; it may have been changed since');
  }
  const addr = d.deliveryAddresses.find((a) => a.distAddressNo === target);
  if (!addr) return undecided(`the account has no address ${target}`);
  // With an effective date, the address records it as the date it became permanent.
  if (effective !== null) return addr.permanentFrom && parseAmpsDateTime(addr.permanentFrom) === effective ? applied : { kind: 'notApplied' };
  if (addr.isPermanent) return cmd.before?.permanentAddressNo === target ? undecided('the address was already the permanent one') : applied;
  const current = d.deliveryAddresses.find((a) => a.isPermanent)?.distAddressNo ?? null;
  return cmd.before && current === cmd.before.permanentAddressNo ? { kind: 'notApplied' } : undecided('the permanent address changed to another address');
}

// ── account changes (AcctManageAccount; D59) ─────────────────────────────────────────────
// As the sandbox and Aria number them: 1 active, 0 inactive, -99 archived (banned).
const STATUS_CODE = { ACTIVATE: 1, DEACTIVATE: 0, BANNED: -99 } as const;
/** An action read back as there (yes), still as before (no), or neither (?). */
type Seen = 'yes' | 'no' | '?';

/**
 * Each action is decided by reading the account: a field the action sets that now holds the
 * new value is there; one that still holds what the confirmation showed ("before") is not;
 * anything else (changed by someone else meanwhile, or no "before" to compare with) cannot be
 * told. A value that was already the wanted one before the change reads as there: the
 * account is as the operator wanted either way.
 */
export function settleAccount(cmd: Extract<Command, { type: 'account.manage' }>, acct: Record<string, unknown>): Verdict {
  const was = (k: string) => (cmd.before && k in cmd.before ? norm(cmd.before[k]) : undefined);
  const compare = (pairs: [string, string, string][]): Seen => {
    // [path, value now, value wanted]
    if (!pairs.length) return '?';
    if (pairs.every(([, now, want]) => now === want)) return 'yes';
    // Not there: at least one field the change would have changed still shows its "before",
    // and every other one is as before too (a field sent unchanged, such as fullName, has no
    // "before" and must simply still be what was sent).
    const telling = pairs.filter(([p, , want]) => was(p) !== undefined && was(p) !== want);
    const asBefore = pairs.every(([p, now, want]) => (was(p) !== undefined ? was(p) === now : now === want));
    return telling.length && asBefore ? 'no' : '?';
  };
  const status = norm(acct.ariaStatusCode);
  const seen = cmd.actions.map((a): Seen => {
    switch (a.actionDirective) {
      case 'STATUS':
        return compare([['ariaStatusCode', status, String(STATUS_CODE[a.acctManageAccountDetailsSTATUS.newStatusCode])]]);
      case 'CANCEL': {
        // A cancelled account is inactive. From inactive, the status cannot tell (only its
        // subscriptions changed), so a person decides.
        if (was('ariaStatusCode') === '0') return '?';
        return compare([['ariaStatusCode', status, '0']]);
      }
      case 'ASSIGN': {
        const d = a.acctManageAccountDetailsASSIGN;
        const pairs: [string, string, string][] = [];
        if (norm(d.newUserID)) pairs.push(['userID', norm(acct.userID), norm(d.newUserID)]);
        if (norm(d.newAriaAccountID)) pairs.push(['ariaAccountID', norm(acct.ariaAccountID), norm(d.newAriaAccountID)]);
        return compare(pairs);
      }
      case 'MODIFY': {
        const d = a.acctManageAccountDetailsMODIFY;
        const theirs = flattenFields({ ...acct, ownerContactDetails: acct.acctContactDetails });
        // flattenFields reads "" as null: a cleared field is compared as empty on both sides.
        const pairs = Object.entries(flattenFields(d))
          .filter(([p]) => p !== 'ariaAccountNo' && p !== 'ariaAccountID' && p !== 'ownerTitleDomain' && p in theirs)
          .map(([p, v]): [string, string, string] => [p, norm(theirs[p]), norm(v)]);
        return compare(pairs);
      }
    }
  });
  const results = cmd.actions.map((a, i) =>
    seen[i] === 'yes'
      ? { actionDirective: a.actionDirective, resultCode: 0, resultText: 'settled by reading the account' }
      : { actionDirective: a.actionDirective, resultCode: RESULT.NOT_APPLIED, resultText: 'not seen on the account when it was read back' },
  );
  if (seen.every((v) => v === 'yes')) return { kind: 'applied', result: { results } };
  if (seen.every((v) => v === 'no')) return { kind: 'notApplied' };
  // Some landed and the rest read as before: the request was made once and partly taken.
  // Sending it again would repeat what landed, so it stands as it is, action by action.
  if (!seen.includes('?')) return { kind: 'applied', result: { results } };
  return undecided('some of the account changes can be seen and some cannot');
}
