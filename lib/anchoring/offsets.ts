/**
 * Conversions between UTF-16 code units (String#slice) and Unicode code points
 * (TextPositionSelector). See the note at the top of ./types.ts.
 *
 * Offsets outside the text are clamped to its bounds; a UTF-16 offset that falls
 * between the two halves of a surrogate pair maps to that pair's code point.
 */

/**
 * Precomputed per text so that converting an offset is O(log a) (a = number of
 * astral characters) instead of a walk over the text, and O(1) for the common
 * text with no astral characters at all. Build once, reuse for every annotation.
 */
export interface OffsetIndex {
  readonly text: string;
  /** Length in UTF-16 code units. */
  readonly length: number;
  /** Length in code points. */
  readonly cpLength: number;
  /** UTF-16 offset of each surrogate pair's first half, ascending. */
  readonly pairs: Int32Array;
  /** Code-point offset of each surrogate pair, ascending (pairs[k] - k). */
  readonly pairsCp: Int32Array;
}

/** True when text[i] and text[i + 1] form one astral character. */
export function isSurrogatePairAt(text: string, i: number): boolean {
  const hi = text.charCodeAt(i);
  if (hi < 0xd800 || hi > 0xdbff) return false;
  const lo = text.charCodeAt(i + 1);
  return lo >= 0xdc00 && lo <= 0xdfff;
}

/** Builds the offset index for a text (one linear scan). */
export function createTextIndex(text: string): OffsetIndex {
  const found: number[] = [];
  for (let i = 0; i < text.length - 1; i++) {
    if (isSurrogatePairAt(text, i)) {
      found.push(i);
      i++;
    }
  }
  const pairs = Int32Array.from(found);
  const pairsCp = Int32Array.from(found, (u, k) => u - k);
  return { text, length: text.length, cpLength: text.length - pairs.length, pairs, pairsCp };
}

/** Number of entries in a sorted array that are strictly less than x. */
function countBelow(sorted: Int32Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** UTF-16 offset → code-point offset, using a prebuilt index. */
export function indexToCodePoint(index: OffsetIndex, utf16: number): number {
  const i = Math.min(Math.max(utf16, 0), index.length);
  if (index.pairs.length === 0) return i;
  return i - countBelow(index.pairs, i);
}

/** Code-point offset → UTF-16 offset, using a prebuilt index. */
export function indexToUtf16(index: OffsetIndex, codePoint: number): number {
  const cp = Math.min(Math.max(codePoint, 0), index.cpLength);
  if (index.pairs.length === 0) return cp;
  return cp + countBelow(index.pairsCp, cp);
}

/**
 * UTF-16 offset → code-point offset by walking the text: O(i). Fine for one
 * offset; for many, use createTextIndex + indexToCodePoint.
 */
export function utf16ToCodePoint(text: string, utf16: number): number {
  const end = Math.min(Math.max(utf16, 0), text.length);
  let cp = 0;
  let i = 0;
  while (i < end) {
    const step = isSurrogatePairAt(text, i) ? 2 : 1;
    if (i + step > end) break; // between the halves of a pair: that pair's code point
    i += step;
    cp++;
  }
  return cp;
}

/**
 * Code-point offset → UTF-16 offset by walking the text: O(cp). Fine for one
 * offset; for many, use createTextIndex + indexToUtf16.
 */
export function codePointToUtf16(text: string, codePoint: number): number {
  let i = 0;
  for (let cp = 0; cp < codePoint && i < text.length; cp++) {
    i += isSurrogatePairAt(text, i) ? 2 : 1;
  }
  return i;
}
