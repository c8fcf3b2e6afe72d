// Code lists of the 004 field lists, and the result codes this project uses.
import { z } from 'zod';

export const ENDPOINTS = [
  'AcctSearchAccount',
  'AcctManageAccount',
  'AcctCreateAccount',
  'AcctRetrieveAccount',
  'AcctManageBillingGroup',
  'AcctRetrieveBillingGroup',
  'AcctPrepareCCUpdate',
  'AcctCompleteCCUpdate',
  'AcctCaptureComments',
  'AcctRetrieveComments',
  'AcctChangePermAddress',
] as const;
/** Sandbox extension (not in 004): lists delivery addresses and plan instances (D8). */
export const EXTENSION_ENDPOINTS = ['AcctRetrieveDeliveryInfo'] as const;
export type EndpointName = (typeof ENDPOINTS)[number] | (typeof EXTENSION_ENDPOINTS)[number];

export const ENDPOINT_PATH_PREFIX = '/PostDataToFlow/ARIAMediaSuite/AccountManagement/';

/** 004: for these three, authKey "is not required ... and should not be provided". */
export const ENDPOINTS_WITHOUT_AUTHKEY: ReadonlySet<EndpointName> = new Set([
  'AcctCaptureComments',
  'AcctRetrieveComments',
  'AcctChangePermAddress',
]);

/** Endpoints that change state. Writes are never retried blindly. */
export const WRITE_ENDPOINTS: ReadonlySet<EndpointName> = new Set([
  'AcctManageAccount',
  'AcctCreateAccount',
  'AcctManageBillingGroup',
  'AcctPrepareCCUpdate',
  'AcctCompleteCCUpdate',
  'AcctCaptureComments',
  'AcctChangePermAddress',
]);

export const ACCOUNT_STATUS = { 0: 'INACTIVE', 1: 'ACTIVE', 32: 'PENDING', 99: 'PERMANENT', [-99]: 'ARCHIVED' } as const;
export type AccountStatusCode = 0 | 1 | 32 | 99 | -99;
export const accountStatusCode = z.union([z.literal(0), z.literal(1), z.literal(32), z.literal(99), z.literal(-99)]);

export const manageAccountDirective = z.enum(['ASSIGN', 'MODIFY', 'CANCEL', 'STATUS']);
export const newStatusCode = z.enum(['ACTIVATE', 'DEACTIVATE', 'BANNED']);
export const billingGroupDirective = z.enum(['ADD', 'MODIFY', 'REMOVE']);
export const billingGroupStatus = z.enum(['ACTIVE', 'INACTIVE']);
export const notifyMethod = z.enum(['NONE', 'TEXT', 'HTML', 'PDF', 'XML']);
export const paymentOption = z.enum(['TERMS', 'METHODS']);
export const paymentTerms = z.enum(['BANKGIRO', 'EHF', 'CREDITCARD', 'AVTALEGIRO', 'EFAKTURA', 'EFAKTURA/AVTALEGIRO', 'VIPPS']);
export type PaymentTerms = z.infer<typeof paymentTerms>;
export const requestSource = z.enum(['WEB', 'CSR']);
export const customerType = z.enum(['CONSUMER', 'BUSINESS']);
export const taxpayerExemptionLevel = z.enum(['NONE', 'PARTIAL', 'FULL']);
export const payMethodType = z.enum(['CC', 'CC-TOKEN']);
export const LOCALES = ['NO-BOKMAL', 'NO-NYNORSK', 'NO-BOKMAL-A-ENDING'] as const;

/**
 * Result codes. 004 defines 0 OK, 1 MORE (search) and "< 0 failure"; the negative
 * values below are this project's, used by the sandbox and understood by the client.
 */
export const RESULT = {
  OK: 0,
  MORE: 1,
  MALFORMED: -1,
  INVALID_FIELD: -2,
  AUTH_FAILED: -3,
  BAD_SIGNATURE: -4,
  EXPIRED: -5,
  REPLAYED: -6,
  UNKNOWN_ENDPOINT: -7,
  NOT_FOUND: -10,
  RULE_VIOLATION: -11,
  CONFLICT: -12,
  /** Sandbox: an action of a multi-action request that was rolled back because another failed. */
  NOT_APPLIED: -13,
  INTERNAL: -99,
} as const;
