// AcctRetrieveBillingGroup (004 "Retrieve Billing Group"): every billing group of the
// account (optionally only those of some titles) and the account's payment methods.
import type { z } from 'zod';
import type { acctRetrieveBillingGroupRequest } from '../../../shared/amps/billingGroup';
import { ok } from '../http/result';
import { resolveAccount } from '../store/accounts';
import { groupOut, groupsOf, paymentMethodOut, paymentMethodsOf } from '../store/groups';
import { filterByTitle } from './retrieveAccount';
import type { HandlerContext } from './context';

type Request = z.infer<typeof acctRetrieveBillingGroupRequest>;

export function retrieveBillingGroup(ctx: HandlerContext, req: Request) {
  const { db } = ctx;
  const crit = req.acctRetrieveBillingGroupCriteria;
  const a = resolveAccount(db, crit, 'id-first', 'acctRetrieveBillingGroupCriteria');
  const methods = paymentMethodsOf(db, a.account_no);
  return {
    resultInfo: ok(),
    acctRetrieveBillingGroupResponseDetails: {
      ariaAccountID: a.account_id ?? '',
      ariaAccountNo: a.account_no,
      acctRetrieveBillingGroupList: filterByTitle(db, groupsOf(db, a.account_no), crit.titleFiltering).map((g) => groupOut(db, g, methods)),
      acctRetrieveBillingGroupPayMethodList: methods.map((m) => paymentMethodOut(db, m)),
    },
  };
}
