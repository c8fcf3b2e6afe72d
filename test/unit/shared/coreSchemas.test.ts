// The core API schemas (shared/amps/core.ts) read form-encoded text and JSON alike.
import { describe, expect, it } from 'vitest';
import { replaceAcctPlanRequest, getAcctPlansAllRequest, replaceAcctPlanResponse } from '../../../shared/amps/core';

describe('core API schemas', () => {
  it('reads form text as numbers, booleans and arrays', () => {
    const r = replaceAcctPlanRequest.parse({
      client_no: '90000259', auth_key: 'k', acct_no: '42000001', plan_instance_no: '130000001', new_client_plan_id: 'DT-DIGITAL',
      plan_units: '2', assignment_directive: '4', do_write: 'FALSE', coupon_codes: 'VELKOMMEN', effective_date: '',
    });
    expect(r).toMatchObject({ client_no: 90000259, acct_no: 42000001, plan_instance_no: 130000001, plan_units: 2, assignment_directive: 4, do_write: 'false', coupon_codes: ['VELKOMMEN'] });
    expect(r.effective_date).toBeUndefined();
  });

  it('names the missing references', () => {
    const r = replaceAcctPlanRequest.safeParse({ client_no: 1, auth_key: 'k' });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['acct_no', 'plan_instance_no', 'new_plan_no']));
    expect(getAcctPlansAllRequest.safeParse({ client_no: 1, auth_key: 'k' }).success).toBe(false);
  });

  it('refuses dates that do not exist and non-numbers', () => {
    const base = { client_no: 1, auth_key: 'k', acct_no: 1, plan_instance_no: 1, new_plan_no: 1 };
    expect(replaceAcctPlanRequest.safeParse({ ...base, effective_date: '2026-02-30' }).success).toBe(false);
    expect(replaceAcctPlanRequest.safeParse({ ...base, plan_units: 'two' }).success).toBe(false);
    expect(replaceAcctPlanRequest.safeParse({ ...base, do_write: 'yes' }).success).toBe(false);
  });

  it('accepts an error answer without the optional fields', () => {
    expect(replaceAcctPlanResponse.parse({ error_code: 1004, error_msg: 'authentication error' }).error_code).toBe(1004);
  });
});
