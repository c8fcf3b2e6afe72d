// The 004 comment rule: a comment longer than 450 characters is stored as several
// comments, each split before the last space that comes before the 450-character mark,
// and read back as "(1/3): ...", "(2/3): ...". Our reading of it is decision D5:
// - a "character" is a user-perceived character (grapheme), so æøå, emoji and flags
//   count as one and are never cut in half;
// - the text is trimmed; any whitespace counts as a space; the whitespace run at a split
//   is dropped, so no part starts or ends with whitespace;
// - a part may be exactly 450 characters (a space right after the mark still counts);
// - with no space in reach, the part is cut hard at 450 characters;
// - the "(n/m): " prefix is not counted in the 450.

export const COMMENT_PART_LIMIT = 450;

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const isSpace = (g: string) => /^\s+$/u.test(g);

/** Splits text into the bodies of the stored parts. Empty or blank text gives []. */
export function splitComment(text: string, limit = COMMENT_PART_LIMIT): string[] {
  const graphemes = Array.from(segmenter.segment(text.trim()), (s) => s.segment);
  const parts: string[] = [];
  let start = 0;
  while (start < graphemes.length) {
    if (graphemes.length - start <= limit) {
      parts.push(graphemes.slice(start).join(''));
      break;
    }
    // Last whitespace at offset 1..limit from start: the part before it has ≤ limit characters.
    let cut = -1;
    for (let i = start + limit; i > start; i--) {
      if (isSpace(graphemes[i]!)) {
        cut = i;
        break;
      }
    }
    let end: number;
    let next: number;
    if (cut === -1) {
      end = start + limit;
      next = end;
    } else {
      end = cut;
      while (end > start && isSpace(graphemes[end - 1]!)) end--;
      next = cut;
    }
    parts.push(graphemes.slice(start, end).join(''));
    while (next < graphemes.length && isSpace(graphemes[next]!)) next++;
    start = next;
  }
  return parts;
}

/** The texts as stored and retrieved: prefixed "(n/m): " when there is more than one part. */
export function labelCommentParts(bodies: string[]): string[] {
  if (bodies.length <= 1) return bodies.slice();
  return bodies.map((b, i) => `(${i + 1}/${bodies.length}): ${b}`);
}

/** Length in the characters the rule counts (graphemes). */
export function commentLength(text: string): number {
  let n = 0;
  for (const _ of segmenter.segment(text)) n++;
  return n;
}

export interface CommentPartLabel {
  index: number;
  total: number;
  body: string;
}

/** Reads the "(n/m): " prefix of a retrieved part; null for an unsplit comment. */
export function parseCommentPart(text: string): CommentPartLabel | null {
  const m = /^\((\d{1,4})\/(\d{1,4})\): ([\s\S]*)$/.exec(text);
  if (!m) return null;
  const index = Number(m[1]);
  const total = Number(m[2]);
  if (index < 1 || index > total || total < 2) return null;
  return { index, total, body: m[3]! };
}
