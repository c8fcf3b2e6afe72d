// AMPS-level results: resultCode/resultText plus the sandbox's errorFields extension
// (docs/decisions.md D7). Handlers throw AmpsFailure; the server turns it into a response.
import { RESULT } from '../../../shared/amps/codes';

export interface ErrorField {
  path: string;
  message: string;
}

export interface ResultInfo {
  resultCode: number;
  resultText: string;
  errorFields?: ErrorField[];
}

export class AmpsFailure extends Error {
  constructor(
    readonly resultCode: number,
    message: string,
    readonly errorFields: ErrorField[] = [],
    /** More of the response body, e.g. the per-action rows of a rolled-back request. */
    readonly body: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AmpsFailure';
  }
}

export const ok = (): ResultInfo => ({ resultCode: RESULT.OK, resultText: 'OK' });

export function failureInfo(f: AmpsFailure): ResultInfo {
  return f.errorFields.length
    ? { resultCode: f.resultCode, resultText: f.message, errorFields: f.errorFields }
    : { resultCode: f.resultCode, resultText: f.message };
}

/** A failure about one field: the text names the field, errorFields points at it. */
export function fieldFailure(code: number, path: string, message: string): AmpsFailure {
  return new AmpsFailure(code, `${path}: ${message}`, [{ path, message }]);
}

export const invalid = (path: string, message: string) => fieldFailure(RESULT.INVALID_FIELD, path, message);
export const notFound = (path: string, message: string) => fieldFailure(RESULT.NOT_FOUND, path, message);
export const ruleViolation = (path: string, message: string) => fieldFailure(RESULT.RULE_VIOLATION, path, message);
export const conflict = (path: string, message: string) => fieldFailure(RESULT.CONFLICT, path, message);
