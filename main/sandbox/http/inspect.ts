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

/** Throws an AmpsFailure for the first problem found, in document order. */
export function inspectJson(root: unknown, maxDepth = MAX_JSON_DEPTH): void {
  // Each entry: a value, its path segments and its depth (the body object is depth 1).
  const stack: { v: unknown; path: (string | number)[]; depth: number }[] = [{ v: root, path: [], depth: 0 }];
  while (stack.length) {
    const { v, path, depth } = stack.pop()!;
    const key = path[path.length - 1];
    if (typeof key === 'string') {
      const problem = textProblem(key);
      if (problem) throw fieldFailure(RESULT.INVALID_FIELD, shortPath(path, 50), `the key ${problem}`);
    }
    if (typeof v === 'string') {
      const problem = textProblem(v);
      if (problem) throw fieldFailure(RESULT.INVALID_FIELD, shortPath(path, 50), problem);
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (depth + 1 > maxDepth) {
      const where = shortPath(path);
      throw new AmpsFailure(
        RESULT.MALFORMED,
        `Malformed request: the body nests objects and arrays deeper than ${maxDepth} levels (at ${where}); AMPS requests need fewer than 10`,
        [{ path: where, message: `nested deeper than ${maxDepth} levels` }],
      );
    }
    const entries: [string | number, unknown][] = Array.isArray(v) ? v.map((x, i) => [i, x]) : Object.entries(v);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [k, x] = entries[i]!;
      stack.push({ v: x, path: [...path, k], depth: depth + 1 });
    }
  }
}
