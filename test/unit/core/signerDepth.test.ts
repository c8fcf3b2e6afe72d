// canonicalJson recurses: the signer refuses a body nested deeper than MAX_JSON_DEPTH with
// a clear error before canonicalising (D20), instead of overflowing the stack.
import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, RequestTooDeepError, jsonDepth, signerV2 } from '../../../main/core/amps/signer';

const nest = (levels: number): Record<string, unknown> => {
  let v: Record<string, unknown> = {};
  for (let i = 1; i < levels; i++) v = { x: v };
  return v;
};
const fields = { clientNo: 1, requestDateTime: '2026-01-01T00:00:00.000' };

describe('signing deep bodies', () => {
  it('counts depth without recursion (the body is level 1)', () => {
    expect(jsonDepth({})).toBe(1);
    expect(jsonDepth({ a: [{ b: 1 }] })).toBe(3);
    expect(jsonDepth(nest(100_000), 1_000_000)).toBe(100_000);
  });

  it('signs up to the limit and refuses beyond it, also thousands deep', () => {
    expect(MAX_JSON_DEPTH).toBe(32);
    expect(signerV2.sign({ endpoint: 'AcctSearchAccount', fields, body: nest(32) }, 's')).toMatch(/^[0-9a-f]{64}$/);
    expect(() => signerV2.sign({ endpoint: 'AcctSearchAccount', fields, body: nest(33) }, 's')).toThrow(RequestTooDeepError);
    expect(() => signerV2.sign({ endpoint: 'AcctSearchAccount', fields, body: nest(5000) }, 's')).toThrow(/deeper than 32 levels/);
  });
});
