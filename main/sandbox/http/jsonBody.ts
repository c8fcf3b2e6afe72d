// Parses a request body as JSON and, when it is malformed, says where it broke: line,
// column and the text around it. The spec's own samples have missing and trailing commas
// (docs/sandbox.md, "Spec samples"), so this message is what a caller will often see.
import { isUtf8 } from 'node:buffer';
import { RESULT } from '../../../shared/amps/codes';
import { AmpsFailure } from './result';
import { findJsonError } from './jsonLocate';
import { findDuplicateKey, inspectJson } from './inspect';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The body as text. Bytes that are not UTF-8 (among them a surrogate encoded on its own,
 * ED A0 80) are refused with where they are, instead of being read as U+FFFD and stored.
 */
export function decodeBody(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    const lenient = Buffer.from(new TextDecoder('utf-8').decode(bytes), 'utf8');
    let at = 0;
    while (at < bytes.length && bytes[at] === lenient[at]) at++;
    // The first differing byte can be inside the bad sequence: back to where valid text ends.
    while (at > 0 && !isUtf8(bytes.subarray(0, at))) at--;
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, at));
    const { line, column } = locate(before, before.length);
    const near = before.slice(-30).replace(/\s+/g, ' ').trim();
    throw new AmpsFailure(
      RESULT.MALFORMED,
      `Malformed request: the body is not valid UTF-8 at byte ${at + 1} (line ${line}, column ${column}${near ? `, after "${near}"` : ''}); send text as UTF-8, without unpaired surrogates`,
    );
  }
}

export function locate(text: string, position: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < position && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: position - lineStart + 1 };
}

export function parseJsonBody(text: string): Record<string, unknown> {
  if (!text.trim()) throw new AmpsFailure(RESULT.MALFORMED, 'Malformed request: the body is empty; expected a JSON object');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const found = findJsonError(text);
    if (!found) throw new AmpsFailure(RESULT.MALFORMED, 'Malformed JSON');
    const { line, column } = locate(text, found.position);
    const near = text.slice(Math.max(0, found.position - 30), found.position + 10).replace(/\s+/g, ' ').trim();
    throw new AmpsFailure(RESULT.MALFORMED, `Malformed JSON at line ${line}, column ${column}: ${found.reason} (near "${near}")`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new AmpsFailure(RESULT.MALFORMED, 'Malformed request: the body must be a JSON object');
  inspectJson(value); // depth, NUL and other control characters, unpaired surrogates
  const dup = findDuplicateKey(text);
  if (dup) {
    const { line, column } = locate(text, dup.position);
    throw new AmpsFailure(RESULT.INVALID_FIELD, `${dup.path}: appears twice (line ${line}, column ${column}); send each field once`, [
      { path: dup.path, message: 'appears twice; send each field once' },
    ]);
  }
  return value as Record<string, unknown>;
}
