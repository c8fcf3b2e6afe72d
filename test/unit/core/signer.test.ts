import { describe, expect, it } from 'vitest';
import { signerV1, signerV2, signaturesEqual, signerFor } from '../../../main/core/amps/signer';
import { canonicalJson } from '../../../shared/amps/signature';

// Vectors computed independently with openssl (see docs/signing.md):
//   printf '1.0\n90000259\n2017-08-16T14:30:20\nACCT1\n0\nABV-USER' | openssl dgst -sha256 -hmac test-secret
const fields = { clientNo: 90000259, requestDateTime: '2017-08-16T14:30:20', ariaAccountID: 'ACCT1', ariaAccountNo: 0, userID: 'ABV-USER' };
const body = {
  msgAuthDetails: { ignored: true },
  acctRetrieveAccountCriteria: { ariaAccountNo: null, ariaAccountID: 'ACCT1' },
};

describe('signer 1.0 (HMAC-SHA256 over msgAuthDetails)', () => {
  it('matches the fixed vector', () => {
    expect(signerV1.sign({ endpoint: 'AcctRetrieveAccount', fields, body }, 'test-secret')).toBe(
      'f05723afc0a7add6e6501c667e65c589e926161c08cad8e343af9bb346b0e1d1',
    );
  });
  it('changes when the account or the secret changes, not when the payload does', () => {
    const base = signerV1.sign({ endpoint: 'X', fields, body }, 'test-secret');
    expect(signerV1.sign({ endpoint: 'X', fields: { ...fields, ariaAccountNo: 1 }, body }, 'test-secret')).not.toBe(base);
    expect(signerV1.sign({ endpoint: 'X', fields, body }, 'other')).not.toBe(base);
    expect(signerV1.sign({ endpoint: 'X', fields, body: {} }, 'test-secret')).toBe(base);
  });
});

describe('signer 2.0 (binds endpoint and payload)', () => {
  it('matches the fixed vector', () => {
    expect(canonicalJson({ acctRetrieveAccountCriteria: { ariaAccountNo: null, ariaAccountID: 'ACCT1' } })).toBe(
      '{"acctRetrieveAccountCriteria":{"ariaAccountID":"ACCT1","ariaAccountNo":null}}',
    );
    expect(signerV2.sign({ endpoint: 'AcctRetrieveAccount', fields, body }, 'test-secret')).toBe(
      'fb57666252c1bbaaa168b2d652ac365a45079f0c6532beeee00f71aa1f812e29',
    );
  });
  it('changes when one byte of the payload or the endpoint changes; key order does not matter', () => {
    const base = signerV2.sign({ endpoint: 'AcctRetrieveAccount', fields, body }, 's');
    const changed = { ...body, acctRetrieveAccountCriteria: { ariaAccountNo: null, ariaAccountID: 'ACCT2' } };
    expect(signerV2.sign({ endpoint: 'AcctRetrieveAccount', fields, body: changed }, 's')).not.toBe(base);
    expect(signerV2.sign({ endpoint: 'AcctSearchAccount', fields, body }, 's')).not.toBe(base);
    const reordered = { acctRetrieveAccountCriteria: { ariaAccountID: 'ACCT1', ariaAccountNo: null }, msgAuthDetails: {} };
    expect(signerV2.sign({ endpoint: 'AcctRetrieveAccount', fields, body: reordered }, 's')).toBe(base);
  });
});

describe('signature comparison', () => {
  it('accepts equal, refuses different or differently long values', () => {
    const s = 'f05723afc0a7add6e6501c667e65c589e926161c08cad8e343af9bb346b0e1d1';
    expect(signaturesEqual(s, s)).toBe(true);
    expect(signaturesEqual(s, s.toUpperCase())).toBe(true);
    expect(signaturesEqual(s, s.slice(0, -1) + '0')).toBe(false);
    expect(signaturesEqual(s, s.slice(0, 10))).toBe(false);
  });
  it('knows the two versions and no others', () => {
    expect(signerFor('1.0')).toBe(signerV1);
    expect(signerFor('2.0')).toBe(signerV2);
    expect(signerFor('3.0')).toBeUndefined();
  });
});
