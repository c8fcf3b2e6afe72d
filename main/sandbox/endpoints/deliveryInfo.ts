// AcctRetrieveDeliveryInfo (sandbox extension, decision D8): the account's delivery
// addresses (which one is permanent, and since when), its plan instances with the address
// each is delivered to, and the valid address types.
import type { z } from 'zod';
import type { acctRetrieveDeliveryInfoRequest } from '../../../shared/amps/deliveryInfo';
import { formatAmpsDateTime } from '../../../shared/amps/fields';
import { ok } from '../http/result';
import { resolveAccount } from '../store/accounts';
import { deliveryAddresses } from '../store/contacts';
import { addressTypes } from '../store/reference';
import { q } from '../store/statements';
import type { PlanInstanceRow } from '../store/rows';
import type { HandlerContext } from './context';

interface Change {
  mpi_no: number | null;
  dist_address_no: number;
  effective_at: number;
}

export function retrieveDeliveryInfo(ctx: HandlerContext, req: z.infer<typeof acctRetrieveDeliveryInfoRequest>) {
  const { db } = ctx;
  const a = resolveAccount(db, req.acctRetrieveDeliveryInfoCriteria, 'id-first', 'acctRetrieveDeliveryInfoCriteria');
  const now = ctx.now();
  const changes = q(db, 'SELECT mpi_no, dist_address_no, effective_at FROM perm_address_history WHERE account_no = ? ORDER BY effective_at, id').all(
    a.account_no,
  ) as unknown as Change[];
  const inEffect = (applies: (c: Change) => boolean) => changes.filter((c) => c.effective_at <= now && applies(c)).at(-1)?.dist_address_no ?? null;
  const accountAddress = inEffect((c) => c.mpi_no === null);
  const plans = q(db, 'SELECT * FROM plan_instances WHERE account_no = ? ORDER BY mpi_no').all(a.account_no) as unknown as PlanInstanceRow[];
  return {
    resultInfo: ok(),
    acctRetrieveDeliveryInfoDetails: {
      ariaAccountNo: a.account_no,
      ariaAccountID: a.account_id ?? '',
      deliveryAddresses: deliveryAddresses(db, a.account_no).map((d) => {
        const last = changes.filter((c) => c.mpi_no === null && c.dist_address_no === d.dist_address_no).at(-1);
        return {
          distAddressNo: d.dist_address_no, distAddrType: d.addr_type, distAddrName: d.name, distAddrLine1: d.line1, distAddrLine2: d.line2,
          distAddrLine3: d.line3, distAddrLine4: d.line4, distCoAddr: d.co_addr, distAddrCity: d.city, distAddrPostalCode: d.postal_code,
          distAddrCountryCode: d.country_code, distStreetName: d.street_name, distStreetNo: d.street_no, distFlatNo: d.flat_no,
          distFlatFloor: d.flat_floor, distEntranceNo: d.entrance_no,
          isPermanent: accountAddress === d.dist_address_no,
          permanentFrom: last ? formatAmpsDateTime(last.effective_at) : null,
        };
      }),
      planInstances: plans.map((p) => {
        const master = p.parent_mpi_no ?? p.mpi_no;
        return {
          ariaMPINo: p.mpi_no, ariaMPIID: p.mpi_id, planName: p.plan_name, titleCode: p.title_code, status: p.status,
          isSpecial: p.is_special === 1, distAddressNo: p.is_special ? null : inEffect((c) => c.mpi_no === null || c.mpi_no === master),
        };
      }),
      addressTypes: addressTypes(db),
    },
  };
}
