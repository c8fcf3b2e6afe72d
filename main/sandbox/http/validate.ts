// Validates a normalised request with the shared zod schema and turns zod's issues into
// the sandbox's field errors: "acctCaptureCommentCriteria.acctCommentText: may be at most
// 20000 characters" (resultCode -2, errorFields; docs/decisions.md D7).
import type { z } from 'zod';
import { RESULT } from '../../../shared/amps/codes';
import { AmpsFailure, type ErrorField } from './result';

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out || '(body)';
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

const describe = (v: unknown) =>
  v === null
    ? 'null'
    : Array.isArray(v)
      ? 'an array'
      : typeof v === 'string'
        ? `"${v.slice(0, 40)}"`
        : typeof v === 'number' && !Number.isFinite(v)
          ? 'a number too large for JSON' // 1e400 reads as Infinity
          : typeof v === 'number'
            ? String(v)
            : typeof v;

/** zod's type names in words: "a whole number", "an array". */
const EXPECTED: Record<string, string> = { int: 'a whole number', object: 'an object', array: 'an array', number: 'a number' };

function message(issue: z.core.$ZodIssue, input: unknown): string {
  const given = valueAt(input, issue.path);
  switch (issue.code) {
    case 'invalid_type':
      return given === undefined ? 'is required' : `must be ${EXPECTED[issue.expected] ?? `a ${issue.expected}`} (got ${describe(given)})`;
    case 'too_big':
      if (issue.origin === 'string') return `may be at most ${issue.maximum} characters (got ${String(given ?? '').length})`;
      if (issue.origin === 'array') return `may have at most ${issue.maximum} entries`;
      return `must be at most ${issue.maximum}`;
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'must not be empty' : `must have at least ${issue.minimum} characters`;
      if (issue.origin === 'array') return `needs at least ${issue.minimum} ${Number(issue.minimum) === 1 ? 'entry' : 'entries'}`;
      return `must be at least ${issue.minimum}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map(String).join(', ')} (got ${describe(given)})`;
    case 'invalid_union':
      if ('discriminator' in issue && issue.discriminator) {
        const options = (issue as { options?: unknown[] }).options ?? [];
        return `${given === undefined ? 'is required' : `${describe(given)} is not a known value`}; expected one of ${options.map(String).join(', ')}`;
      }
      return `does not match any accepted form (got ${describe(given)})`;
    default:
      return issue.message;
  }
}

export function zodFailure(issues: readonly z.core.$ZodIssue[], input: unknown): AmpsFailure {
  const fields: ErrorField[] = issues.slice(0, 20).map((i) => ({ path: formatPath(i.path), message: message(i, input) }));
  const first = fields[0]!;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return new AmpsFailure(RESULT.INVALID_FIELD, `Invalid field ${first.path}: ${first.message}${more}`, fields);
}

export function validateWith<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw zodFailure(parsed.error.issues, input);
  return parsed.data;
}
