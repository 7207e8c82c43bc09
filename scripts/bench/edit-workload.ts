import type { Block } from "@/lib/content";
import type { Random } from "./prng";

/*
 * Annotations on a text, random edits to it, and the oracle that says where
 * each annotation must end up. Everything is in UTF-16 offsets of the old
 * text; edits are disjoint, so the new text and every expectation follow from
 * the edit list alone, without any diff.
 */

export interface TextSpan {
  start: number;
  end: number;
}

/** old[start..end) becomes `insert`; start === end is a pure insertion. */
export interface TextEdit extends TextSpan {
  insert: string;
  kind: "insert" | "delete" | "replace";
  /** Aimed at the inside of an annotation's quote. */
  isInsideQuote: boolean;
}

/**
 * Where an annotation belongs after the edits. Untouched: exactly at
 * start..end (its old place shifted by the edits before it). Touched (an edit
 * changed its quoted characters): start..end is where the edited words now
 * stand, and it must be reported as replaced or orphaned, never placed
 * somewhere else.
 */
export interface Expectation extends TextSpan {
  isTouched: boolean;
}

interface Word extends TextSpan {
  block: number;
}

const INSERTED = ["allegedly", "in secret", "at the plenum", "after much debate", "by 1957", "for a time", "quietly", "in public"];

function listWords(text: string, blocks: Block[]): Word[] {
  const words: Word[] = [];
  blocks.forEach((b, block) => {
    for (const m of text.slice(b.start, b.end).matchAll(/\S+/g)) {
      const start = b.start + (m.index ?? 0);
      words.push({ start, end: start + m[0].length, block });
    }
  });
  return words;
}

/** Word-aligned spans, mostly short (a name, a phrase), some a sentence long, never across blocks. */
export function pickAnnotationSpans(text: string, blocks: Block[], count: number, r: Random): TextSpan[] {
  const words = listWords(text, blocks);
  const spans: TextSpan[] = [];
  while (spans.length < count) {
    const first = r.int(0, words.length - 1);
    const roll = r.next();
    const length = roll < 0.4 ? r.int(1, 3) : roll < 0.85 ? r.int(4, 10) : r.int(11, 25);
    let last = Math.min(words.length - 1, first + length - 1);
    while (words[last].block !== words[first].block) last--;
    spans.push({ start: words[first].start, end: words[last].end });
  }
  return spans;
}

/** A different spelling of the same token: a year with two digits swapped or shifted, a word with a letter dropped. */
function alterWord(word: string, r: Random): string {
  const year = /\d{4}/.exec(word);
  if (year) {
    const digits = year[0];
    const swapped = digits[0] + digits[1] + digits[3] + digits[2];
    const next = swapped !== digits ? swapped : String(Number(digits) + 10);
    return word.replace(digits, next);
  }
  if (word.length > 4 && r.chance(0.5)) {
    const cut = r.int(1, word.length - 2);
    return word.slice(0, cut) + word.slice(cut + 1);
  }
  return r.pick(["Molotov", "Zhdanov", "the Party", "reform", "terror"].filter((w) => w !== word));
}

/**
 * `count` disjoint edits, a share of them aimed inside annotation quotes:
 * insertions of a phrase after a word, deletions of one to three words with
 * the space before them, replacements of one word (typo fixes, changed years).
 */
export function generateEdits(text: string, blocks: Block[], spans: TextSpan[], count: number, r: Random): TextEdit[] {
  const words = listWords(text, blocks);
  const wordAt = new Map(words.map((w, i) => [w.start, i]));
  const edits: TextEdit[] = [];
  const isFree = (start: number, end: number) => edits.every((e) => end + 1 < e.start || start > e.end + 1);

  for (let attempt = 0; edits.length < count && attempt < count * 100; attempt++) {
    const isInsideQuote = r.chance(0.5);
    let w: number;
    let lastAllowed: number;
    if (isInsideQuote) {
      const span = r.pick(spans);
      const first = wordAt.get(span.start)!;
      const last = words.findIndex((x, i) => i >= first && x.end === span.end);
      if (last <= first) continue;
      w = r.int(first + 1, last);
      lastAllowed = last;
    } else {
      w = r.int(1, words.length - 1);
      lastAllowed = words.length - 1;
    }
    const word = words[w];
    const previous = words[w - 1];
    const roll = r.next();
    let edit: TextEdit;
    if (roll < 0.3) {
      // After the previous word: strictly inside the quote when aimed at one.
      edit = { start: previous.end, end: previous.end, insert: ` ${r.pick(INSERTED)}`, kind: "insert", isInsideQuote };
    } else if (roll < 0.6) {
      let k = r.int(1, 3);
      while (k > 1 && (w + k - 1 > lastAllowed || words[w + k - 1].block !== word.block)) k--;
      if (previous.block !== word.block) continue;
      edit = { start: previous.end, end: words[w + k - 1].end, insert: "", kind: "delete", isInsideQuote };
    } else {
      const old = text.slice(word.start, word.end);
      const insert = alterWord(old, r);
      if (insert === old) continue;
      edit = { start: word.start, end: word.end, insert, kind: "replace", isInsideQuote };
    }
    if (isFree(edit.start, edit.end)) edits.push(edit);
  }
  return edits.sort((a, b) => a.start - b.start);
}

/** The text after the (sorted, disjoint) edits. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  let out = "";
  let at = 0;
  for (const e of edits) {
    out += text.slice(at, e.start) + e.insert;
    at = e.end;
  }
  return out + text.slice(at);
}

/** Where an old offset lands; inside an edit it snaps to the edit's new start ("start") or end ("end"). */
function mapThroughEdits(offset: number, edits: TextEdit[], bias: "start" | "end"): number {
  let shift = 0;
  for (const e of edits) {
    const delta = e.insert.length - (e.end - e.start);
    const isInsertion = e.start === e.end;
    if (isInsertion ? e.start < offset || (e.start === offset && bias === "start") : e.end <= offset) shift += delta;
    else if (e.start < offset) return e.start + shift + (bias === "start" ? 0 : e.insert.length);
    else break;
  }
  return offset + shift;
}

/**
 * The oracle. An insertion exactly at a quote's start shifts it, one exactly
 * at its end does not; any edit that changes characters between its start
 * and end touches it.
 */
export function expectAfterEdits(span: TextSpan, edits: TextEdit[]): Expectation {
  const isTouched = edits.some((e) =>
    e.start === e.end ? e.start > span.start && e.start < span.end : e.start < span.end && e.end > span.start,
  );
  const start = mapThroughEdits(span.start, edits, "start");
  return { isTouched, start, end: Math.max(start, mapThroughEdits(span.end, edits, "end")) };
}
