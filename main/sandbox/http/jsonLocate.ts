// Finds where a JSON text stops being valid, for the error message of a malformed request.
// Only runs after JSON.parse has failed (V8 does not always report a position). It recurses
// per nesting level, so it stops at MAX_JSON_DEPTH (a body that deep is refused anyway):
// thousands of unclosed brackets are a message, not a stack overflow.
import { MAX_JSON_DEPTH } from '../../core/amps/signer';

export interface JsonSyntaxError {
  position: number;
  reason: string;
}

export function findJsonError(text: string, maxDepth = MAX_JSON_DEPTH): JsonSyntaxError | undefined {
  let i = 0;
  let depth = 0;
  const fail = (reason: string): never => {
    // Text copied from web pages (004's samples included) often indents with U+00A0.
    if (text[i] === '\u00a0') reason = 'a non-breaking space (U+00A0) is not JSON whitespace';
    throw { position: i, reason } satisfies JsonSyntaxError;
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const str = () => {
    i++; // opening quote
    while (i < text.length) {
      const c = text[i]!;
      if (c === '"') return void i++;
      if (c === '\\') {
        i++;
        if (!'"\\/bfnrtu'.includes(text[i] ?? '')) fail('bad escape in string');
      } else if (c.charCodeAt(0) < 0x20) fail('control character in string');
      i++;
    }
    fail('unterminated string');
  };
  const num = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m) fail(text[i] === '-' ? 'no number after minus sign' : `unexpected character '${text[i]}'`);
    i += m![0].length;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === undefined) fail('unexpected end of input');
    if (c === '{') return obj();
    if (c === '[') return arr();
    if (c === '"') return str();
    if (c === '-' || (c! >= '0' && c! <= '9')) return num();
    for (const lit of ['true', 'false', 'null']) if (text.startsWith(lit, i)) return void (i += lit.length);
    fail(`unexpected character '${c}'`);
  };
  const deeper = () => {
    if (++depth > maxDepth) fail(`objects and arrays nested deeper than ${maxDepth} levels`);
  };
  const close = () => {
    i++;
    depth--;
  };
  const obj = () => {
    deeper();
    i++;
    ws();
    if (text[i] === '}') return close();
    for (;;) {
      ws();
      if (text[i] !== '"') fail(text[i] === '}' ? "trailing comma before '}'" : 'expected a double-quoted property name');
      str();
      ws();
      if (text[i] !== ':') fail("expected ':' after property name");
      i++;
      value();
      ws();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === '}') return close();
      fail(text[i] === '"' ? "missing ',' between properties" : "expected ',' or '}' after property value");
    }
  };
  const arr = () => {
    deeper();
    i++;
    ws();
    if (text[i] === ']') return close();
    for (;;) {
      ws();
      if (text[i] === ']') fail("trailing comma before ']'");
      value();
      ws();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === ']') return close();
      fail("expected ',' or ']' after array element");
    }
  };
  try {
    value();
    ws();
    if (i < text.length) fail('unexpected text after the JSON value');
    return undefined;
  } catch (e) {
    if (e && typeof e === 'object' && 'position' in e) return e as JsonSyntaxError;
    throw e;
  }
}
