// AcctRetrieveAccount (004 "Retrieve Account"): the account, its owner contact, the special
// plan instance, its billing groups (optionally filtered by title) and its owner title.
import type { z } from 'zod';
import type { acctRetrieveAccountRequest } from '../../../shared/amps/account';
import { kroner, resolveAccount, statusText } from '../store/accounts';
import { contactOut, getContact } from '../store/contacts';
import { groupsOf } from '../store/groups';
import { payOptionInfoOut, titleByCode, titleInfo } from '../store/reference';
import { q } from '../store/statements';
import { ok } from '../http/result';
import type { BillingGroupRow, TitleRow } from '../store/rows';
import type { DatabaseSync } from 'node:sqlite';
import type { HandlerContext } from './context';

type Request = z.infer<typeof acctRetrieveAccountRequest>;
type TitleFilter = { titleCode?: string | null; titleDomain?: string | null };

/** Groups of the titles named in titleFiltering (code or domain); no usable filter = all groups. */
export function filterByTitle(db: DatabaseSync, groups: BillingGroupRow[], filters: readonly TitleFilter[] | null | undefined): BillingGroupRow[] {
  const used = (filters ?? []).filter((f) => (f.titleCode ?? '').trim() || (f.titleDomain ?? '').trim());
  if (!used.length) return groups;
  const titles = new Map<string, TitleRow | undefined>();
  const title = (code: string) => {
    if (!titles.has(code)) titles.set(code, titleByCode(db, code));
    return titles.get(code);
  };
  return groups.filter((g) => {
    if (!g.title_code) return false;
    const t = title(g.title_code);
    return used.some(
      (f) =>
        ((f.titleCode ?? '').trim() && f.titleCode!.trim().toUpperCase() === g.title_code!.toUpperCase()) ||
        ((f.titleDomain ?? '').trim() && t && f.titleDomain!.trim().toLowerCase() === t.title_domain.toLowerCase()),
    );
  });
}

export function retrieveAccount(ctx: HandlerContext, req: Request) {
  const { db } = ctx;
  const crit = req.acctRetrieveAccountCriteria;
  const a = resolveAccount(db, crit, 'id-first', 'acctRetrieveAccountCriteria');
  const owner = getContact(db, a.contact_no)!;
  const spec = a.spec_mpi_no ? (q(db, 'SELECT mpi_id FROM plan_instances WHERE mpi_no = ?').get(a.spec_mpi_no) as { mpi_id: string } | undefined) : undefined;
  const masters = q(db, 'SELECT COUNT(*) AS n FROM plan_instances WHERE account_no = ? AND is_special = 0 AND parent_mpi_no IS NULL').get(a.account_no) as { n: number };
  const title = a.owner_title_code ? titleByCode(db, a.owner_title_code) : undefined;
  return {
    resultInfo: ok(),
    acctRetrieveAccountResponseDetails: {
      ariaAccountID: a.account_id ?? '',
      ariaAccountNo: a.account_no,
      acctRetrieveAccountDetails: {
        ariaStatusCode: a.status,
        ariaStatusCodeText: statusText(a.status),
        taxExemptionLevel: a.tax_exemption,
        acctStartDate: a.start_date,
        ownerTitleCode: a.owner_title_code ?? '',
        ownerTitleDomain: title?.title_domain ?? '',
        acctCurrencyCode: a.currency,
        acctBalance: kroner(a.balance_ore),
        purchaseOrderNo: a.purchase_order_no ?? '',
        masterPlanCount: masters.n,
        acctLocaleName: a.locale,
        userID: a.user_id ?? '',
        acctContactNo: a.contact_no,
        acctContactDetails: contactOut(owner),
        ariaSpecPlanMPIID: spec?.mpi_id ?? null,
        ariaSpecPlanMPINo: a.spec_mpi_no,
        channelCode: a.channel_code,
        reservationCode: a.reservation_code,
        sourceCode: a.source_code,
        reservationCodeDate: a.reservation_code_date,
        consentCodeDate: a.consent_code_date,
        consentCode: a.consent_code,
        taxpayerID: a.taxpayer_id,
        taxpayerExemptionLevel: a.tax_exemption,
      },
      acctRetrieveAccountBillingGroupList: filterByTitle(db, groupsOf(db, a.account_no), crit.titleFiltering).map((g) => ({
        ariaBillingGroupID: g.bg_id,
        ariaBillingGroupNo: g.bg_no,
        billingGroupName: g.name,
        billingGroupDesc: g.description,
        ariaDunningGroupID: g.dg_id,
        ariaDunningGroupNo: g.dg_no,
        dunningGroupName: g.dg_name,
        dunningGroupDesc: g.dg_description,
        dunningProcessID: g.dg_process_id,
        payOptionInfo: payOptionInfoOut(db, g.pay_option_id, g.pay_option_variant, g.ean_num, g.ean_req_num),
      })),
      acctRetrieveAccountTitleInfo: title ? titleInfo(db, title) : null,
    },
  };
}
