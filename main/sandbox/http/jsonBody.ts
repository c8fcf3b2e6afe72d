// Parses a request body as JSON and, when it is malformed, says where it broke: line,
// column and the text around it. The spec's own samples have missing and trailing commas
// (docs/sandbox.md, "Spec samples"), so this message is what a caller will often see.
import { RESULT } from '../../../shared/amps/codes';
import { AmpsFailure } from './result';
import { findJsonError } from './jsonLocate';

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
  return value as Record<string, unknown>;
}
