// A fake window.csr for component tests: every channel answers from a handler the test
// can replace, and every call is recorded. Plus a render helper with the app's theme.
import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { vi } from 'vitest';
import type { BillingGroupInfo, RetrievedComment } from '../../../shared/amps';
import { CHANNELS, buildCsrApi, fail, ok, type Channel, type ChannelOutput, type Envelope, type SearchResultRow } from '../../../shared/ipc';
import { setCsrForTests } from '../../../renderer/api/csr';
import { changeLocale } from '../../../renderer/i18n';
import { useBillingGroups } from '../../../renderer/state/billingGroupsStore';
import { useComments } from '../../../renderer/state/commentsStore';
import { useDrafts } from '../../../renderer/state/draftsStore';
import { useUnsaved } from '../../../renderer/state/unsavedStore';
import { usePermAddress } from '../../../renderer/state/permAddressStore';
import { useSearch } from '../../../renderer/state/searchStore';
import { useSession } from '../../../renderer/state/sessionStore';
import { useSettings } from '../../../renderer/state/settingsStore';
import { useShell } from '../../../renderer/state/shellStore';
import { useWorkspace } from '../../../renderer/state/workspaceStore';
import { useOutbox } from '../../../renderer/state/outboxStore';
import { theme } from '../../../renderer/theme';

type Handler = (input: never) => Promise<Envelope<unknown>> | Envelope<unknown>;
export type Handlers = Partial<Record<Channel, Handler>>;

export function row(no: number, name: string, extra: Partial<SearchResultRow> = {}): SearchResultRow {
  return {
    ariaAccountNo: no,
    ariaAccountID: `ACCT-${no}`,
    acctBalance: 0,
    acctCurrencyCode: 'NOK',
    acctStatusCode: 1,
    contactDetails: { fullName: name, postalCity: 'Oslo', cellPhone: '+4791234567', emailAddress: `${name.split(' ')[0]!.toLowerCase()}@example.no` },
    ...extra,
  };
}

export function account(no: number, name: string, balance = 199): ChannelOutput<'accounts.get'> {
  return {
    ariaAccountNo: no,
    ariaAccountID: `ACCT-${no}`,
    acctRetrieveAccountDetails: {
      ariaStatusCode: 1,
      ariaStatusCodeText: 'ACTIVE',
      acctBalance: balance,
      acctCurrencyCode: 'NOK',
      acctLocaleName: 'NO-BOKMAL',
      acctStartDate: '2019-09-19',
      ownerTitleCode: 'AP',
      ownerTitleDomain: 'www.aftenposten.no',
      masterPlanCount: 2,
      channelCode: 'WEB',
      reservationCode: 'RC1',
      reservationCodeDate: '2019-10-12',
      sourceCode: 'SC1',
      consentCode: 'ALL',
      consentCodeDate: '2019-09-09',
      acctContactDetails: { fullName: name, addressLine1: 'Storgata 1', postalCode: '0155', postalCity: 'Oslo', countryCode: 'NO', emailAddress: 'kari@example.no' },
    },
    acctRetrieveAccountBillingGroupList: [
      { ariaBillingGroupID: 'BG-1', ariaBillingGroupNo: 501, billingGroupName: 'Giro', dunningGroupName: 'Standard', dunningProcessID: 'DEFAULT' },
    ],
    acctRetrieveAccountTitleInfo: null,
  };
}

export function group(no: number, extra: Partial<BillingGroupInfo> = {}): BillingGroupInfo {
  return {
    ariaBillingGroupID: `BG-${no}`,
    ariaBillingGroupNo: no,
    billingGroupName: 'Giro',
    billingGroupDesc: 'Bank giro',
    billingGroupStatus: 'ACTIVE',
    notifyMethod: 'PDF',
    paymentOption: 'TERMS',
    paymentTermInfo: { paymentTerms: 'BANKGIRO' },
    statementContactNo: 9001,
    statementContactDetails: { fullName: 'Kari Nordmann', addressLine1: 'Storgata 1', postalCode: '0155', postalCity: 'Oslo' },
    ariaDunningGroupID: `DG-${no}`,
    ariaDunningGroupNo: no + 1000,
    dunningGroupName: 'Standard',
    dunningProcessID: 'DEFAULT',
    ...extra,
  };
}

export function comment(no: number, text: string, at = '2026-11-20T10:00:00', author = 'agent7'): RetrievedComment {
  return { acctCommentNo: no, acctCommentAuthor: author, acctCommentDateTime: at, acctCommentText: text, acctApplicationID: 'CSR-DESK' };
}

const defaults: Handlers = {
  'app.info': () => ok({ problems: [], version: '0.1.0', transport: 'web', kiosk: false, operator: 'agent7', profile: null }),
  'accounts.search': () => ok({ rows: [], more: false, limit: 50 }),
  'accounts.deliveryMatches': () => ok({ rows: [] }),
  'accounts.get': (input: { accountNo: number }) => ok(account(input.accountNo, 'Kari Nordmann')),
  'billingGroups.list': (input: { accountNo: number }) =>
    ok({ ariaAccountNo: input.accountNo, acctRetrieveBillingGroupList: [group(501)], acctRetrieveBillingGroupPayMethodList: [] }),
  'comments.list': () => ok({ comments: [] }),
  'address.deliveryInfo': (input: { accountNo: number }) => ok({ ariaAccountNo: input.accountNo, deliveryAddresses: [], planInstances: [], addressTypes: [] }),
  'profiles.list': () => ok({ active: null, profiles: [] }),
  // Drafts as main keeps them (per account), so a test can close and reopen a composer.
  'drafts.get': (input: { accountNo: number }) => ok({ draft: fakeDrafts.get(input.accountNo) ?? null }),
  'drafts.put': (input: { accountNo: number; text: string }) => {
    if (!input.text.trim()) {
      fakeDrafts.delete(input.accountNo);
      return ok({ draft: null });
    }
    const draft = { text: input.text, updatedAt: '2026-11-30T09:15:00.000Z' };
    fakeDrafts.set(input.accountNo, draft);
    return ok({ draft });
  },
  'drafts.delete': (input: { accountNo: number }) => ok({ deleted: fakeDrafts.delete(input.accountNo) }),
  'prefs.get': () => ok({}),
  'prefs.put': (input: object) => ok(input),
  'outbox.status': () => ok({ mode: 'online', pending: 0, parked: 0, unknown: 0, profile: 'Sandbox', otherProfiles: 0 }),
  'outbox.list': () => ok({ items: [] }),
  // Signed in (as an admin, so Settings is offered); session.test.tsx covers the other states.
  'session.status': () => ok(signedInStatus()),
  'session.ping': () => ok(signedInStatus()),
};
/** The fake main's stored drafts (cleared by installFakeCsr). */
export const fakeDrafts = new Map<number, { text: string; updatedAt: string }>();

export function signedInStatus(role: 'agent' | 'supervisor' | 'admin' = 'admin', over: Record<string, unknown> = {}) {
  return { state: 'signedIn' as const, operator: { id: 'agent7', displayName: 'Agent Seven', role }, mustChangePassword: false, idleLockSeconds: 900, demoOperators: false, ...over };
}

export interface FakeCsr {
  calls: Array<{ channel: Channel; input: unknown }>;
  handle(channel: Channel, handler: Handler): void;
  inputs(channel: Channel): unknown[];
}

/** Installs a fake API and resets every store to its empty state. */
export function installFakeCsr(handlers: Handlers = {}): FakeCsr {
  const table: Handlers = { ...defaults, ...handlers };
  const calls: FakeCsr['calls'] = [];
  const invoke = vi.fn(async (channel: Channel, input: unknown) => {
    calls.push({ channel, input });
    const h = table[channel];
    if (!h) return fail('INTERNAL', `no fake for ${channel}`);
    return h(input as never);
  });
  setCsrForTests(buildCsrApi(invoke, CHANNELS));
  fakeDrafts.clear();
  resetStores();
  // The desk starts signed in, as main would report it (the first paint does not wait for it).
  useSession.setState({ status: signedInStatus() });
  return {
    calls,
    handle: (channel, handler) => {
      table[channel] = handler;
    },
    inputs: (channel) => calls.filter((c) => c.channel === channel).map((c) => c.input),
  };
}

export function resetStores() {
  useSearch.getState().reset();
  useWorkspace.setState({ tabs: [], active: 'search', accounts: {}, recent: [], persistRecent: false });
  useBillingGroups.setState({ byAccount: {} });
  useComments.setState({ byAccount: {} });
  usePermAddress.setState({ byAccount: {} });
  useDrafts.setState({ byAccount: {} });
  useUnsaved.setState({ marks: {}, question: null });
  useSettings.setState({ status: 'idle', active: null, profiles: [], error: null, tests: {} });
  useSession.setState({ status: null, error: null, operators: [], operatorsError: null, operatorsStatus: 'idle' });
  useShell.setState({ info: null, infoError: null, screen: 'workspace', shortcutsOpen: false, notices: [], secretProblem: null, settingsFocus: null });
  useOutbox.setState({ status: null, items: [], error: null, listOpen: false });
  changeLocale('en');
}

export function renderUi(ui: ReactElement) {
  return render(
    <ThemeProvider theme={theme}>
      <CssBaseline />
      {ui}
    </ThemeProvider>,
  );
}

/** A promise the test settles when it wants (to order responses). */
export function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
