// AcctChangePermAddress (004 "Change Permanent Account Address"): an existing delivery
// address (distAddressNo, validated) or a new one (its type validated against the address
// types), for the whole account or one subscription, from an effective date.
import type { z } from 'zod';
import type { acctChangePermAddressRequest } from '../../../shared/amps/permAddress';
import { parseAmpsDateTime } from '../../../shared/amps/fields';
import { invalid, notFound, ok, ruleViolation } from '../http/result';
import { resolveAccount } from '../store/accounts';
import { reindexAccount } from '../store/contacts';
import { nextAccountNo } from '../store/ids';
import { q } from '../store/statements';
import type { PlanInstanceRow } from '../store/rows';
import type { HandlerContext } from './context';

const P = 'AcctChangePermAddressRequestDetails';
const text = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : String(v).trim());

export function changePermAddress(ctx: HandlerContext, req: z.infer<typeof acctChangePermAddressRequest>) {
  const { db } = ctx;
  const d = req.AcctChangePermAddressRequestDetails;
  const a = resolveAccount(db, d, 'id-first', P);
  if (a.status === -99) throw ruleViolation(`${P}.ariaAccountNo`, `account ${a.account_no} is archived`);

  // Optional scope: one subscription (ariaMPIID over ariaMPINo, as IDs take precedence elsewhere).
  let mpiNo: number | null = null;
  const mpiId = (d.ariaMPIID ?? '').trim();
  if (mpiId || d.ariaMPINo) {
    const pi = (mpiId
      ? q(db, 'SELECT * FROM plan_instances WHERE mpi_id = ?').get(mpiId)
      : q(db, 'SELECT * FROM plan_instances WHERE mpi_no = ?').get(d.ariaMPINo!)) as PlanInstanceRow | undefined;
    const field = mpiId ? `${P}.ariaMPIID` : `${P}.ariaMPINo`;
    if (!pi || pi.account_no !== a.account_no) throw notFound(field, `account ${a.account_no} has no plan instance ${mpiId || d.ariaMPINo}`);
    if (pi.is_special || pi.parent_mpi_no !== null) throw ruleViolation(field, `${pi.mpi_no} is not a master plan instance (subscription)`);
    mpiNo = pi.mpi_no;
  }

  let effective = ctx.now();
  if ((d.dateEffective ?? '').trim()) {
    effective = parseAmpsDateTime(d.dateEffective!.trim());
    if (Number.isNaN(effective)) throw invalid(`${P}.dateEffective`, `"${d.dateEffective}" is not a valid date-time`);
  }

  let distNo: number;
  if (d.distAddressNo) {
    const exists = q(db, 'SELECT 1 FROM delivery_addresses WHERE account_no = ? AND dist_address_no = ?').get(a.account_no, d.distAddressNo);
    if (!exists) throw notFound(`${P}.distAddressNo`, `account ${a.account_no} has no delivery address ${d.distAddressNo}`);
    distNo = d.distAddressNo;
  } else {
    const type = text(d.distAddressType).toUpperCase();
    if (!q(db, 'SELECT 1 FROM address_types WHERE code = ?').get(type)) {
      const known = (q(db, 'SELECT code FROM address_types ORDER BY code').all() as { code: string }[]).map((r) => r.code).join(', ');
      throw invalid(`${P}.distAddressType`, `"${d.distAddressType}" is not an address type (${known})`);
    }
    const n = d.acctDeliveryAddress!;
    if (text(n.distAddrType) && text(n.distAddrType).toUpperCase() !== type)
      throw invalid(`${P}.acctDeliveryAddress.distAddrType`, `"${n.distAddrType}" differs from distAddressType "${type}"`);
    distNo = nextAccountNo(db, 'delivery_addresses', a.account_no);
    q(db, `INSERT INTO delivery_addresses (account_no, dist_address_no, addr_type, name, line1, line2, line3, line4, co_addr, city,
        postal_code, country_code, locality, state_prov, street_name, street_no, flat_no, flat_spec, flat_floor, entrance_no,
        publ_addr_no, apartment_no, directions) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
      a.account_no, distNo, type, text(n.distAddrName), text(n.distAddrLine1), text(n.distAddrLine2), text(n.distAddrLine3),
      text(n.distAddrLine4), text(n.distCoAddr), text(n.distAddrCity), text(n.distAddrPostalCode), n.distAddrCountryCode,
      text(n.distAddrLocality), text(n.distAddrStateProv), text(n.distStreetName), text(n.distStreetNo), text(n.distFlatNo),
      text(n.distFlatSpec), text(n.distFlatFloor), text(n.distEntranceNo), text(n.distPublAddrNo), text(n.distApartmentNo),
      text(n.distDirections),
    );
    reindexAccount(db, a.account_no);
  }
  q(db, 'INSERT INTO perm_address_history (account_no, mpi_no, dist_address_no, effective_at, created_at) VALUES (?, ?, ?, ?, ?)').run(
    a.account_no, mpiNo, distNo, effective, ctx.now(),
  );
  return {
    resultInfo: ok(),
    AcctChangePermAddressResponseDetails: { ariaAccountID: a.account_id ?? '', ariaAccountNo: a.account_no, distAddressNo: distNo },
  };
}
