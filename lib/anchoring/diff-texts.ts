import { diffSequences } from "./myers";
import type { Hunk, OffsetMap } from "./offset-map";

/*
 * Edit budgets for Myers, in tokens. A revision that fixes a few dozen errors
 * costs a few hundred token edits; past these caps the texts are rewrites, and
 * the diff degrades to coarser hunks (annotations there go through anchor()).
 */
const MAX_LINE_EDITS = 2000;
const MAX_WORD_EDITS = 2000;

/** Words, runs of whitespace, and single other characters (punctuation, emoji). */
const WORD_TOKENS = /[\p{L}\p{N}_]+|\s+|[^\p{L}\p{N}_\s]/gu;
const WORD_CHAR = /[\p{L}\p{N}_]/u;
/** Lines, each with its own "\n". */
const LINE_TOKENS = /[^\n]+\n?|\n/g;

function isHigh(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
function isLow(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Splits text[from..to) into tokens; returns their start offsets and interned ids. */
function tokenize(text: string, from: number, to: number, pattern: RegExp, ids: Map<string, number>) {
  const starts: number[] = [];
  const codes: number[] = [];
  for (const match of text.slice(from, to).matchAll(pattern)) {
    let id = ids.get(match[0]);
    if (id === undefined) ids.set(match[0], (id = ids.size));
    starts.push(from + (match.index ?? 0));
    codes.push(id);
  }
  starts.push(to);
  return { starts, codes: Int32Array.from(codes) };
}

/**
 * Diffs old[oldFrom..oldTo) against new[newFrom..newTo) at one token level.
 * Returns hunks in text offsets, or a single coarse hunk past the edit budget.
 */
function diffRange(oldText: string, newText: string, range: Hunk, pattern: RegExp, maxEdits: number): Hunk[] {
  const ids = new Map<string, number>();
  const a = tokenize(oldText, range.oldStart, range.oldEnd, pattern, ids);
  const b = tokenize(newText, range.newStart, range.newEnd, pattern, ids);
  const hunks = diffSequences(a.codes, b.codes, maxEdits);
  if (!hunks) return [range];
  return hunks.map((h) => ({
    oldStart: a.starts[h.aStart],
    oldEnd: a.starts[h.aEnd],
    newStart: b.starts[h.bStart],
    newEnd: b.starts[h.bEnd],
  }));
}

/** Narrows a hunk by the characters its two sides share at either end. */
function trimHunk(oldText: string, newText: string, h: Hunk): Hunk {
  const room = Math.min(h.oldEnd - h.oldStart, h.newEnd - h.newStart);
  let head = 0;
  while (head < room && oldText.charCodeAt(h.oldStart + head) === newText.charCodeAt(h.newStart + head)) head++;
  if (head > 0 && isHigh(oldText.charCodeAt(h.oldStart + head - 1))) head--; // keep pairs whole
  let tail = 0;
  const sameAtEnd = (n: number) => oldText.charCodeAt(h.oldEnd - n - 1) === newText.charCodeAt(h.newEnd - n - 1);
  while (tail < room - head && sameAtEnd(tail)) tail++;
  if (tail > 0 && isLow(oldText.charCodeAt(h.oldEnd - tail))) tail--;
  return { oldStart: h.oldStart + head, oldEnd: h.oldEnd - tail, newStart: h.newStart + head, newEnd: h.newEnd - tail };
}

/**
 * How good a place offset i of text is for the edge of an edit. A pure
 * insertion or deletion next to repeated text can sit at several offsets that
 * are all minimal ("In 1995 the … crimes. In 1995 too" loses its first sentence
 * or "he … crimes. In 1995 t"); putting edges on line, sentence and word
 * boundaries keeps the surviving words attached to their own passage.
 */
function boundaryScore(text: string, i: number): number {
  if (i <= 0 || i >= text.length) return 5;
  const before = text[i - 1];
  const after = text[i];
  if (before === "\n" || after === "\n") return 4;
  if (/\s/.test(before) && /[.!?]/.test(text[i - 2] ?? "")) return 3;
  if (/\s/.test(before) || /\s/.test(after)) return 2;
  if (!WORD_CHAR.test(before) || !WORD_CHAR.test(after)) return 1;
  return 0;
}

/**
 * Slides a one-sided hunk (pure insertion or deletion) along the equal text
 * around it, between `floor` and `ceiling` (old offsets of the neighbouring
 * hunks), to the position whose two edges score best.
 */
function slideHunk(oldText: string, newText: string, h: Hunk, floor: number, ceiling: number): Hunk {
  const isDeletion = h.newStart === h.newEnd;
  if (isDeletion === (h.oldStart === h.oldEnd)) return h; // a replacement cannot slide
  const text = isDeletion ? oldText : newText;
  const s = isDeletion ? h.oldStart : h.newStart;
  const e = isDeletion ? h.oldEnd : h.newEnd;
  let shift = 0;
  while (shift > floor - h.oldStart && text[s + shift - 1] === text[e + shift - 1]) shift--;
  let best = 0;
  let bestScore = -1;
  for (; ; shift++) {
    if (!splitsPair(text, s + shift) && !splitsPair(text, e + shift)) {
      const score = boundaryScore(text, s + shift) + boundaryScore(text, e + shift);
      // Later wins ties, as in common diff tools.
      if (score >= bestScore) [best, bestScore] = [shift, score];
    }
    if (shift >= ceiling - h.oldEnd || text[s + shift] !== text[e + shift]) break;
  }
  return { oldStart: h.oldStart + best, oldEnd: h.oldEnd + best, newStart: h.newStart + best, newEnd: h.newEnd + best };
}

function splitsPair(text: string, i: number): boolean {
  return i > 0 && isHigh(text.charCodeAt(i - 1)) && isLow(text.charCodeAt(i));
}

/**
 * Builds the offset map between two revisions: the common prefix and suffix
 * are cut off, the middle is diffed by lines and each changed run of lines by
 * words and whitespace (Myers), each hunk is narrowed to the characters that
 * really differ ("1995" → "1955" touches one digit), and pure insertions and
 * deletions are slid onto word boundaries. Build it once per pair of revisions
 * and reuse it for every annotation.
 */
export function diffTexts(oldText: string, newText: string): OffsetMap {
  const shorter = Math.min(oldText.length, newText.length);
  let head = 0;
  while (head < shorter && oldText.charCodeAt(head) === newText.charCodeAt(head)) head++;
  if (head > 0 && isHigh(oldText.charCodeAt(head - 1))) head--;
  let tail = 0;
  while (
    tail < shorter - head &&
    oldText.charCodeAt(oldText.length - 1 - tail) === newText.charCodeAt(newText.length - 1 - tail)
  ) {
    tail++;
  }
  if (tail > 0 && isLow(oldText.charCodeAt(oldText.length - tail))) tail--;

  const middle = { oldStart: head, oldEnd: oldText.length - tail, newStart: head, newEnd: newText.length - tail };
  const map: OffsetMap = { oldLength: oldText.length, newLength: newText.length, hunks: [] };
  if (middle.oldStart === middle.oldEnd && middle.newStart === middle.newEnd) return map;

  const trimmed: Hunk[] = [];
  for (const lines of diffRange(oldText, newText, middle, LINE_TOKENS, MAX_LINE_EDITS)) {
    const words =
      lines.oldStart === lines.oldEnd || lines.newStart === lines.newEnd
        ? [lines]
        : diffRange(oldText, newText, lines, WORD_TOKENS, MAX_WORD_EDITS);
    for (const h of words) trimmed.push(trimHunk(oldText, newText, h));
  }
  for (let i = 0; i < trimmed.length; i++) {
    const last = map.hunks[map.hunks.length - 1];
    const ceiling = i + 1 < trimmed.length ? trimmed[i + 1].oldStart : oldText.length;
    const h = slideHunk(oldText, newText, trimmed[i], last ? last.oldEnd : 0, ceiling);
    // Sliding may close the gap to the previous hunk; touching hunks are one edit.
    if (last && last.oldEnd === h.oldStart) Object.assign(last, { oldEnd: h.oldEnd, newEnd: h.newEnd });
    else map.hunks.push(h);
  }
  return map;
}
