// A refusal of a core call: Aria's error_code, a message naming the field, and the field.
import { CORE_ERROR, type CoreErrorCode } from '../../../shared/amps/core';

export class CoreFailure extends Error {
  constructor(
    readonly code: CoreErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** A refusal about one field: "<field>: <reason>". */
export const refuse = (code: CoreErrorCode, field: string, reason: string) => new CoreFailure(code, `${field}: ${reason}`, field);

export const missing = (field: string, reason = 'is required') => refuse(CORE_ERROR.MISSING_PARAMETER, field, reason);
export const invalid = (field: string, reason: string) => refuse(CORE_ERROR.INVALID_INPUT, field, reason);
