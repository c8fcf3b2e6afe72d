// Where a malformed body broke, for the -1 message.
import { describe, expect, it } from 'vitest';
import { findJsonError } from '../../../main/sandbox/http/jsonLocate';
import { parseJsonBody } from '../../../main/sandbox/http/jsonBody';

describe('findJsonError', () => {
  it('finds nothing in valid JSON and the first error otherwise', () => {
    for (const ok of ['{}', '[1, 2.5e3, "a\\u00e9", true, null]', '{"a": {"b": [ ]}}']) expect(findJsonError(ok), ok).toBeUndefined();
    expect(findJsonError('{"a": 1 "b": 2}')).toEqual({ position: 8, reason: "missing ',' between properties" });
    expect(findJsonError('{"a": [1,]}')).toEqual({ position: 9, reason: "trailing comma before ']'" });
    expect(findJsonError('{"a": "x\ny"}')).toMatchObject({ reason: 'control character in string' });
    expect(findJsonError('{"a": 1} x')).toMatchObject({ reason: 'unexpected text after the JSON value' });
  });
  it('reports line and column in the failure text', () => {
    expect(() => parseJsonBody('{\n  "a": 1,\n  "b": -\n}')).toThrow(/line 3, column 8: no number after minus sign/);
  });
});

describe('findJsonError on deep input', () => {
  it("stops at the depth limit instead of overflowing the stack", async () => {
    const { findJsonError } = await import('../../../main/sandbox/http/jsonLocate');
    expect(findJsonError('['.repeat(100_000))).toEqual({ position: 32, reason: 'objects and arrays nested deeper than 32 levels' });
    expect(findJsonError(`${'['.repeat(32)}${']'.repeat(31)}`)).toEqual({ position: 63, reason: "expected ',' or ']' after array element" });
  });
});
