// EAN/GLN location numbers (EHF e-invoice addresses): 13 digits, the last a GS1 mod-10
// check digit. Spaces people type between groups are ignored.

/** The GS1 check digit of the digits before it (weights 3,1,3,… from the right). */
export function gs1CheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const d = body.charCodeAt(body.length - 1 - i) - 48;
    sum += d * (i % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

/** The GLN without spaces, or undefined when it is not 13 digits with a valid check digit. */
export function normalizeGln(input: string): string | undefined {
  const s = input.replace(/\s+/g, '');
  if (!/^\d{13}$/.test(s)) return undefined;
  return gs1CheckDigit(s.slice(0, 12)) === Number(s[12]) ? s : undefined;
}
