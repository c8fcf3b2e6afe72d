// AcctCaptureComments / AcctRetrieveComments (004). Long comments are split by the API
// (see ./commentSplit). An end date in the future means "up to now".
import { z } from 'zod';
import { LIMITS, ampsDateTime, optIdNo, optText, requireAccountRef, resultInfo } from './fields';


export const acctCaptureCommentCriteria = z
  .object({
    ariaAccountID: optText(LIMITS.accountId),
    ariaAccountNo: optIdNo,
    acctCommentAuthor: z.string().trim().min(1, 'acctCommentAuthor is required').max(LIMITS.commentAuthor),
    acctCommentDateTime: ampsDateTime.nullish(),
    acctCommentText: z
      .string()
      .max(LIMITS.commentText, `acctCommentText may be at most ${LIMITS.commentText} characters`)
      .refine((t) => t.trim().length > 0, 'acctCommentText must not be empty'),
    acctApplicationID: optText(LIMITS.applicationId),
    acctApplicationDateTime: ampsDateTime.nullish(),
  })
  .superRefine(requireAccountRef);

export const acctCaptureCommentsRequest = z.object({ acctCaptureCommentCriteria });
export type AcctCaptureCommentsRequest = z.input<typeof acctCaptureCommentsRequest>;

export const acctCaptureCommentsResponse = z.object({
  resultInfo,
  /** Sandbox extension: the numbers of the comment parts stored (D10). */
  acctCommentNos: z.array(z.number()).optional(),
});
export type AcctCaptureCommentsResponse = z.infer<typeof acctCaptureCommentsResponse>;

export const acctRetrieveCommentsCriteria = z
  .object({
    ariaAccountID: optText(LIMITS.accountId),
    ariaAccountNo: optIdNo,
    dateRangeStart: ampsDateTime.nullish(),
    dateRangeEnd: ampsDateTime.nullish(),
  })
  .superRefine(requireAccountRef);

/** The field list spells the key "AcctRetrieveCommentsCriteria"; the client sends that. */
export const acctRetrieveCommentsRequest = z.object({ AcctRetrieveCommentsCriteria: acctRetrieveCommentsCriteria });
export type AcctRetrieveCommentsRequest = z.input<typeof acctRetrieveCommentsRequest>;

export const retrievedComment = z.object({
  acctCommentAuthor: z.string(),
  acctCommentDateTime: z.string(),
  acctCommentText: z.string(),
  acctApplicationID: z.string().nullish(),
  acctApplicationDateTime: z.string().nullish(),
  acctCommentNo: z.number(),
});
export type RetrievedComment = z.infer<typeof retrievedComment>;

export const acctRetrieveCommentsResponse = z.object({
  resultInfo,
  acctRetrieveCommentsList: z.array(retrievedComment).nullish(),
});
export type AcctRetrieveCommentsResponse = z.infer<typeof acctRetrieveCommentsResponse>;
