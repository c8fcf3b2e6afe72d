// The IPC contract: one entry per channel, with the input and output schemas and
// whether it reads or writes. Types and runtime checks come from this one place; the
// router validates every input against it, and window.csr is derived from it.
// `kind: 'write'` is what the outbox and audit log hook on; `roles` and `kiosk` are the
// access policy the router enforces (see ChannelPolicy).
import { z } from 'zod';
import {
  LIMITS,
  acctChangePermAddressRequestDetails,
  acctRetrieveAccountResponse,
  acctRetrieveBillingGroupResponse,
  acctRetrieveDeliveryInfoResponse,
  acctSearchAccountAddressCriteria,
  acctSearchAccountContactCriteria,
  acctSearchAccountCriteria,
  billingGroupAdd,
  billingGroupInfo,
  billingGroupModify,
  billingGroupRemove,
  isoDate,
  manageAccountAction,
  retrievedComment,
  titleFilter,
} from '../amps';
import { BASE_URL_NOT_SECURE, isSecureBaseUrl } from '../amps/baseUrl';
import { command, commentText, outboxItemView, outboxStatus, reasonAnswer, shownChange, uiLanguage, writeOutcome } from '../commands';
import { createAccountDetails, duplicateCheckInput, duplicateCheckResult } from '../commands/accountCreate';
// Team store settings (issue 9): schemas in their own file.
import { teamStoreForm, teamStoreStatus, teamStoreTestResult, teamStoreView } from './teamStore';
import { NO_CARD_NUMBER, noCardNumber } from '../domain/input/cardNumber';
import { DISPLAY_NAME_MAX, OPERATOR_ID_MAX, OPERATOR_ID_PATTERN, PASSWORD_MAX, PASSWORD_MIN } from '../domain/operators';
// Supervisor workspace (issue 9): its schemas live in ./supervision.ts
import * as sv from './supervision';
import { saySchema } from './say';
import { auditEntryView } from './auditEntry';
import { deliveryMatchAnswer, deliveryMatchInput, searchResultRow } from './searchRow';
// Plans (issue 10 item 5, D70–D72): the channels are in planChannels below.
import { planBefore, planChangeFields, planEffects } from '../commands/planReplace';
import { PLAN_KINDS } from '../amps/core';

type Kind = 'read' | 'write';

/** Who works at a desk. Enforced in main (router), never only by hiding a button. */
export const ROLES = ['agent', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];
/** Any signed-in operator. */
export const ANY_OPERATOR: readonly Role[] = ROLES;
export const SUPERVISORS: readonly Role[] = ['supervisor', 'admin'];
export const ADMINS: readonly Role[] = ['admin'];

export interface ChannelPolicy {
  /**
   * Roles that may call the channel. 'public' = callable with nobody signed in (app.info and
   * the session channels only); every other channel answers UNAUTHENTICATED then.
   */
  roles: readonly Role[] | 'public';
  /** Kiosk mode removes the channel entirely (profiles, settings). */
  kiosk: boolean;
}
interface ChannelDef<I extends z.ZodType, O extends z.ZodType> extends ChannelPolicy {
  kind: Kind;
  input: I;
  output: O;
}
const DEFAULT_POLICY: ChannelPolicy = { roles: ANY_OPERATOR, kiosk: true };
/** Callable with nobody signed in: app.info and the session channels. */
const PUBLIC: Partial<ChannelPolicy> = { roles: 'public' };
/** Connection profiles hold the credentials: admins only, and never on a kiosk. */
const ADMIN_SETTINGS: Partial<ChannelPolicy> = { roles: ADMINS, kiosk: false };
const read = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, policy: Partial<ChannelPolicy> = {}): ChannelDef<I, O> => ({
  kind: 'read',
  input,
  output,
  ...DEFAULT_POLICY,
  ...policy,
});
const write = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, policy: Partial<ChannelPolicy> = {}): ChannelDef<I, O> => ({
  kind: 'write',
  input,
  output,
  ...DEFAULT_POLICY,
  ...policy,
});

const accountNo = z.number().int().positive();
/** A card session from AcctPrepareCCUpdate (32 letters and digits in the sandbox). */
const cardSessionId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
/** Optional reason, recorded as its own comment command after the write (D24). */
const reason = z.string().max(2000).refine(noCardNumber, NO_CARD_NUMBER).optional();
const nothing = z.strictObject({});

// ── Write pipeline (issue 8): what every write channel takes besides its fields, and answers.
/** The operator's UI language (the reason comment is written in it) and the before → after confirmed. */
const shown = { lang: uiLanguage.optional(), changes: z.array(shownChange).max(100).optional() };
const requestId = z.string();
/**
 * A write's answer (D21): APPLIED, QUEUED (offline; the row is durable) or UNKNOWN (being
 * settled by reading). REJECTED is the AMPS_REJECTED error envelope with its fields. Result
 * fields are only filled when APPLIED. `reason` says what became of the reason comment.
 */
const writeResult = <T extends z.ZodRawShape>(shape: T) =>
  z.object({ outcome: writeOutcome, requestId, message: z.string().optional(), ...shape, reason: reasonAnswer.optional() });
const shownFields = z.record(z.string().max(200), z.union([z.string().max(LIMITS.commentText), z.number(), z.boolean(), z.null()]));

export const profileView = z.object({
  name: z.string(),
  kind: z.enum(['sandbox', 'remote']),
  baseUrl: z.string(),
  clientNo: z.number().int(),
  userID: z.string(),
  signatureVersion: z.enum(['1.0', '2.0']),
  // Secrets are write-only: the renderer only learns whether one is set.
  hasAuthKey: z.boolean(),
  hasSigningSecret: z.boolean(),
  secretsReadable: z.boolean(),
});
export type ProfileView = z.infer<typeof profileView>;

/** The operator's UI preferences (prefs.*); absent = not chosen yet. */
const uiPrefs = z.object({ theme: z.enum(['system', 'light', 'dark']).optional(), locale: z.enum(['en', 'nb']).optional() });

/** A stored comment draft (drafts.*). */
const draft = z.object({ text: z.string(), updatedAt: z.string() });

/** Unsaved profile fields "Test connection" may try (profiles.test). */
const profileTestForm = z.strictObject({
  // A test sends the authKey and a signature too: http:// only to this computer (D23).
  baseUrl: z.url({ protocol: /^https?$/, error: 'baseUrl must be an http(s) URL' }).max(500).refine(isSecureBaseUrl, { error: BASE_URL_NOT_SECURE }).optional(),
  clientNo: z.number().int().nonnegative().optional(),
  userID: z.string().trim().min(1).max(LIMITS.userId).optional(),
  signatureVersion: z.enum(['1.0', '2.0']).optional(),
  authKey: z.string().min(1).max(64).optional(),
  signingSecret: z.string().min(1).max(256).optional(),
});
// --- Operators and sessions (the operators issue) ---
const operatorId = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'required')
  .max(OPERATOR_ID_MAX)
  .regex(OPERATOR_ID_PATTERN, 'letters, digits and . _ @ - only');
const newOperatorFields = { id: operatorId, displayName: z.string().trim().min(1, 'required').max(DISPLAY_NAME_MAX) };
/** A password being set: the rules of shared/domain/operators. */
const newPassword = z.string().min(PASSWORD_MIN).max(PASSWORD_MAX);
/** A password being checked: any length up to the maximum (the rules may have changed since). */
const givenPassword = z.string().min(1, 'required').max(PASSWORD_MAX);

/** A comment as AMPS keeps it, with its author's name when the author is one of the desk's operators. */
export const listedComment = retrievedComment.extend({ authorName: z.string().optional() });
export type ListedComment = z.infer<typeof listedComment>;

export const operatorView = z.object({ id: z.string(), displayName: z.string(), role: z.enum(ROLES) });
export type OperatorView = z.infer<typeof operatorView>;
export const sessionStatus = z.object({
  /** setup: nobody exists yet, the app asks for the first admin. */
  state: z.enum(['setup', 'signedOut', 'signedIn', 'locked']),
  operator: operatorView.nullable(),
  /** After an admin reset the password: the operator sets their own before anything else. */
  mustChangePassword: z.boolean(),
  /** The desk locks after this long without input (shorter on a kiosk). */
  idleLockSeconds: z.number().int().positive(),
  /** Demo operators are seeded (tests and training only). */
  demoOperators: z.boolean(),
});
export type SessionStatus = z.infer<typeof sessionStatus>;
/** Why a password was refused; the renderer says it in the UI's language. */
export const authFailure = z.object({
  reason: z.enum(['wrong', 'locked', 'disabled']),
  /** While locked out: seconds until the next attempt is allowed. */
  retryAfterSeconds: z.number().int().nullable(),
});
export type AuthFailure = z.infer<typeof authFailure>;
const sessionAnswer = z.object({ status: sessionStatus, failure: authFailure.nullable() });
export const operatorRecord = operatorView.extend({
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  /** ISO date-time while locked out after repeated wrong passwords. */
  lockedUntil: z.string().nullable(),
  failedAttempts: z.number().int(),
  lastSignInAt: z.string().nullable(),
  createdAt: z.string(),
});
export type OperatorRecord = z.infer<typeof operatorRecord>;

export const LOCAL_FILES = ['settings', 'secrets', 'operators', 'outbox', 'audit'] as const;
export const localStateProblem = z.object({
  /** Which local file: one of LOCAL_FILES or another registered name. */
  file: z.string(),
  /** Its name in the data folder, for the person and for support. */
  path: z.string(),
  /** What is wrong, in words (English; the renderer has its own words per file). */
  message: z.string(),
  /** What moving it aside loses, so the screen can say so. */
  consequence: z.enum(['settings', 'secrets', 'operators', 'queued', 'history', 'other']),
});
export type LocalStateProblem = z.infer<typeof localStateProblem>;

const retrieveDetails = acctRetrieveAccountResponse.shape.acctRetrieveAccountResponseDetails.unwrap().unwrap();
const billingDetails = acctRetrieveBillingGroupResponse.shape.acctRetrieveBillingGroupResponseDetails.unwrap().unwrap();
const deliveryDetails = acctRetrieveDeliveryInfoResponse.shape.acctRetrieveDeliveryInfoDetails.unwrap().unwrap();

// --- Audit log channels (docs/audit.md): supervisors and admins only. -----------------
const auditInstant = z.union([isoDate, z.iso.datetime({ offset: true, error: 'expected an ISO date-time' })]);
/** What the supervisor screen filters on; text is matched as plain text (no wildcards). */
export const auditFilterInput = z.strictObject({
  from: auditInstant.optional(),
  to: auditInstant.optional(),
  operatorId: z.string().max(LIMITS.userId).optional(),
  accountNo: accountNo.optional(),
  text: z.string().max(200).optional(),
  kind: z.enum(['intent', 'outcome', 'event']).optional(),
});
export type AuditFilterInput = z.infer<typeof auditFilterInput>;
export const auditVerdictView = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  problem: z
    .object({
      seq: z.number().int(),
      what: z.enum(['edited', 'removed', 'inserted', 'reordered', 'checkpoint']),
      message: z.string(),
      last: z.number().int().optional(),
      cause: z.enum(['bad-signature', 'mismatch', 'head-missing', 'key-replaced']).optional(),
    })
    .optional(),
  checkpoints: z.number().int().optional(),
  signedThrough: z.number().int().optional(),
  keySource: z.enum(['secret-store', 'pinned', 'log', 'none']).optional(),
  notes: z.array(z.string()).optional(),
  checkedAt: z.string(),
  ms: z.number(),
});
export type AuditVerdictView = z.infer<typeof auditVerdictView>;
const auditChannels = {
  'audit.list': read(
    auditFilterInput.extend({
      limit: z.number().int().min(1).max(1000).optional(),
      offset: z.number().int().min(0).optional(),
      order: z.enum(['asc', 'desc']).optional(),
      /** Only entries up to this seq (stable paging while new entries arrive). */
      maxSeq: z.number().int().min(0).optional(),
    }),
    z.object({ entries: z.array(auditEntryView), total: z.number().int(), offset: z.number().int() }),
    { roles: SUPERVISORS },
  ),
  'audit.verify': read(nothing, auditVerdictView, { roles: SUPERVISORS }),
  'audit.exportCsv': read(auditFilterInput, z.object({ csv: z.string(), rows: z.number().int(), fileName: z.string() }), { roles: SUPERVISORS }),
};
// --- end of audit log channels ---------------------------------------------------------

// --- Supervisor workspace (issue 9; docs/supervision.md) ---------------------------------
// The audit across desks (the team store, or this desk's log alone), reviews and the chart:
// supervisors and admins. Feedback on one's own work: every operator, and main answers for
// the signed-in operator only (never for an id the renderer names).
const supervisionChannels = {
  'supervision.source': read(nothing, sv.supervisionSourceView, { roles: SUPERVISORS }),
  'supervision.list': read(sv.supervisionListInput, sv.supervisionPage, { roles: SUPERVISORS }),
  'supervision.perDay': read(sv.supervisionFilter, sv.perDayAnswer, { roles: SUPERVISORS }),
  'supervision.account': read(z.strictObject({ accountNo }), sv.accountAnswer, { roles: SUPERVISORS }),
  'supervision.exportCsv': read(sv.supervisionFilter, sv.supervisionCsv, { roles: SUPERVISORS }),
  'supervision.review': write(sv.reviewInput, sv.reviewAnswer, { roles: SUPERVISORS }),
  'supervision.feedback': read(nothing, sv.feedbackAnswer),
  'supervision.acknowledge': write(sv.acknowledgeInput, sv.acknowledgeAnswer),
};
// --- end of supervisor workspace channels ------------------------------------------------
// --- Subscriptions and plan replacement (issue 10 item 5; docs/plans.md, D70–D72) --------
const subscriptionView = z.object({
  planInstanceNo: z.number().int(),
  clientPlanInstanceId: z.string(),
  planNo: z.number().int(),
  clientPlanId: z.string(),
  planName: z.string(),
  planDesc: z.string(),
  units: z.number(),
  supplemental: z.boolean(),
  parentPlanInstanceNo: z.number().int().nullable(),
  statusCode: z.number().int(),
  billingIntervalMonths: z.number().int(),
  /** The current billing period (yyyy-mm-dd, end inclusive) and the next bill date. */
  periodStart: z.string(),
  periodEnd: z.string(),
  nextBillDate: z.string(),
  rateScheduleNo: z.number().int(),
  rateScheduleName: z.string(),
  ratePerUnit: z.number(),
  currency: z.string(),
  titleCode: z.string(),
  titleName: z.string(),
  kind: z.enum(PLAN_KINDS),
  /** Changes waiting for their date (the next renewal, a later day). */
  queued: z.array(z.object({ planNo: z.number().int(), planName: z.string(), units: z.number(), effectiveDate: z.string(), directive: z.number().int() })),
});
const offeredPlanView = z.object({
  planNo: z.number().int(),
  clientPlanId: z.string(),
  name: z.string(),
  description: z.string(),
  supplemental: z.boolean(),
  titleCode: z.string(),
  titleName: z.string(),
  kind: z.enum(PLAN_KINDS),
  minUnits: z.number(),
  maxUnits: z.number(),
  /** The subscription's own plan (a change of units or rate only). */
  current: z.boolean(),
  schedules: z.array(
    z.object({
      scheduleNo: z.number().int(),
      name: z.string(),
      intervalMonths: z.number().int(),
      ratePerUnit: z.number(),
      isDefault: z.boolean(),
      isAlternative: z.boolean(),
      currency: z.string(),
    }),
  ),
});
const planPreviewView = z.object({
  effects: planEffects,
  lines: z.array(
    z.object({ kind: z.enum(['charge', 'credit', 'coupon']), description: z.string(), planName: z.string(), units: z.number(), amount: z.number(), from: z.string(), to: z.string() }),
  ),
  tax: z.number(),
  proration: z.object({ periodStart: z.string(), periodEnd: z.string(), daysInPeriod: z.number().int().nullable(), daysRemaining: z.number().int().nullable() }).nullable(),
  intervalMonths: z.number().int().nullable(),
});
const planChannels = {
  'plans.forAccount': read(z.strictObject({ accountNo }), z.object({ subscriptions: z.array(subscriptionView) })),
  'plans.offered': read(
    z.strictObject({ accountNo, planInstanceNo: z.number().int().positive(), promoCode: z.string().trim().max(30).optional() }),
    z.object({ titleCode: z.string(), titleName: z.string(), plans: z.array(offeredPlanView) }),
  ),
  /** replace_acct_plan_m with do_write=false: the effects, nothing changed, no audit entry (D72). */
  'plans.preview': read(z.strictObject(planChangeFields), planPreviewView),
  /** The change (do_write=true) through the write pipeline; agents and up (every role). */
  'plans.replace': write(
    z.strictObject({ ...planChangeFields, before: planBefore.optional(), preview: planEffects.optional(), reason, ...shown }),
    writeResult({
      planNo: z.number().int().nullable(),
      units: z.number().nullable(),
      invoiceNo: z.number().int().nullable(),
      effectiveDate: z.string().nullable(),
      scheduled: z.boolean().nullable(),
      nextBillDate: z.string().nullable(),
    }),
  ),
};
// --- end of plan channels ----------------------------------------------------------------

export const contract = {
  'app.info': read(
    nothing,
    z.object({
      version: z.string(),
      transport: z.enum(['electron', 'web']),
      kiosk: z.boolean(),
      profile: profileView.nullable(),
      /** The signed-in operator's id ('' when nobody is signed in). */
      operator: z.string(),
      /** Local files that could not be read (the app offers a way out; see localState.*). */
      problems: z.array(localStateProblem),
    }),
    PUBLIC,
  ),

  'accounts.search': read(
    z.strictObject({
      criteria: acctSearchAccountCriteria.optional(),
      contact: acctSearchAccountContactCriteria.optional(),
      address: acctSearchAccountAddressCriteria.optional(),
      limit: z.number().int().min(1).max(LIMITS.searchRows).optional(),
      // contact.fullName as the words a caller said, ranked (sandbox extension D40).
      nameAsWords: z.boolean().optional(),
    }),
    // The rows carry what the results show (D99), not the whole AMPS row.
    z.object({ rows: z.array(searchResultRow), more: z.boolean(), limit: z.number().int() }),
  ),
  // Which part of a delivery address the words a result row cannot explain matched (D103).
  'accounts.deliveryMatches': read(deliveryMatchInput, deliveryMatchAnswer),
  'accounts.get': read(
    z.strictObject({ accountNo, titleFilter: z.array(titleFilter).max(50).optional() }),
    retrieveDetails,
  ),
  'accounts.manage': write(
    z.strictObject({ accountNo, actions: z.array(manageAccountAction).min(1).max(20), reason, ...shown, before: shownFields.optional() }),
    writeResult({ results: z.array(z.object({ actionDirective: z.string(), resultCode: z.number(), resultText: z.string() })) }),
  ),

  // ── New accounts (issue 10 item 2, D60–D62): the duplicate check, then the create. The
  // client account ID may be left out: main fixes one when the create is queued.
  'accounts.duplicates': read(duplicateCheckInput, duplicateCheckResult),
  'accounts.create': write(
    z.strictObject({ account: createAccountDetails, ...shown }),
    writeResult({ accountNo: z.number().int().nullable(), ariaAccountID: z.string(), userID: z.string().nullable() }),
  ),

  'billingGroups.list': read(z.strictObject({ accountNo, titleFilter: z.array(titleFilter).max(50).optional() }), billingDetails),
  'billingGroups.add': write(
    z.strictObject({ accountNo, group: billingGroupAdd, reason, ...shown, before: z.strictObject({ groupNos: z.array(z.number().int()).max(1000) }).optional() }),
    writeResult({ group: billingGroupInfo.nullable() }),
  ),
  'billingGroups.modify': write(
    z.strictObject({ accountNo, group: billingGroupModify, reason, ...shown, before: shownFields.optional() }),
    writeResult({ group: billingGroupInfo.nullable() }),
  ),
  'billingGroups.remove': write(
    z.strictObject({ accountNo, group: billingGroupRemove, reason, ...shown, label: z.string().max(LIMITS.name).optional() }),
    writeResult({ removed: z.boolean() }),
  ),

  'comments.list': read(
    z.strictObject({ accountNo, from: isoDate.optional(), to: isoDate.optional() }),
    z.object({ comments: z.array(listedComment) }),
  ),
  'comments.add': write(
    z.strictObject({ accountNo, text: commentText }),
    writeResult({ parts: z.number().int(), commentNos: z.array(z.number()) }),
  ),

  'address.deliveryInfo': read(z.strictObject({ accountNo }), deliveryDetails),
  'address.changePerm': write(
    z.strictObject({
      accountNo,
      change: acctChangePermAddressRequestDetails,
      reason,
      ...shown,
      before: z.strictObject({ permanentAddressNo: z.number().int().nullable(), addressNos: z.array(z.number().int()).max(1000) }).optional(),
    }),
    writeResult({ distAddressNo: z.number().int().nullable() }),
  ),

  // ── Card update (issue 10 item 4, D63–D65): a session, the provider's form in a page of
  // its own, main asks the provider where the session stands, then cards.complete links it.
  'cards.prepare': write(
    z.strictObject({ accountNo, lang: uiLanguage.optional() }),
    z.object({ sessionId: z.string(), formUrl: z.string(), expiresAt: z.string().nullable() }),
  ),
  /** Electron opens the form in its own window (opened: true); elsewhere the renderer opens formUrl as a new top-level page. */
  'cards.openForm': read(z.strictObject({ sessionId: cardSessionId }), z.object({ opened: z.boolean(), formUrl: z.string() })),
  'cards.closeForm': read(z.strictObject({ sessionId: cardSessionId }), z.object({ closed: z.boolean() })),
  /** Where the session stands at the provider; the payment method number once the card is accepted, never the card. */
  'cards.status': read(
    z.strictObject({ sessionId: cardSessionId }),
    z.object({
      state: z.enum(['prepared', 'open', 'accepted', 'expired', 'unknown']),
      paymentMethodNo: z.number().int().positive().nullable(),
      refusedCards: z.number().int().nonnegative(),
      formOpen: z.boolean().nullable(),
    }),
  ),
  'cards.complete': write(
    z.strictObject({
      accountNo,
      paymentMethodNo: z.number().int().positive(),
      billingGroupNo: z.number().int().positive().optional(),
      billingGroupId: z.string().max(LIMITS.accountId).optional(),
      createNewBillingGroup: z.boolean(),
      reason,
      ...shown,
    }),
    writeResult({ paymentMethodId: z.string().nullable(), billingGroupId: z.string().nullable() }),
  ),

  // --- Comment drafts (desk helper, D30) ---------------------------------------------
  // Kept by main in the data folder, per operator (the one signed in) and account, so a
  // draft survives closing its tab and a restart. Desk-local: no AMPS call, nothing for the
  // outbox or the audit log (see LOCAL_CHANNELS).
  'drafts.get': read(z.strictObject({ accountNo }), z.object({ draft: draft.nullable() })),
  'drafts.put': write(z.strictObject({ accountNo, text: z.string().max(LIMITS.commentText).refine(noCardNumber, NO_CARD_NUMBER) }), z.object({ draft: draft.nullable() })),
  'drafts.delete': write(z.strictObject({ accountNo }), z.object({ deleted: z.boolean() })),
  // UI preferences of the operator (theme, language), kept by main (D36). Desk-local too.
  'prefs.get': read(nothing, uiPrefs),
  'prefs.put': write(uiPrefs.strict(), uiPrefs),
  // --- end of comment drafts and preferences -------------------------------------------
  // ── The outbox (issue 8): its state, the pending and parked items, and a person's decisions.
  'outbox.status': read(nothing, outboxStatus),
  'outbox.list': read(z.strictObject({ accountNo: accountNo.optional() }), z.object({ items: z.array(outboxItemView) })),
  'outbox.setOffline': write(z.strictObject({ offline: z.boolean() }), outboxStatus),
  'outbox.retry': write(z.strictObject({ id: z.string().max(64) }), outboxItemView),
  'outbox.edit': write(z.strictObject({ id: z.string().max(64), command }), outboxItemView),
  'outbox.discard': write(z.strictObject({ id: z.string().max(64) }), z.object({ discarded: z.boolean() })),

  'profiles.list': read(nothing, z.object({ active: z.string().nullable(), profiles: z.array(profileView) }), ADMIN_SETTINGS),
  'profiles.save': write(
    z.strictObject({
      name: z.string().trim().min(1).max(60),
      // Required for remote profiles; the embedded sandbox profile's are managed by the app.
      // http:// only to this computer: the authKey and signatures must not cross a network in clear text (D23).
      baseUrl: z.url({ protocol: /^https?$/, error: 'baseUrl must be an http(s) URL' }).max(500).refine(isSecureBaseUrl, { error: BASE_URL_NOT_SECURE }).optional(),
      clientNo: z.number().int().nonnegative().optional(),
      userID: z.string().trim().min(1).max(LIMITS.userId),
      signatureVersion: z.enum(['1.0', '2.0']),
      // Write-only: omitted = keep the stored value.
      authKey: z.string().min(1).max(64).optional(),
      signingSecret: z.string().min(1).max(256).optional(),
    }),
    profileView,
    ADMIN_SETTINGS,
  ),
  'profiles.delete': write(z.strictObject({ name: z.string().max(60) }), z.object({ deleted: z.boolean() }), ADMIN_SETTINGS),
  'profiles.activate': write(z.strictObject({ name: z.string().max(60) }), profileView, ADMIN_SETTINGS),
  'profiles.test': read(
    z.strictObject({
      name: z.string().max(60),
      // The form's values, saved or not: "Test connection" tests what is on screen. Secrets
      // only when typed (omitted = the stored one); nothing typed is ever sent back.
      form: profileTestForm.optional(),
    }),
    // `say`: the outcome as words the renderer says in the UI language; `message` its English (D105).
    z.object({ ok: z.boolean(), message: z.string(), say: saySchema, latencyMs: z.number() }),
    ADMIN_SETTINGS,
  ),

  ...auditChannels,
  ...supervisionChannels,
  ...planChannels,
  // --- Team store (issue 9, docs/team-store.md): the desk's audit shipping and the team's
  // operator directory. Settings like the profiles: admins only, never on a kiosk.
  'teamStore.get': read(nothing, teamStoreView, ADMIN_SETTINGS),
  'teamStore.save': write(teamStoreForm, teamStoreView, ADMIN_SETTINGS),
  /** Tests the form's values, saved or not (passwords only when typed; omitted = the stored one). */
  'teamStore.test': read(z.strictObject({ form: teamStoreForm }), teamStoreTestResult, ADMIN_SETTINGS),
  'teamStore.status': read(nothing, teamStoreStatus, ADMIN_SETTINGS),
  // --- Sessions (operators issue): who is at the desk. Public so a signed-out or locked desk
  // can reach them; each handler checks the session state itself.
  'session.status': read(nothing, sessionStatus, PUBLIC),
  /** Only while the directory is empty (a fresh data folder): creates the first admin and signs them in. */
  'session.setupFirstAdmin': write(z.strictObject({ ...newOperatorFields, password: newPassword }), sessionStatus, PUBLIC),
  'session.signIn': write(z.strictObject({ id: z.string().trim().toLowerCase().min(1).max(100), password: givenPassword }), sessionAnswer, PUBLIC),
  'session.signOut': write(nothing, sessionStatus, PUBLIC),
  'session.lock': write(nothing, sessionStatus, PUBLIC),
  /** The same operator's password; another person signs out instead. */
  'session.unlock': write(z.strictObject({ password: givenPassword }), sessionAnswer, PUBLIC),
  /** The renderer saw keyboard or pointer input (sent at most every few seconds); resets the idle clock. */
  'session.ping': read(nothing, sessionStatus, PUBLIC),
  'session.changePassword': write(z.strictObject({ current: givenPassword, next: newPassword }), sessionAnswer),

  // --- Operators (admins; not on a kiosk, which is provisioned with `npm run operators`).
  'operators.list': read(nothing, z.object({ operators: z.array(operatorRecord) }), ADMIN_SETTINGS),
  'operators.add': write(z.strictObject({ ...newOperatorFields, role: z.enum(ROLES), password: newPassword }), operatorRecord, ADMIN_SETTINGS),
  'operators.setDisabled': write(z.strictObject({ id: operatorId, disabled: z.boolean() }), operatorRecord, ADMIN_SETTINGS),
  /** Sets a new password the operator must change at their next sign-in; clears a lockout. */
  'operators.resetPassword': write(z.strictObject({ id: operatorId, password: newPassword }), operatorRecord, ADMIN_SETTINGS),

  // --- Local files that do not parse (settings, secrets, operators, outbox): move aside, start fresh.
  'localState.moveAside': write(z.strictObject({ file: z.string().max(100) }), z.object({ movedTo: z.string(), problems: z.array(localStateProblem) }), PUBLIC),
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.infer<Contract[C]['output']>;
export const CHANNELS = Object.keys(contract) as Channel[];
/** Channels that change only the desk's own files (drafts, the session, operators, damaged files), never an account in AMPS. */
export const LOCAL_CHANNELS: ReadonlySet<Channel> = new Set<Channel>([
  'drafts.get',
  'drafts.put',
  'drafts.delete',
  'prefs.get',
  'prefs.put',
  // Reviews and acknowledgements are entries in the desk's own audit log, not AMPS writes.
  'supervision.review',
  'supervision.acknowledge',
  ...CHANNELS.filter((c) => c.startsWith('session.') || c.startsWith('operators.') || c.startsWith('localState.') || c.startsWith('teamStore.')),
]);
export const isChannel = (name: string): name is Channel => Object.hasOwn(contract, name);
