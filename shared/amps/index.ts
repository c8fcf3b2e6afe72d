// The AMPS Account Management message catalogue: one entry per endpoint with the schema
// of the request (without msgAuthDetails) and of the response.
import type { z } from 'zod';
import type { EndpointName } from './codes';
import { acctSearchAccountRequest, acctSearchAccountResponse } from './search';
import {
  acctCreateAccountRequest,
  acctCreateAccountResponse,
  acctManageAccountRequest,
  acctManageAccountResponse,
  acctRetrieveAccountRequest,
  acctRetrieveAccountResponse,
} from './account';
import {
  acctManageBillingGroupRequest,
  acctManageBillingGroupResponse,
  acctRetrieveBillingGroupRequest,
  acctRetrieveBillingGroupResponse,
} from './billingGroup';
import { acctCompleteCCUpdateRequest, acctCompleteCCUpdateResponse, acctPrepareCCUpdateRequest, acctPrepareCCUpdateResponse } from './card';
import { acctCaptureCommentsRequest, acctCaptureCommentsResponse, acctRetrieveCommentsRequest, acctRetrieveCommentsResponse } from './comments';
import { acctChangePermAddressRequest, acctChangePermAddressResponse } from './permAddress';
import { acctRetrieveDeliveryInfoRequest, acctRetrieveDeliveryInfoResponse } from './deliveryInfo';

export const AMPS_MESSAGES = {
  AcctSearchAccount: { request: acctSearchAccountRequest, response: acctSearchAccountResponse },
  AcctManageAccount: { request: acctManageAccountRequest, response: acctManageAccountResponse },
  AcctCreateAccount: { request: acctCreateAccountRequest, response: acctCreateAccountResponse },
  AcctRetrieveAccount: { request: acctRetrieveAccountRequest, response: acctRetrieveAccountResponse },
  AcctManageBillingGroup: { request: acctManageBillingGroupRequest, response: acctManageBillingGroupResponse },
  AcctRetrieveBillingGroup: { request: acctRetrieveBillingGroupRequest, response: acctRetrieveBillingGroupResponse },
  AcctPrepareCCUpdate: { request: acctPrepareCCUpdateRequest, response: acctPrepareCCUpdateResponse },
  AcctCompleteCCUpdate: { request: acctCompleteCCUpdateRequest, response: acctCompleteCCUpdateResponse },
  AcctCaptureComments: { request: acctCaptureCommentsRequest, response: acctCaptureCommentsResponse },
  AcctRetrieveComments: { request: acctRetrieveCommentsRequest, response: acctRetrieveCommentsResponse },
  AcctChangePermAddress: { request: acctChangePermAddressRequest, response: acctChangePermAddressResponse },
  AcctRetrieveDeliveryInfo: { request: acctRetrieveDeliveryInfoRequest, response: acctRetrieveDeliveryInfoResponse },
} as const satisfies Record<EndpointName, { request: z.ZodType; response: z.ZodType }>;

export type AmpsMessages = typeof AMPS_MESSAGES;
export type AmpsRequest<E extends EndpointName> = z.input<AmpsMessages[E]['request']>;
export type AmpsResponse<E extends EndpointName> = z.infer<AmpsMessages[E]['response']>;

export * from './codes';
export * from './fields';
export * from './search';
export * from './account';
export * from './billingGroup';
export * from './card';
export * from './comments';
export * from './permAddress';
export * from './deliveryInfo';
export * from './commentSplit';
export * from './signature';
export * from './core';
