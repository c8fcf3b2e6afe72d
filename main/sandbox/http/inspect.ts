// Hostile-input checks on a parsed request body, run right after JSON.parse and before
// anything else touches the value (authentication, canonicalisation for the 2.0
// signature, key trimming, validation): those all recurse, so a body nested thousands of
// levels deep must be refused before them (docs/sandbox.md, "Hostile input"; D20).
// The walk itself is iterative (an explicit stack), so it cannot overflow.
//
// - nesting deeper than MAX_JSON_DEPTH            → -1, naming where it got too deep
// - a NUL or another control character (not tab, LF, CR) in a text or a key → -2, the field
// - an unpaired UTF-16 surrogate (a "\ud800" escape) in a text or a key    → -2, the field
import { RESULT } from '../../../shared/amps/codes';
import { MAX_JSON_DEPTH } from '../../core/amps/signer';
import { AmpsFailure, fieldFailure } from './result';

export { MAX_JSON_DEPTH };

// C0 controls except TAB (09), LF (0A) and CR (0D): NUL ends a string in C (SQLite's FTS5
// query parser reads "unterminated string"), the others are never text a CSR typed.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const hex = (c: string) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/** What is wrong with a text, in words, or undefined when it is fine. */
export function textProblem(s: string): string | undefined {
  const control = CONTROL.exec(s);
  if (control)
    return `contains ${control[0] === '\u0000' ? 'a NUL character' : 'a control character'} (${hex(control[0])}) at position ${control.index + 1}; only tab and line breaks are allowed`;
  const lone = LONE_SURROGATE.exec(s);
  if (lone) return `contains an unpaired surrogate (${hex(lone[0])}) at position ${lone.index + 1}, which is not valid Unicode text`;
  return undefined;
}

const SIMPLE_KEY = /^[A-Za-z_$][\w$ -]*$/;
const child = (path: string, key: string | number) =>
  typeof key === 'number' ? `${path}[${key}]` : SIMPLE_KEY.test(key) ? (path ? `${path}.${key}` : key) : `${path}[${JSON.stringify(key)}]`;

/** A path for messages, cut after a few segments (a deep one would be thousands long). */
function shortPath(segments: readonly (string | number)[], max = 8): string {
  let out = '';
  for (const s of segments.slice(0, max)) out = child(out, s);
  return segments.length > max ? `${out}…` : out || '(body)';
}

interface Where {
  parent: Where | undefined;
  key: string | number;
}
const segments = (w: Where | undefined, last?: string | number): (string | number)[] => {
  const out: (string | number)[] = last === undefined ? [] : [last];
  for (let x = w; x; x = x.parent) out.push(x.key);
  return out.reverse();
};

/**
 * Throws an AmpsFailure for the first problem found. Linear in the body's size: no path is
 * built unless there is something to report (a 1 MB body takes a few milliseconds).
 */
export function inspectJson(root: unknown, maxDepth = MAX_JSON_DEPTH): void {
  if (root === null || typeof root !== 'object') return;
  const stack: { v: object; at: Where | undefined; depth: number }[] = [{ v: root, at: undefined, depth: 1 }];
  const bad = (at: Where | undefined, key: string | number, problem: string, isKey: boolean): never => {
    throw fieldFailure(RESULT.INVALID_FIELD, shortPath(segments(at, key), 50), isKey ? `the key ${problem}` : problem);
  };
  while (stack.length) {
    const { v, at, depth } = stack.pop()!;
    if (depth > maxDepth) {
      const where = shortPath(segments(at));
      throw new AmpsFailure(
        RESULT.MALFORMED,
        `Malformed request: the body nests objects and arrays deeper than ${maxDepth} levels (at ${where}); AMPS requests need fewer than 10`,
        [{ path: where, message: `nested deeper than ${maxDepth} levels` }],
      );
    }
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) {
        const x: unknown = v[i];
        if (typeof x === 'string') {
          const problem = textProblem(x);
          if (problem) bad(at, i, problem, false);
        } else if (x !== null && typeof x === 'object') stack.push({ v: x, at: { parent: at, key: i }, depth: depth + 1 });
      }
    } else {
      const keys = Object.keys(v);
      for (let i = keys.length - 1; i >= 0; i--) {
        const k = keys[i]!;
        const keyProblem = textProblem(k);
        if (keyProblem) bad(at, k, keyProblem, true);
        const x: unknown = (v as Record<string, unknown>)[k];
        if (typeof x === 'string') {
          const problem = textProblem(x);
          if (problem) bad(at, k, problem, false);
        } else if (x !== null && typeof x === 'object') stack.push({ v: x, at: { parent: at, key: k }, depth: depth + 1 });
      }
    }
  }
}

/**
 * The first key that appears twice in one object of a JSON text, or undefined. JSON.parse
 * keeps the last silently; a proxy or log that reads the first would see another request
 * than the one executed, so a duplicate is refused (-2, naming it). Only called on text that
 * JSON.parse accepted and inspectJson passed (so nesting is bounded); iterative anyway.
 */
export function findDuplicateKey(text: string): { path: string; position: number } | undefined {
  interface Frame {
    keys: Set<string> | undefined; // undefined: an array
    expectKey: boolean;
    path: (string | number)[];
    index: number;
    lastKey: string;
  }
  const stack: Frame[] = [];
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // A string: find its closing quote (one not escaped by an odd run of backslashes).
      let j = i;
      for (;;) {
        j = text.indexOf('"', j + 1);
        let k = j - 1;
        while (text.charCodeAt(k) === 0x5c) k--;
        if ((j - 1 - k) % 2 === 0) break;
      }
      const top = stack[stack.length - 1];
      if (top?.keys && top.expectKey) {
        const raw = text.slice(i, j + 1);
        const key = raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
        if (top.keys.has(key)) return { path: shortPath([...top.path, key], 50), position: i };
        top.keys.add(key);
        top.lastKey = key;
        top.expectKey = false;
      }
      i = j;
      continue;
    }
    if (c === 0x7b || c === 0x5b) {
      const top = stack[stack.length - 1];
      const path = top ? [...top.path, top.keys ? top.lastKey : top.index] : [];
      stack.push({ keys: c === 0x7b ? new Set() : undefined, expectKey: c === 0x7b, path, index: 0, lastKey: '' });
    } else if (c === 0x7d || c === 0x5d) {
      stack.pop();
    } else if (c === 0x2c) {
      const top = stack[stack.length - 1];
      if (top?.keys) top.expectKey = true;
      else if (top) top.index++;
    }
  }
  return undefined;
}
