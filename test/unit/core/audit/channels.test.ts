// The audit.* channels through the real router and composition root.
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../../main/core/app';
import type { CallContext } from '../../../../main/core/router';
import { MemorySecretStore } from '../../../../main/core/secrets/secretStore';
import { contract } from '../../../../shared/ipc';
import { csvCell } from '../../../../main/core/audit/csv';
import { clock, input, kari, tempDir } from './helpers';
import { signInAs, TEST_SCRYPT } from '../../../helpers/operators';

const ctx: CallContext = { transport: 'test', trustedSender: true };

async function core() {
  const c = createCore({ dataDir: tempDir(), secrets: new MemorySecretStore(), transport: 'web', version: 't', checkOutputs: true, now: clock(), demoOperators: true, scrypt: TEST_SCRYPT });
  await c.audit.ready;
  // The channels are supervisors'; the sign-in is itself the log's first entry (seq 1).
  await signInAs((ch, i) => c.router.call(ch, i, ctx), 'supervisor');
  return c;
}

describe('audit channels', () => {
  it('are for supervisors and admins only (in the contract)', () => {
    for (const c of ['audit.list', 'audit.verify', 'audit.exportCsv'] as const) expect(contract[c].roles).toEqual(['supervisor', 'admin']);
  });

  it('audit.list pages newest first and counts the filtered total', async () => {
    const c = await core();
    for (let i = 1; i <= 7; i++) c.audit.append(input(i));
    const page = await c.router.call('audit.list', { order: 'desc', limit: 3, offset: 3 }, ctx);
    expect(page).toMatchObject({ ok: true, value: { total: 8, offset: 3 } });
    expect(page.ok && (page.value as { entries: { seq: number }[] }).entries.map((e) => e.seq)).toEqual([5, 4, 3]);
    const kariOnly = await c.router.call('audit.list', { operatorId: 'kari' }, ctx);
    expect(kariOnly.ok && (kariOnly.value as { total: number }).total).toBe(5);
    c.close();
  });

  it('audit.list refuses a bad filter naming the field', async () => {
    const c = await core();
    const r = await c.router.call('audit.list', { from: 'last week' }, ctx);
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'from' }] } });
    const big = await c.router.call('audit.list', { limit: 5000 }, ctx);
    expect(big).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'limit' }] } });
    c.close();
  });

  it('audit.verify answers the verdict with when and how long', async () => {
    const c = await core();
    for (let i = 1; i <= 3; i++) c.audit.append(input(i));
    const v = await c.router.call('audit.verify', {}, ctx);
    expect(v).toMatchObject({ ok: true, value: { ok: true, entries: 4, signedThrough: 4, keySource: 'secret-store' } });
    c.close();
  });

  it('audit.exportCsv: RFC 4180 quoting, formulas neutralised, only what is filtered; the export is itself recorded', async () => {
    const c = await core();
    c.audit.append(input(1, { accountNo: 5001, reason: '=HYPERLINK("http://evil","x")', after: { text: 'a, "b"\nc' } }));
    c.audit.append(input(2, { accountNo: 5002, reason: '+47 not a formula' }));
    c.audit.append(input(3, { accountNo: 5001, reason: '@SUM(A1)', operator: kari }));
    const r = await c.router.call('audit.exportCsv', { accountNo: 5001 }, ctx);
    expect(r.ok).toBe(true);
    const { csv, rows, fileName } = (r as { ok: true; value: { csv: string; rows: number; fileName: string } }).value;
    expect(rows).toBe(2);
    expect(fileName).toMatch(/^audit-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2}\.csv$/);
    expect(csv.startsWith('\uFEFFseq,at,kind,operator_id,operator_name,operator_role,action,account_no,request_id,profile,outcome,reason,before,after,detail,prev_hash,hash\r\n')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(4); // header, 2 rows, '' after the last CRLF
    expect(lines[1]).toContain(`,"'=HYPERLINK(""http://evil"",""x"")",,"{""text"":""a, \\""b\\""\\nc""}",`);
    expect(lines[2]).toContain(",'@SUM(A1),");
    expect(csv).not.toContain('+47 not a formula'); // account 5002 is filtered out
    // Recorded: an event by the operator, with the filter and the count.
    const last = c.audit.list({ order: 'desc', limit: 1 })[0]!;
    expect(last).toMatchObject({ kind: 'event', action: 'audit.exported', detail: { rows: 2, filter: { accountNo: 5001 } } });
    c.close();
  });

  it('csvCell quotes and neutralises exactly', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('+2')).toBe("'+2");
    expect(csvCell('@x')).toBe("'@x");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('=a,b')).toBe(`"'=a,b"`);
    expect(csvCell('a=b')).toBe('a=b');
  });
});
