// A card number in free text (a comment, a reason, a review note): refused on the field, in the
// renderer before anything leaves the page and again in the router and the audit log (D95).
// Card data is typed only into the provider's hosted form (security.md); a number that looks
// like one must not reach main, the drafts, the outbox or the audit log by way of a comment.
// "Looks like a card": a Luhn-valid run of 13–19 digits not part of a longer run, or one written
// in groups (4-4-4-1..7 or 4-6-4..5, one kind of separator: space or dash), as cards are printed.
// A 13-digit EAN/GLN with a valid GS1 check digit (an EHF customer's identifier) is not a card:
// 13-digit card numbers are no longer issued, and a valid EHF billing group must be auditable.
import { z } from 'zod';
import { INPUT_RULE } from './messages';

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

const CONTIGUOUS = /(?<!\d)\d{13,19}(?!\d)/g;
const GROUPED = /(?<!\d)(?:\d{4}([ -])\d{4}\1\d{4}\1\d{1,7}|\d{4}([ -])\d{6}\2\d{4,5})(?!\d)/g;

function isGs1Ean13(digits: string): boolean {
  if (!/^\d{13}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(digits[i]) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10 === Number(digits[12]);
}

const looksLikeCard = (digits: string) => digits.length >= 13 && digits.length <= 19 && luhnValid(digits) && !isGs1Ean13(digits);

/**
 * A UUID (8-4-4-4-12 hex) is an identifier, never a card: its middle groups can be all digits
 * ("…-4111-7111-9111-112abc…" reads as 4-4-4-3 grouping), so about one random UUID in
 * 4,000 would otherwise look like a card, and every write naming that account or session
 * would be refused. Its digits are blanked before the scan.
 */
const UUID = /(?<![0-9a-f])[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?![0-9a-f])/gi;

/**
 * A hex word of 32 or more characters with a letter in it is a digest or a key (the audit
 * chain's SHA-256 hashes, which a supervisor's review names), never a card: about one
 * SHA-256 hex digest in 240 holds a Luhn-valid run of 13–19 digits between its letters, so
 * without this one entry in 240 could never be reviewed (D101). Its digits are blanked too.
 */
const HEX_WORD = /(?<![0-9a-z])[0-9a-f]{32,}(?![0-9a-z])/gi;
const blank = (word: string) => word.replace(/\d/g, 'x');
const blankHex = (word: string) => (/[a-f]/i.test(word) ? blank(word) : word);

/** True when the text holds something that looks like a card number. */
export function containsCardNumber(input: string): boolean {
  let text = input.includes('-') ? input.replace(UUID, blank) : input;
  if (text.length >= 32) text = text.replace(HEX_WORD, blankHex);
  for (const m of text.matchAll(CONTIGUOUS)) if (looksLikeCard(m[0])) return true;
  for (const m of text.matchAll(GROUPED)) if (looksLikeCard(m[0].replace(/\D/g, ''))) return true;
  return false;
}

/** The refinement for a free-text field (zod): refused with the shared rule's message. */
export const noCardNumber = (t: string) => !containsCardNumber(t);
export const NO_CARD_NUMBER = { message: INPUT_RULE.cardNumberInText } as const;

/** A free-text string of at most `max` characters that holds no card number. */
export const freeText = (max: number) => z.string().max(max).refine(noCardNumber, NO_CARD_NUMBER);
