// Looks for card numbers at rest (security.md: "scan stored files for Luhn-valid 13–19 digit
// runs"), for the card update tests (D65). Its own Luhn, written apart from the app's
// (main/sandbox/directpost/card.ts, main/core/audit/scrub.ts), so a bug there cannot hide here.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Luhn by the doubling table: digit d in an even position from the right counts as DOUBLED[d]. */
const DOUBLED = [0, 2, 4, 6, 8, 1, 3, 5, 7, 9];
export function luhnOk(digits: string): boolean {
  let total = 0;
  const n = digits.length;
  for (let k = 0; k < n; k++) {
    const d = Number(digits[n - 1 - k]);
    total += k % 2 === 1 ? DOUBLED[d]! : d;
  }
  return total % 10 === 0;
}

/** GS1 mod-10 (weights 3,1 from the right of the payload): an EAN-13 / GLN of an EHF customer. */
function gs1Ean13(digits: string): boolean {
  if (digits.length !== 13) return false;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(digits[i]) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10 === Number(digits[12]);
}

/** A 13-digit epoch-millisecond time in 2020–2040: no card scheme issues 13-digit numbers starting 1 or 2. */
const epochMillis = (digits: string) => digits.length === 13 && Number(digits) >= Date.UTC(2020, 0, 1) && Number(digits) < Date.UTC(2040, 0, 1);

export interface Finding {
  digits: string;
  at: number;
}

/**
 * Every Luhn-valid run of 13–19 digits in `text`, written together or in groups separated by
 * one space or dash ("4111 1111 1111 1111"). The documented exceptions (D65): an EAN-13 with a
 * valid GS1 check digit (D35), a 13-digit epoch-millisecond time of 2020–2040, and digits inside
 * a hex word of 32 or more characters with letters in it or inside a UUID (a hash, key or
 * identifier, not a number anyone typed).
 */
export function cardNumbersIn(text: string): Finding[] {
  const hashes: Array<[number, number]> = [];
  for (const m of text.matchAll(/[0-9a-fA-F]{32,}/g)) if (/[a-fA-F]/.test(m[0])) hashes.push([m.index, m.index + m[0].length]);
  // A UUID is an identifier too: its all-digit groups can read as "9008-8502163393".
  for (const m of text.matchAll(/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/g)) hashes.push([m.index, m.index + m[0].length]);
  const inHash = (at: number) => hashes.some(([a, b]) => at >= a && at < b);
  const found: Finding[] = [];
  for (const m of text.matchAll(/\d(?:[ -]?\d){12,}/g)) {
    if (inHash(m.index)) continue;
    const run = m[0].replace(/[ -]/g, '');
    // The whole run when it has 13–19 digits; for a longer one, its first and last 13–19
    // digits (a card number glued to other digits at either end is still one).
    const candidates = new Set<string>();
    if (run.length <= 19) candidates.add(run);
    else for (let len = 13; len <= 19; len++) candidates.add(run.slice(0, len)).add(run.slice(-len));
    for (const digits of candidates) if (luhnOk(digits) && !gs1Ean13(digits) && !epochMillis(digits)) found.push({ digits, at: m.index });
  }
  return found;
}

export function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

/** Each file's findings (bytes read as latin1, so every byte is one character). */
export function scanFiles(files: string[]): Array<{ file: string; findings: Finding[] }> {
  return files.map((file) => ({ file, findings: cardNumbersIn(readFileSync(file).toString('latin1')) })).filter((r) => r.findings.length);
}
