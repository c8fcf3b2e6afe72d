// Settling an unknown account change by reading the account (D59): each action is there,
// still as before, or cannot be told. Accounts and expectations are literals.
import { describe, expect, it } from 'vitest';
import { settleAccount } from '../../../../main/core/outbox/settle';
import type { Command } from '../../../../shared/commands';

type Manage = Extract<Command, { type: 'account.manage' }>;
const cmd = (actions: Manage['actions'], before?: Manage['before']): Manage => ({ type: 'account.manage', accountNo: 7, actions, ...(before ? { before } : {}) });
const account = (over: Record<string, unknown> = {}) => ({
  ariaStatusCode: 1,
  userID: 'kari-web',
  ariaAccountID: 'ACCT-7',
  acctContactDetails: { fullName: 'Kari Nordmann', cellPhone: '+4791234567', homePhone: '', emailAddress: 'kari@example.no', birthDate: '1970-05-17', postalCode: '0150', postalCity: 'OSLO' },
  ...over,
});
const modify = (ownerContactDetails: Record<string, unknown>) =>
  ({ actionDirective: 'MODIFY', acctManageAccountDetailsMODIFY: { ariaAccountNo: 7, ownerContactDetails } }) as Manage['actions'][number];
const status = (newStatusCode: 'ACTIVATE' | 'DEACTIVATE' | 'BANNED') =>
  ({ actionDirective: 'STATUS', acctManageAccountDetailsSTATUS: { ariaAccountNo: 7, newStatusCode } }) as Manage['actions'][number];
const cancel = { actionDirective: 'CANCEL', acctManageAccountDetailsCANCEL: { ariaAccountNo: 7 } } as Manage['actions'][number];
const assign = (d: { newUserID?: string; newAriaAccountID?: string }) =>
  ({ actionDirective: 'ASSIGN', acctManageAccountDetailsASSIGN: { ariaAccountNo: 7, ...d } }) as Manage['actions'][number];

describe('settleAccount', () => {
  describe('MODIFY (the contact)', () => {
    const edit = cmd([modify({ fullName: 'Kari Nordmann', cellPhone: '+4793456789' })], { 'ownerContactDetails.cellPhone': '+4791234567' });
    it('the new number on the account: applied', () => {
      expect(settleAccount(edit, account({ acctContactDetails: { ...account().acctContactDetails, cellPhone: '+4793456789' } }))).toMatchObject({ kind: 'applied' });
    });
    it('the old number still there: not applied (may be sent again)', () => {
      expect(settleAccount(edit, account())).toEqual({ kind: 'notApplied' });
    });
    it('a third number: undecided', () => {
      expect(settleAccount(edit, account({ acctContactDetails: { ...account().acctContactDetails, cellPhone: '+4740000000' } }))).toMatchObject({ kind: 'undecided' });
    });
    it('a cleared field and a cleared birth date read back empty: applied', () => {
      const c = cmd([modify({ fullName: 'Kari Nordmann', cellPhone: '', birthDate: null })], { 'ownerContactDetails.cellPhone': '+4791234567', 'ownerContactDetails.birthDate': '1970-05-17' });
      expect(settleAccount(c, account({ acctContactDetails: { ...account().acctContactDetails, cellPhone: '', birthDate: null } }))).toMatchObject({ kind: 'applied' });
      expect(settleAccount(c, account())).toEqual({ kind: 'notApplied' });
    });
    it('without the before values, an unchanged account cannot be told from a lost change', () => {
      expect(settleAccount(cmd([modify({ fullName: 'Kari Nordmann', cellPhone: '+4793456789' })]), account())).toMatchObject({ kind: 'undecided' });
    });
  });

  describe('STATUS and CANCEL', () => {
    it('ban: archived is applied, still active is not', () => {
      const ban = cmd([status('BANNED')], { ariaStatusCode: 1 });
      expect(settleAccount(ban, account({ ariaStatusCode: -99 }))).toEqual({ kind: 'applied', result: { results: [{ actionDirective: 'STATUS', resultCode: 0, resultText: 'settled by reading the account' }] } });
      expect(settleAccount(ban, account())).toEqual({ kind: 'notApplied' });
      expect(settleAccount(ban, account({ ariaStatusCode: 0 }))).toMatchObject({ kind: 'undecided' });
    });
    it('deactivate and activate', () => {
      expect(settleAccount(cmd([status('DEACTIVATE')], { ariaStatusCode: 1 }), account({ ariaStatusCode: 0 }))).toMatchObject({ kind: 'applied' });
      expect(settleAccount(cmd([status('ACTIVATE')], { ariaStatusCode: 0 }), account({ ariaStatusCode: 0 }))).toEqual({ kind: 'notApplied' });
    });
    it('cancel from active: inactive is applied; from inactive the status cannot tell', () => {
      expect(settleAccount(cmd([cancel], { ariaStatusCode: 1 }), account({ ariaStatusCode: 0 }))).toMatchObject({ kind: 'applied' });
      expect(settleAccount(cmd([cancel], { ariaStatusCode: 1 }), account())).toEqual({ kind: 'notApplied' });
      expect(settleAccount(cmd([cancel], { ariaStatusCode: 0 }), account({ ariaStatusCode: 0 }))).toMatchObject({ kind: 'undecided' });
    });
  });

  describe('ASSIGN', () => {
    it('the new user ID and account ID read back: applied; the old ones: not applied', () => {
      const c = cmd([assign({ newUserID: 'kari-2', newAriaAccountID: 'ACCT-7B' })], { userID: 'kari-web', ariaAccountID: 'ACCT-7' });
      expect(settleAccount(c, account({ userID: 'kari-2', ariaAccountID: 'ACCT-7B' }))).toMatchObject({ kind: 'applied' });
      expect(settleAccount(c, account())).toEqual({ kind: 'notApplied' });
      expect(settleAccount(c, account({ userID: 'kari-2' }))).toMatchObject({ kind: 'undecided' });
    });
  });

  describe('several actions', () => {
    it('one landed and the other reads as before: applied action by action, not sent again', () => {
      const c = cmd([assign({ newUserID: 'kari-2' }), status('DEACTIVATE')], { userID: 'kari-web', ariaStatusCode: 1 });
      expect(settleAccount(c, account({ userID: 'kari-2' }))).toEqual({
        kind: 'applied',
        result: {
          results: [
            { actionDirective: 'ASSIGN', resultCode: 0, resultText: 'settled by reading the account' },
            { actionDirective: 'STATUS', resultCode: -13, resultText: 'not seen on the account when it was read back' },
          ],
        },
      });
      expect(settleAccount(c, account())).toEqual({ kind: 'notApplied' });
      expect(settleAccount(c, account({ userID: 'kari-2', ariaStatusCode: 0 }))).toMatchObject({ kind: 'applied', result: { results: [{ resultCode: 0 }, { resultCode: 0 }] } });
      expect(settleAccount(c, account({ userID: 'someone-else' }))).toMatchObject({ kind: 'undecided' });
    });
  });
});
