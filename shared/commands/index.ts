// Writes are commands: plain data that says what the desk means (add this comment to
// account N, change this billing group), checked by one schema here and carried out by the
// one write pipeline in main/core/outbox (decision D51). A command holds everything needed
// to send it later, offline, after a restart: the fields, the reason, the operator's UI
// language, and what the UI showed as "before" where settling an unknown outcome needs it.
import { z } from 'zod';
import {
  LIMITS,
  acctChangePermAddressRequestDetails,
  billingGroupAdd,
  billingGroupModify,
  billingGroupRemove,
  manageAccountAction,
} from '../amps';
import { NO_CARD_NUMBER, noCardNumber } from '../domain/input/cardNumber';
import { accountCreateFields } from './accountCreate';
// Plan replacement (issue 10 item 5, D70–D72): its own file.
import { planReplaceCommand } from './planReplace';

export const UI_LANGUAGES = ['en', 'nb'] as const;
export const uiLanguage = z.enum(UI_LANGUAGES);
export type UiLanguage = z.infer<typeof uiLanguage>;

const accountNo = z.number().int().positive();
const scalar = z.union([z.string().max(LIMITS.commentText), z.number(), z.boolean(), z.null()]);
/** One before → after line as the confirmation showed it (shared/domain/fieldDiff). */
const shownWord = z.string().max(500).nullable();
/**
 * `words`: the values as the confirmation said them, in the operator's language ("Cabin
 * address" for CABIN), for the reason comment; the audit keeps the values themselves and says
 * them in its reader's language.
 */
export const shownChange = z.object({ path: z.string().max(200), before: scalar, after: scalar, words: z.object({ before: shownWord, after: shownWord }).optional() });
export type ShownChange = z.infer<typeof shownChange>;
/** Flattened fields of what the UI showed ("paymentTermInfo.paymentTerms" → "EHF"). */
const shownFields = z.record(z.string().max(200), scalar);

/** What every command that can carry a reason has besides its own fields. */
const reasoned = {
  /** Recorded as its own comment command, after the write, in `lang` (item 6 / D55). */
  reason: z.string().trim().max(2000).refine(noCardNumber, NO_CARD_NUMBER).optional(),
  lang: uiLanguage.optional(),
  /** Before → after as the operator confirmed it; the reason comment says it in words. */
  changes: z.array(shownChange).max(100).optional(),
};

/** A comment's text: not blank, within 004's limit, no card number (D95). */
export const commentText = z
  .string()
  .max(LIMITS.commentText)
  .refine((t) => t.trim() !== '', 'Write a comment first')
  .refine(noCardNumber, NO_CARD_NUMBER);

export const commentAddCommand = z.object({
  type: z.literal('comment.add'),
  accountNo,
  text: commentText,
  /** Set on a reason comment: the request id of the write it explains. */
  reasonFor: z.string().max(64).optional(),
});

export const billingGroupAddCommand = z.object({
  type: z.literal('billingGroup.add'),
  accountNo,
  group: billingGroupAdd,
  /** The account's group numbers as shown: a new group is one not among them (settling). */
  before: z.object({ groupNos: z.array(z.number().int()).max(1000) }).optional(),
  ...reasoned,
});

export const billingGroupModifyCommand = z.object({
  type: z.literal('billingGroup.modify'),
  accountNo,
  group: billingGroupModify,
  /** The group's fields as shown before the change (settling: still as before = not applied). */
  before: shownFields.optional(),
  ...reasoned,
});

export const billingGroupRemoveCommand = z.object({
  type: z.literal('billingGroup.remove'),
  accountNo,
  group: billingGroupRemove,
  /** The group's name as shown, for the reason comment. */
  label: z.string().max(LIMITS.name).optional(),
  ...reasoned,
});

export const addressChangeCommand = z.object({
  type: z.literal('address.changePerm'),
  accountNo,
  change: acctChangePermAddressRequestDetails,
  before: z
    .object({
      /** The permanent address number shown (null: none). */
      permanentAddressNo: z.number().int().nullable(),
      /** The account's delivery address numbers shown: a new address is one not among them. */
      addressNos: z.array(z.number().int()).max(1000),
    })
    .optional(),
  ...reasoned,
});

export const accountManageCommand = z.object({
  type: z.literal('account.manage'),
  accountNo,
  actions: z.array(manageAccountAction).min(1).max(20),
  /** The account's fields as shown (e.g. "ariaStatusCode" → 1). */
  before: shownFields.optional(),
  ...reasoned,
});

export const cardCompleteCommand = z.object({
  type: z.literal('card.complete'),
  accountNo,
  paymentMethodNo: z.number().int().positive(),
  billingGroupNo: z.number().int().positive().optional(),
  billingGroupId: z.string().max(LIMITS.accountId).optional(),
  createNewBillingGroup: z.boolean(),
  ...reasoned,
});

// account.create (issue 10 item 2, shared/commands/accountCreate.ts): no reason comment, as
// there is no account to write it on until AMPS answers.
export const accountCreateCommand = z.object({ ...accountCreateFields, lang: uiLanguage.optional(), changes: z.array(shownChange).max(100).optional() });

export const command = z.discriminatedUnion('type', [
  commentAddCommand,
  billingGroupAddCommand,
  billingGroupModifyCommand,
  billingGroupRemoveCommand,
  addressChangeCommand,
  accountManageCommand,
  cardCompleteCommand,
  accountCreateCommand,
  planReplaceCommand,
]);
export type Command = z.infer<typeof command>;
export type CommandInput = z.input<typeof command>;
export type CommandType = Command['type'];
export const COMMAND_TYPES = command.options.map((o) => o.shape.type.value) as CommandType[];

/**
 * The honest answer to a write (D52). REJECTED travels as the AMPS_REJECTED error envelope
 * with its fields, so a form can mark them; the three others are answers, never failures.
 */
export const WRITE_OUTCOMES = ['APPLIED', 'REJECTED', 'QUEUED', 'UNKNOWN'] as const;
export type WriteOutcomeCode = (typeof WRITE_OUTCOMES)[number];
export const writeOutcome = z.enum(['APPLIED', 'QUEUED', 'UNKNOWN']);

/** What became of a write's reason comment (absent: no reason given). */
export const reasonAnswer = z.object({
  outcome: z.enum(WRITE_OUTCOMES),
  requestId: z.string(),
});
export type ReasonAnswer = z.infer<typeof reasonAnswer>;

/** An outbox item's state, as the outbox list shows it. */
export const OUTBOX_STATES = ['pending', 'sending', 'unknown', 'parked', 'applied', 'rejected', 'discarded'] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];

/** Why an item is parked for a person. */
export const PARK_KINDS = ['rejected', 'undecided', 'profileMissing', 'blocked'] as const;
export type ParkKind = (typeof PARK_KINDS)[number];

export const outboxItemView = z.object({
  id: z.string(),
  seq: z.number().int(),
  profile: z.string(),
  accountNo: z.number().int(),
  type: z.enum(COMMAND_TYPES as [CommandType, ...CommandType[]]),
  /** One line in the operator's words: the comment's start, the group's name, the address. */
  detail: z.string(),
  state: z.enum(OUTBOX_STATES),
  /** Set when the item is a reason comment: the write it explains. */
  reasonFor: z.string().nullable(),
  operator: z.string(),
  createdAt: z.string(),
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  problem: z
    .object({
      kind: z.enum(PARK_KINDS),
      message: z.string(),
      fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    })
    .nullable(),
  /** The command itself, for editing a parked item. */
  command,
});
export type OutboxItemView = z.infer<typeof outboxItemView>;

export const outboxStatus = z.object({
  /** online; offline = AMPS cannot be reached (automatic); chosen = offline by choice. */
  mode: z.enum(['online', 'offline', 'chosen']),
  pending: z.number().int(),
  parked: z.number().int(),
  unknown: z.number().int(),
  /** Profile of the counts (the active one). */
  profile: z.string().nullable(),
  /** Items of other profiles still waiting (never sent to the active one). */
  otherProfiles: z.number().int(),
});
export type OutboxStatus = z.infer<typeof outboxStatus>;

export { reasonCommentText, notMadeInWords, actionWords } from './reasonText';
export * from './planReplace';
