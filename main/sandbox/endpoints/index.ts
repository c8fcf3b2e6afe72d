// One handler per endpoint: the eleven of 004 and the AcctRetrieveDeliveryInfo extension.
import type { z } from 'zod';
import type { AmpsMessages } from '../../../shared/amps';
import type { EndpointName } from '../../../shared/amps/codes';
import type { HandlerContext } from './context';
import { searchAccount } from './search';
import { manageAccount } from './manageAccount';
import { createAccount } from './createAccount';
import { retrieveAccount } from './retrieveAccount';
import { manageBillingGroup } from './manageBillingGroup';
import { retrieveBillingGroup } from './retrieveBillingGroup';
import { completeCCUpdate, prepareCCUpdate } from './card';
import { captureComments, retrieveComments } from './comments';
import { changePermAddress } from './permAddress';
import { retrieveDeliveryInfo } from './deliveryInfo';

type Handlers = { [E in EndpointName]: (ctx: HandlerContext, req: z.infer<AmpsMessages[E]['request']>) => Record<string, unknown> };

export const HANDLERS: Handlers = {
  AcctSearchAccount: searchAccount,
  AcctManageAccount: manageAccount,
  AcctCreateAccount: createAccount,
  AcctRetrieveAccount: retrieveAccount,
  AcctManageBillingGroup: manageBillingGroup,
  AcctRetrieveBillingGroup: retrieveBillingGroup,
  AcctPrepareCCUpdate: prepareCCUpdate,
  AcctCompleteCCUpdate: completeCCUpdate,
  AcctCaptureComments: captureComments,
  AcctRetrieveComments: retrieveComments,
  AcctChangePermAddress: changePermAddress,
  AcctRetrieveDeliveryInfo: retrieveDeliveryInfo,
};

/** Endpoints that only read: they run in a deferred transaction, writers in BEGIN IMMEDIATE. */
export const READ_ONLY: ReadonlySet<EndpointName> = new Set([
  'AcctSearchAccount', 'AcctRetrieveAccount', 'AcctRetrieveBillingGroup', 'AcctRetrieveComments', 'AcctRetrieveDeliveryInfo',
]);

export const isEndpoint = (name: string): name is EndpointName => Object.prototype.hasOwnProperty.call(HANDLERS, name);
