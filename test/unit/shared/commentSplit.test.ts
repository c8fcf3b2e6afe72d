import { describe, expect, it } from 'vitest';
import { commentLength, labelCommentParts, parseCommentPart, splitComment } from '../../../shared/amps/commentSplit';

const words = (n: number, word = 'abcd') => Array.from({ length: n }, () => word).join(' ');

describe('splitComment (004: 450 characters, split before the last space)', () => {
  it('keeps a comment of exactly 450 characters whole, without a prefix', () => {
    const text = 'x'.repeat(450);
    expect(splitComment(text)).toEqual([text]);
    expect(labelCommentParts(splitComment(text))).toEqual([text]);
  });

  it('splits 451 characters before the last space before the mark', () => {
    const text = 'a'.repeat(300) + ' ' + 'b'.repeat(150); // 451
    expect(text.length).toBe(451);
    expect(splitComment(text)).toEqual(['a'.repeat(300), 'b'.repeat(150)]);
  });

  it('uses a space sitting right after the 450th character (the part is exactly 450)', () => {
    const text = 'a'.repeat(450) + ' ' + 'tail';
    expect(splitComment(text)).toEqual(['a'.repeat(450), 'tail']);
  });

  it('cuts hard at 450 when there is no space within 450 characters', () => {
    const text = 'z'.repeat(1000);
    const parts = splitComment(text);
    expect(parts.map((p) => p.length)).toEqual([450, 450, 100]);
    expect(parts.join('')).toBe(text);
  });

  it('counts æøå as one character each and never exceeds 450', () => {
    const text = words(150, 'blåbærsyltetøy'); // 150 * 15 - 1 characters
    const parts = splitComment(text);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(commentLength(p)).toBeLessThanOrEqual(450);
    expect(parts.join(' ')).toBe(text);
  });

  it('never cuts an emoji (or a joined emoji sequence) in half', () => {
    const family = '👨‍👩‍👧‍👦';
    const text = family.repeat(1000);
    const parts = splitComment(text);
    expect(parts.map(commentLength)).toEqual([450, 450, 100]);
    for (const p of parts) expect(p.replaceAll(family, '')).toBe('');
  });

  it('trims leading and trailing spaces and drops the whitespace at a split', () => {
    expect(splitComment('   hello world   ')).toEqual(['hello world']);
    const text = '  ' + 'a'.repeat(440) + '     ' + 'b'.repeat(20) + '  ';
    expect(splitComment(text)).toEqual(['a'.repeat(440), 'b'.repeat(20)]);
    expect(splitComment('    ')).toEqual([]);
  });

  it('splits 10,000 characters into parts that rejoin to the original text', () => {
    const text = words(2000); // 9,999 characters
    const parts = splitComment(text);
    expect(parts.length).toBe(23);
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(450);
      expect(p).toBe(p.trim());
    }
    expect(parts.join(' ')).toBe(text);
  });

  it('labels parts "(n/m): " and reads the label back', () => {
    const labelled = labelCommentParts(['one', 'two', 'three']);
    expect(labelled).toEqual(['(1/3): one', '(2/3): two', '(3/3): three']);
    expect(parseCommentPart(labelled[1]!)).toEqual({ index: 2, total: 3, body: 'two' });
    expect(parseCommentPart('plain comment')).toBeNull();
    expect(parseCommentPart('(4/3): impossible')).toBeNull();
  });
});
