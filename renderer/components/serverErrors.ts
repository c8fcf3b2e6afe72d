// Puts the field errors main sent back (paths like "group.paymentTermInfo.paymentEANNum")
// on the matching form fields; returns the ones no field shows, for the alert.
import type { FieldIssue } from '../../shared/ipc';

export function applyFieldErrors(
  fields: FieldIssue[] | undefined,
  prefix: string,
  known: (path: string) => boolean,
  setError: (path: string, message: string) => void,
): FieldIssue[] {
  const rest: FieldIssue[] = [];
  for (const f of fields ?? []) {
    const path = prefix && f.path.startsWith(`${prefix}.`) ? f.path.slice(prefix.length + 1) : f.path;
    if (known(path)) setError(path, f.message);
    else rest.push(f);
  }
  return rest;
}
