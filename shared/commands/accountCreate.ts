// account.create (issue 10 item 2): a new account with AcctCreateAccount. There is no
// account number before AMPS answers, so the command carries accountNo 0 (every create
// waits in the outbox's one "new accounts" line, in order) and a client account ID
// (ariaAccountID) that main fixes when the create is queued: AMPS has no idempotency key,
// and that ID is how an unknown outcome is settled — searched for, found once = applied
// (decision D60). index.ts adds the operator's language and the confirmed before → after
// (this file does not import index.ts, so there is no import cycle).
import { z } from 'zod';
import { acctCreateAccountRequest } from '../amps/account';
import { EMAIL_PATTERN, LIMITS, phoneNumber } from '../amps/fields';
import { accountResultRow } from '../amps/search';

/** The fields of AcctCreateAccount's acctCreateAccountRequestDetails, with the shared rules. */
export const createAccountDetails = acctCreateAccountRequest.shape.acctCreateAccountRequestDetails;
export type CreateAccountDetails = z.infer<typeof createAccountDetails>;
export type CreateAccountDetailsInput = z.input<typeof createAccountDetails>;

/** What the desk generates when the agent gives no client account ID: "CSR-" and 12 Crockford base-32 characters. */
export const DESK_ACCOUNT_ID_PATTERN = /^CSR-[0-9A-HJKMNP-TV-Z]{12}$/;

export const accountCreateFields = {
  type: z.literal('account.create'),
  /** No account yet (D60). */
  accountNo: z.literal(0),
  account: createAccountDetails.refine((d) => (d.ariaAccountID ?? '').trim() !== '', {
    path: ['ariaAccountID'],
    message: 'a new account needs a client account ID (main fixes one when it is queued)',
  }),
};

// ── The duplicate check before a create (channel accounts.duplicates) ─────────────────────

/** Which criterion found a possible match: the email, a phone number, or the name with the postal code. */
export const DUPLICATE_CRITERIA = ['email', 'phone', 'namePostal'] as const;
export type DuplicateCriterion = (typeof DUPLICATE_CRITERIA)[number];

/**
 * What the agent knows of the caller. Each criterion is searched on its own: the email and
 * the phone among every contact of an account, the name (its words, in any order) together
 * with the postal code of the owner's address. At least one criterion; a name needs its postal code.
 */
export const duplicateCheckInput = z
  .strictObject({
    emailAddress: z
      .string()
      .trim()
      .max(LIMITS.email)
      .refine((v) => v === '' || EMAIL_PATTERN.test(v), 'emailAddress must be a valid email address')
      .optional(),
    phone: phoneNumber.optional(),
    fullName: z.string().trim().max(LIMITS.fullName).optional(),
    postalCode: z.string().trim().max(LIMITS.postalCode).optional(),
  })
  .superRefine((v, ctx) => {
    const has = (s: string | null | undefined) => !!s && s.trim() !== '';
    if (has(v.fullName) && !has(v.postalCode)) ctx.addIssue({ code: 'custom', path: ['postalCode'], message: 'postalCode is required with a name' });
    else if (!has(v.emailAddress) && !has(v.phone) && !(has(v.fullName) && has(v.postalCode)))
      ctx.addIssue({ code: 'custom', path: ['emailAddress'], message: 'give an email, a phone number or a name with a postal code' });
  });
export type DuplicateCheckInput = z.input<typeof duplicateCheckInput>;

/** One possible match, with enough to recognise the customer, and what found it. */
export const duplicateMatch = z.object({
  account: accountResultRow,
  matchedBy: z.array(z.enum(DUPLICATE_CRITERIA)),
});
export type DuplicateMatch = z.infer<typeof duplicateMatch>;

export const duplicateCheckResult = z.object({
  matches: z.array(duplicateMatch),
  /** A criterion matched more accounts than are shown. */
  more: z.boolean(),
  /** Criteria whose search failed (the others' matches are still shown). */
  failed: z.array(z.enum(DUPLICATE_CRITERIA)),
});
export type DuplicateCheckResult = z.infer<typeof duplicateCheckResult>;
