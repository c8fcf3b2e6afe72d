// Deeply nested input to the router (both transports) is bad input naming its depth, before
// anything recurses over it — not "too large (Infinity bytes)" (D20).
import { describe, expect, it } from 'vitest';
import { createRouter, type Handlers } from '../../../main/core/router';

const nest = (levels: number): Record<string, unknown> => {
  let v: Record<string, unknown> = { lastName: 'Hansen' };
  for (let i = 1; i < levels; i++) v = { x: v };
  return v;
};

describe('the router and deep input', () => {
  const router = createRouter({} as Handlers);
  const ctx = { transport: 'test' as const, trustedSender: true };

  it('refuses input nested thousands deep with VALIDATION, in words', async () => {
    for (const levels of [40, 5_000, 100_000]) {
      const r = await router.call('accounts.search', { criteria: nest(levels) }, ctx);
      expect(r, String(levels)).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: 'The request nests objects and arrays deeper than 32 levels', fields: [{ path: '(input)' }] } });
    }
  });

  it('a cyclic input (Electron\'s structured clone allows it) is refused the same way, without looping', async () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const r = await router.call('accounts.search', { criteria: cyclic }, ctx);
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});
