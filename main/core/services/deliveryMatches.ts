// Which part of a delivery address a word of a name search matched (D103). The results grid
// knows only that a word fits nothing its row shows, so it matched a delivery address (D102);
// here each such account's delivery addresses are read (AcctRetrieveDeliveryInfo, D8) and the
// word is placed by the sandbox's own rule (shared/domain/wordFit.ts): an address's name, its
// city, or both. Only the verdict goes back, never an address (D99).
import type { DeliveryAddressOut } from '../../../shared/amps';
import { Fit, fit, fold } from '../../../shared/domain/wordFit';
import type { DeliveryMatchAnswer, DeliveryPlace } from '../../../shared/ipc/searchRow';
import type { Handlers } from '../router';
import type { ServiceContext } from './context';

/** Accounts read at once: a page of rows answers in a few round trips without a burst. */
const CONCURRENCY = 6;

type Address = Pick<DeliveryAddressOut, 'distAddrName' | 'distAddrCity'>;

/** Where a word as typed fits the addresses; null when none explains it. */
export function deliveryPlaceOf(typed: string, addresses: readonly Address[]): DeliveryPlace | null {
  const w = fold(typed);
  const name = addresses.some((a) => fit(a.distAddrName ?? '', w) !== Fit.None);
  const city = addresses.some((a) => fit(a.distAddrCity, w) !== Fit.None);
  return name && city ? 'nameAndCity' : name ? 'name' : city ? 'city' : null;
}

export function deliveryMatchHandlers(ctx: ServiceContext): Pick<Handlers, 'accounts.deliveryMatches'> {
  return {
    async 'accounts.deliveryMatches'(input) {
      const client = await ctx.client();
      const found: (DeliveryMatchAnswer['rows'][number] | null)[] = input.rows.map(() => null);
      let next = 0;
      // The first failure stops the asking: a host without the extension, or one that cannot
      // be reached, fails every account alike. The rows keep "on a delivery address".
      let failed = false;
      const worker = async () => {
        while (!failed && next < input.rows.length) {
          const i = next++;
          const row = input.rows[i]!;
          try {
            const res = await client.call(
              'AcctRetrieveDeliveryInfo',
              { acctRetrieveDeliveryInfoCriteria: { ariaAccountNo: row.accountNo } },
              { account: { ariaAccountNo: row.accountNo } },
            );
            const addresses = res.acctRetrieveDeliveryInfoDetails?.deliveryAddresses ?? [];
            const words = row.words.flatMap((word) => {
              const on = deliveryPlaceOf(word, addresses);
              return on ? [{ word, on }] : [];
            });
            if (words.length) found[i] = { accountNo: row.accountNo, words };
          } catch {
            failed = true;
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(CONCURRENCY, input.rows.length) }, worker));
      return { rows: found.filter((r) => r !== null) };
    },
  };
}
