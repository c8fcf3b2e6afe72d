// What main (and the renderer's own transport) says when it refuses or fails, as a key and
// its values: the renderer says it in the UI's language (renderer/i18n: `say.<key>`), and the
// English below is the error's `message` for logs, tests and the CLI (D105). A key's English
// lives here once; nb.json holds the same keys in Bokmål (a unit test keeps them level).
// Values are data (an account number, a name, a count) or one of the words the renderer
// translates itself (`role`). Never the billing system's or a library's text: that is not
// ours to word, and stays in `message` only.

import { z } from 'zod';

export const SAY_EN = {
  // The router and the access check (main/core/router.ts, session/access.ts)
  unknownChannel: 'The app could not do that (it asked for something this version does not have).',
  callerRefused: 'This caller may not use the app’s API.',
  tooDeep: 'The request nests lists and groups deeper than {{max}} levels.',
  tooLarge: 'The request is too large ({{size}} characters; at most {{max}}).',
  checkFields: 'Some details are not accepted.',
  internal: 'Something went wrong inside the app.',
  kioskRefused: 'This is not available on a kiosk desk.',
  notSignedIn: 'Nobody is signed in at this desk.',
  deskLocked: 'The desk is locked.',
  changePasswordFirst: 'Choose a new password first.',
  roleRefused: 'Your role ({{role}}) may not do this.',
  signInToChange: 'Sign in before making changes.',
  // The web host's own refusals (main/web-host)
  unknownHost: 'This address is not the app’s.',
  otherOrigin: 'Requests from other pages are refused.',
  tokenRefused: 'The app’s session link is missing or wrong. Open the app with the link it printed at start.',
  bodyNotJson: 'The request could not be read.',
  // The billing system, as the signed client met it (main/core/amps)
  billingUnreachable: 'The billing system could not be reached. Nothing was sent.',
  billingReadTimeout: 'The billing system did not answer in time.',
  billingWriteTimeout: 'The billing system did not answer in time: the change may or may not have been made.',
  billingWriteDropped: 'The connection broke while the change was being sent: it may or may not have been made.',
  billingWriteUnreadable: 'The billing system’s answer to the change could not be read: it may or may not have been made.',
  billingUnreadable: 'The billing system gave an answer the app cannot read.',
  requestNotValid: 'The app would have sent a request the billing system does not accept; nothing was sent.',
  callCancelled: 'The request was cancelled.',
  billingRefused: 'The billing system refused the request.',
  // Accounts, groups, addresses, plans, cards (main/core/services)
  accountNotFound: 'Account {{account}} was not found.',
  searchNeedsCriterion: 'Enter at least one search criterion.',
  noSuchSubscription: 'Account {{account}} has no subscription {{subscription}}.',
  cardFormAddressInvalid: 'The billing system gave a card form address that is not valid; nothing was changed.',
  cardFormAddressInsecure: 'The billing system gave a card form address that is not secure (https); nothing was changed.',
  cardSessionUnknown: 'This card session is not open at this desk; start the card update again.',
  cardSessionMissing: 'The billing system did not return a card session; nothing was changed.',
  cardFormUnknown: 'The billing system did not say where its card form is; the card cannot be updated from this desk.',
  cardProviderSilent: 'The card provider did not answer; the desk asks again.',
  cardProviderAnswered: 'The card provider answered with an error ({{status}}); the desk asks again.',
  cardProviderUnreadable: 'The card provider gave an answer the desk cannot read; it asks again.',
  cardAcceptedWithoutMethod: 'The card provider said the card was accepted but not which payment method it is; the desk asks again.',
  chooseCardGroup: 'Choose the billing group for the new card.',
  // Connections and secrets (main/core/services/connection.ts, settings, secrets)
  noActiveProfile: 'No connection profile is active.',
  sandboxMissing: 'The embedded sandbox is not available in this build.',
  sandboxNotLocal: 'The embedded sandbox did not start on this computer.',
  noCoreApi: 'This desk has no connection to the billing system’s core API.',
  profileInsecure: 'The connection profile “{{profile}}” uses http:// to another computer: its keys and signatures would cross the network unencrypted. Use https://.',
  noSuchProfile: 'There is no connection profile named “{{profile}}”.',
  profileNeedsAddress: 'A connection profile needs its base URL and client number.',
  profileNeedsSecrets: 'A new profile needs its auth key and signing secret.',
  sandboxProfileKept: 'The embedded sandbox profile cannot be deleted.',
  profileLacksAuthKey: 'The profile “{{profile}}” has no auth key.',
  profileLacksSecret: 'The profile “{{profile}}” has no signing secret.',
  testNeedsFields: 'Fill in the marked fields to test the connection.',
  testConnected: 'Connected to {{url}}; the signed request was accepted.',
  testKeysRefused: 'Connection failed: the billing system did not accept the auth key or the signature (check the auth key, the signing secret and the client number).',
  testClock: 'Connection failed: the billing system says the request’s time is off. Check this computer’s clock and time zone.',
  testRefused: 'Connection failed: the billing system refused the request.',
  testUnreachable: 'Connection failed: the address could not be reached.',
  testTimeout: 'Connection failed: the billing system did not answer in time.',
  testUnreadable: 'Connection failed: the answer could not be read (is this the billing system’s address?).',
  testFailed: 'Connection failed for an unexpected reason.',
  secretUnreadable: 'A stored secret of the profile “{{profile}}” can no longer be read on this computer.',
  secretUnreadableGeneral: 'A stored secret can no longer be read on this computer.',
  secretStoreUnavailable: 'This computer’s secret store cannot be used, so the desk cannot keep its keys.',
  // Operators and the desk's session (main/core/session, operators, team)
  samePassword: 'The new password must differ from the current one.',
  noSuchOperator: 'There is no operator “{{id}}”.',
  lastAdmin: 'The last admin cannot be disabled: add another admin first.',
  deskHasOperators: 'This desk already has operators; an admin adds new ones.',
  operatorIdTaken: 'The operator id “{{id}}” is taken.',
  directoryWithoutLogin: 'This desk signs in with the team’s operator directory but has no directory login: add, disable and reset operators on a desk that has one (Settings → Team store).',
  directoryUnreachable: 'The team directory cannot be reached, so nothing was changed.',
  directoryDropped: 'The connection to the team directory ended before it answered: the change may or may not have been made. Refresh the list to see what it holds.',
  directoryLoginRefused: 'The team store refused this desk’s directory login (user name or password): nothing was changed.',
  directoryNotAllowed: 'The team store does not let this desk’s directory login change operators: nothing was changed.',
  directoryFailed: 'The team directory could not be changed.',
  teamStoreManaged: 'This desk’s team store is set by its installation and cannot be changed here.',
  teamStoreSettings: 'The team store settings are not accepted.',
  teamPasswordNeeded: 'Enter the password of this desk’s database user.',
  teamReaderPasswordNeeded: 'Enter the reader login’s password.',
  teamDirectoryPasswordNeeded: 'Enter the directory login’s password.',
  teamDirectoryUnreadable: 'The team directory cannot be read now, so this desk cannot switch to it: test the connection first.',
  teamDirectoryNoAdmin: 'The team directory has no admin who could sign in here: add one first (from a desk with a directory login).',
  teamUrlNeeded: 'Enter the team store URL to test.',
  // The audit and the supervisor's workspace (main/core/audit, supervision)
  exportTooMany: 'The filter matches {{count}} entries; export at most {{max}} at a time (narrow the dates).',
  exportTooManyAtLeast: 'The filter matches more than {{count}} entries; export at most {{max}} at a time (narrow the dates).',
  notADate: 'The date is not valid.',
  auditClosed: 'The audit log is closed.',
  auditEntryInvalid: 'The audit entry is not valid.',
  auditRefused: 'Nothing was saved or sent: the text would put something in the audit log that must not be there.',
  reviewNeedsNote: 'Say what needs following up.',
  reviewTargetMissing: 'That entry is not in the audit being read.',
  reviewTargetKind: 'Only comments and changes can be reviewed.',
  feedbackMissing: 'There is no such feedback on your work.',
  // The outbox (main/core/outbox)
  changeNotWaiting: 'That change is no longer waiting.',
  retryOnlyParked: 'Only a change that waits for a person can be retried.',
  editOnlyUnsent: 'Only a change that has not been sent can be edited.',
  editUndecided: 'This change may already have been made; retry or discard it.',
  editSameKind: 'An edited change must stay the same kind of change on the same account.',
  discardInProgress: 'A change that is being sent or checked cannot be discarded now.',
  notSaved: 'The change could not be saved on this computer. Nothing was sent.',
  notSavedDiskFull: 'The change could not be saved on this computer: its disk is full. Nothing was sent.',
  // Local files (main/core/app.ts)
  nothingDamaged: 'Nothing is wrong with that file.',
  recoveryMode: 'A file the app keeps on this computer cannot be read; the app is in recovery mode.',
  appNotStarted: 'The app could not start on this computer.',
  damagedFirst: 'A file the app keeps on this computer cannot be read. Choose what to do with it first.',
  // The renderer's own transport (renderer/api/csr.ts)
  backgroundSilent: 'The app’s background process is not answering. Check that it is still running.',
  backgroundStoppedDuringWrite: 'The app’s background process stopped answering while the change was being sent. It may have been saved: check the account and the outbox before trying again.',
} as const satisfies Record<string, string>;

export type SayKey = keyof typeof SAY_EN;
export type SayParams = Record<string, string | number>;

/** A message as a key and its values: the renderer words it; `message` is its English. */
export interface Say {
  key: SayKey;
  params?: SayParams;
}

/** A Say inside a channel's answer (not an error), checked like the rest of it. */
export const saySchema = z.object({
  key: z.enum(Object.keys(SAY_EN) as [SayKey, ...SayKey[]]),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

export function say(key: SayKey, params?: SayParams): Say {
  return params ? { key, params } : { key };
}

/** The English of a Say, for `message` (logs, tests, the CLI): {{name}} filled in. */
export function sayInEnglish(s: Say): string {
  return SAY_EN[s.key].replace(/\{\{(\w+)\}\}/g, (_m, name: string) => String(s.params?.[name] ?? ''));
}
