// Before → after for the write confirmation: flattens two values into dotted paths and
// lists the paths whose value differs. "", null and undefined all mean "empty" (the
// API treats them alike), so clearing an absent field is not a change.

export type Scalar = string | number | boolean | null;

export interface FieldChange {
  /** Dotted path as in the request, e.g. "paymentTermInfo.paymentEANNum". */
  path: string;
  before: Scalar;
  after: Scalar;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function normalise(v: unknown): Scalar {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') return v.trim() === '' ? null : v;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  return String(v);
}

/** Flattens nested objects and arrays into { "a.b.0.c": scalar }. */
export function flattenFields(value: unknown, prefix = '', out: Record<string, Scalar> = {}): Record<string, Scalar> {
  if (isPlainObject(value)) {
    for (const [k, v] of Object.entries(value)) flattenFields(v, prefix ? `${prefix}.${k}` : k, out);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => flattenFields(v, prefix ? `${prefix}.${i}` : String(i), out));
  } else if (prefix) {
    out[prefix] = normalise(value);
  }
  return out;
}

export interface DiffOptions {
  /** Paths (or path prefixes ending in ".") left out of the comparison, e.g. identifiers. */
  ignore?: readonly string[];
  /** Compare only these paths (and what is under them); default: all paths of both sides. */
  only?: readonly string[];
}

const matches = (path: string, patterns: readonly string[]) => patterns.some((p) => path === p || path.startsWith(p.endsWith('.') ? p : `${p}.`));

/** The changed fields, in the order they appear in `after`, then any only in `before`. */
export function diffFields(before: unknown, after: unknown, opts: DiffOptions = {}): FieldChange[] {
  const a = flattenFields(before);
  const b = flattenFields(after);
  const paths = [...Object.keys(b), ...Object.keys(a).filter((k) => !(k in b))];
  const changes: FieldChange[] = [];
  for (const path of paths) {
    if (opts.ignore && matches(path, opts.ignore)) continue;
    if (opts.only && !matches(path, opts.only)) continue;
    const x = a[path] ?? null;
    const y = b[path] ?? null;
    if (x !== y) changes.push({ path, before: x, after: y });
  }
  return changes;
}

/** Drops empty strings, nulls, undefined and objects left empty: what a request should carry. */
export function compactRequest<T>(value: T): T | undefined {
  if (Array.isArray(value)) {
    const arr = value.map((v) => compactRequest(v)).filter((v) => v !== undefined);
    return arr as T;
  }
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const c = compactRequest(v);
      if (c !== undefined) out[k] = c;
    }
    return (Object.keys(out).length ? out : undefined) as T | undefined;
  }
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return (value.trim() === '' ? undefined : value) as T | undefined;
  return value;
}
