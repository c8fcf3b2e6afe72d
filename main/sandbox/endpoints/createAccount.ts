// AcctCreateAccount (004 "Create Account"): the account, its owner contact, a default
// billing group with its dunning group, and the special plan instance.
import type { z } from 'zod';
import type { acctCreateAccountRequest } from '../../../shared/amps/account';
import { LOCALES } from '../../../shared/amps/codes';
import { isLanguageCode } from '../../../shared/domain/input/languages';
import { conflict, invalid, ok } from '../http/result';
import { accountById } from '../store/accounts';
import { emptyContact, insertContact, mergeContact, reindexAccount } from '../store/contacts';
import { insertGroup } from '../store/groups';
import { newId, nextNo } from '../store/ids';
import { optionForTerms, resolveTitle } from '../store/reference';
import { q } from '../store/statements';
import { DEFAULT_DUNNING_PROCESS } from '../seed/reference';
import { choosePayOption } from './payOptions';
import type { HandlerContext } from './context';

type Request = z.infer<typeof acctCreateAccountRequest>;
const P = 'acctCreateAccountRequestDetails';
const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

export function createAccount(ctx: HandlerContext, req: Request) {
  const { db } = ctx;
  const d = req.acctCreateAccountRequestDetails;
  const accountId = (d.ariaAccountID ?? '').trim() || null;
  if (accountId && accountById(db, accountId)) throw conflict(`${P}.ariaAccountID`, `"${accountId}" is already used by another account`);
  if (!CURRENCIES.has(d.currencyCode)) throw invalid(`${P}.currencyCode`, `"${d.currencyCode}" is not an ISO 4217 currency code`);
  const locale = (d.localeCode ?? '').trim() || LOCALES[0];
  if (locale !== 'OTHER' && !(LOCALES as readonly string[]).includes(locale))
    throw invalid(`${P}.localeCode`, `must be one of ${LOCALES.join(', ')} or OTHER`);
  const language = (d.languageCode ?? '').trim().toUpperCase() || 'NO';
  if (locale !== 'OTHER' && language !== 'NO') throw invalid(`${P}.languageCode`, `must be NO when localeCode is ${locale}`);
  // OTHER: "the ISO defined code representing the chosen language" (ISO 639-1, e.g. EN).
  if (locale === 'OTHER' && !isLanguageCode(language))
    throw invalid(`${P}.languageCode`, `"${d.languageCode ?? ''}" is not an ISO 639-1 language code such as EN`);
  const title = resolveTitle(db, d.ownerTitleCode, d.ownerTitleDomain, { code: `${P}.ownerTitleCode`, domain: `${P}.ownerTitleDomain` });
  const source = d.requestSource ?? 'WEB';
  // payOptionInfo takes over from the deprecated paymentTerms / paymentEAN* fields (004).
  const info = d.acctCreateAccountPayOptionInfo;
  const chosen = info?.payOptionID?.trim()
    ? choosePayOption(db, info, 'new account', source, `${P}.acctCreateAccountPayOptionInfo`)
    : choosePayOption(
        db,
        { payOptionID: optionForTerms(db, d.paymentTerms ?? 'BANKGIRO')!.pay_option_id, paymentEANNum: d.paymentEANNum, paymentEANRequisitionNum: d.paymentEANRequisitionNum },
        'new account',
        source,
        P,
      );
  const billDay = Number(d.altBillDay ?? d.acctBillDay ?? new Date(ctx.now()).getUTCDate());
  if (!(billDay >= 1 && billDay <= 31)) throw invalid(`${P}.${d.altBillDay != null ? 'altBillDay' : 'acctBillDay'}`, 'must be a day of the month, 1 to 31');

  const accountNo = nextNo(db, 'account');
  const userId = (d.userID ?? '').trim() || `user-${accountNo}`;
  if (q(db, 'SELECT 1 FROM accounts WHERE user_id = ?').get(userId)) throw conflict(`${P}.userID`, `"${userId}" is already used by another account`);
  const contactNo = insertContact(db, mergeContact(emptyContact(accountNo), d.accountContact));
  const mpiNo = nextNo(db, 'planInstance');
  const mpiId = newId('MPI');
  const now = ctx.now();
  q(db, `INSERT INTO accounts (account_no, account_id, user_id, status, currency, balance_ore, locale, language, notify_method,
      owner_title_code, customer_type, contact_no, spec_mpi_no, channel_code, reservation_code, reservation_code_date, source_code,
      consent_code, consent_code_date, taxpayer_id, tax_exemption, start_date, bill_day, request_source)
    VALUES (?, ?, ?, 1, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    accountNo, accountId, userId, d.currencyCode, locale, language, d.notifyMethod ?? 'PDF', title?.title_code ?? null,
    d.customerType ?? 'CONSUMER', contactNo, mpiNo, d.channelCode ?? null, d.reservationCode ?? null, d.reservationCodeDate ?? null,
    d.sourceCode ?? null, d.consentCode ?? null, d.consentCodeDate ?? null, d.taxpayerID ?? null, d.taxpayerExemptionLevel ?? 'NONE',
    new Date(now).toISOString().slice(0, 10), billDay, source,
  );
  const group = {
    bg_no: nextNo(db, 'billingGroup'), bg_id: newId('BG'), account_no: accountNo, title_code: null, name: 'Default', description: 'Default',
    status: 'ACTIVE', removed: 0, notify_method: d.notifyMethod ?? 'PDF', payment_option: chosen.option.payment_option,
    payment_terms: chosen.option.payment_terms, payment_term_id: chosen.option.pay_option_id, ean_num: chosen.ean, ean_req_num: chosen.eanReq,
    pay_option_id: chosen.option.pay_option_id, pay_option_variant: chosen.variant, primary_pm_no: null, backup_pm_no: null,
    request_source: source, stmt_contact_no: contactNo, dg_no: nextNo(db, 'dunningGroup'), dg_id: newId('DG'), dg_name: 'Default',
    dg_description: 'Default', dg_process_id: DEFAULT_DUNNING_PROCESS,
  };
  insertGroup(db, group);
  // The special plan instance (004): technical, used to register cards before any subscription.
  q(db, `INSERT INTO plan_instances (mpi_no, mpi_id, account_no, parent_mpi_no, plan_name, title_code, status, is_special, bg_no, created_at)
    VALUES (?, ?, ?, NULL, 'SPECIAL', NULL, 'ACTIVE', 1, ?, ?)`).run(mpiNo, mpiId, accountNo, group.bg_no, now);
  reindexAccount(db, accountNo);
  return {
    resultInfo: ok(),
    acctCreateAccountResponseDetails: {
      ariaAccountID: accountId ?? '',
      ariaAccountNo: accountNo,
      userID: userId,
      ariaAcctContactNo: contactNo,
      ariaSpecPlanMPIID: mpiId,
      ariaSpecPlanMPINo: mpiNo,
      acctCreateAccountBillingGroupDetails: [
        {
          ariaBillingGroupID: group.bg_id,
          ariaBillingGroupNo: group.bg_no,
          ariaStmtContactNo: contactNo,
          billingGroupName: group.name,
          billingGroupDesc: group.description,
          notifyMethod: group.notify_method,
          paymentTerms: group.payment_terms,
          paymentEANNum: group.ean_num ?? '',
          paymentEANRequisitionNum: group.ean_req_num ?? '',
          primaryPaymentMethodID: '',
          backupPaymentMethodID: '',
          ariaDunningGroupID: group.dg_id,
          ariaDunningGroupNo: group.dg_no,
          dunningGroupName: group.dg_name,
          dunningGroupDesc: group.dg_description,
          dunningProcessID: group.dg_process_id,
        },
      ],
    },
  };
}
