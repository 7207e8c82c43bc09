import { isSurrogatePairAt } from "@/lib/anchoring/offsets";
import type { Block } from "@/lib/content";
import type { DiffPiece, SkipReason } from "./types";

/** One verified flag's fix: replace text.slice(start, end) (UTF-16) with `replacement`. */
export interface Correction {
  id: string;
  /** Erratum number; breaks the tie when two corrections start at the same offset. */
  number: number;
  start: number;
  end: number;
  /** "" deletes the span; an empty span (start === end) is an insertion. */
  replacement: string;
}

/** A correction left out, and why. */
export interface SkippedCorrection {
  id: string;
  number: number;
  reason: Exclude<SkipReason, "source_changed">;
  /** For "overlap": the number of the correction that was kept. */
  overlapsWith?: number;
}

export interface CorrectionResult {
  /** The corrected text. */
  text: string;
  /** The input blocks, same order and types, re-measured in the corrected text. */
  correctedBlocks: Block[];
  /** Per input block: runs for a diff rendering ("same", "removed", "inserted"). */
  pieces: DiffPiece[][];
  /** Applied corrections, in text order. */
  applied: Correction[];
  /** Corrections not applied, in the order they were considered (start, then number). */
  skipped: SkippedCorrection[];
}

function byPosition(a: Correction, b: Correction): number {
  return a.start - b.start || a.number - b.number || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** A valid span lies inside the text and never cuts an emoji (a surrogate pair) in half. */
function isInText(text: string, c: Correction): boolean {
  if (!Number.isInteger(c.start) || !Number.isInteger(c.end)) return false;
  if (c.start < 0 || c.end < c.start || c.end > text.length) return false;
  return !isSurrogatePairAt(text, c.start - 1) && !isSurrogatePairAt(text, c.end - 1);
}

/**
 * Two corrections clash when they share a character, or when an insertion
 * sits at the edge of (or at the same point as) another one: there the order
 * of the two edits would be a guess, so only the first is kept.
 */
function clashes(a: Correction, b: Correction): boolean {
  if (a.start < b.end && b.start < a.end) return true;
  const isInsertionTouching = (ins: Correction, other: Correction) =>
    ins.start === ins.end && other.start <= ins.start && ins.start <= other.end;
  return isInsertionTouching(a, b) || isInsertionTouching(b, a);
}

function blockContaining(blocks: Block[], c: Correction): number {
  return blocks.findIndex((b) => b.start <= c.start && c.end <= b.end);
}

function pushPiece(pieces: DiffPiece[], piece: DiffPiece) {
  if (piece.text !== "") pieces.push(piece);
}

/**
 * Applies corrections to an essay's canonical text. Pure and deterministic:
 * corrections are considered by start offset, then erratum number; one that
 * clashes with an already kept correction is skipped, so the earlier one
 * wins. A correction must lie inside a single block — a fix that would merge
 * two paragraphs (or a heading and a bullet) cannot be shown faithfully, so
 * it is skipped rather than guessed. Text between blocks is kept as it is.
 *
 * Expects `blocks` in text order and not overlapping, as lib/content makes them.
 */
export function applyCorrections({
  text,
  blocks,
  corrections,
}: {
  text: string;
  blocks: Block[];
  corrections: Correction[];
}): CorrectionResult {
  const applied: Correction[] = [];
  const skipped: SkippedCorrection[] = [];
  const byBlock = blocks.map((): Correction[] => []);

  for (const c of [...corrections].sort(byPosition)) {
    const skip = (reason: SkippedCorrection["reason"], overlapsWith?: number) =>
      skipped.push({ id: c.id, number: c.number, reason, ...(overlapsWith === undefined ? {} : { overlapsWith }) });
    if (!isInText(text, c)) {
      skip("out_of_range");
      continue;
    }
    const blockIndex = blockContaining(blocks, c);
    if (blockIndex < 0) {
      skip("crosses_blocks");
      continue;
    }
    // Checked before clashes: a fix the text already reads should not crowd out a real one.
    if (text.slice(c.start, c.end) === c.replacement) {
      skip("no_change");
      continue;
    }
    const kept = applied.find((a) => clashes(a, c));
    if (kept) {
      skip("overlap", kept.number);
      continue;
    }
    applied.push(c);
    byBlock[blockIndex].push(c);
  }

  const pieces = blocks.map((block, i) => {
    const out: DiffPiece[] = [];
    let at = block.start;
    for (const c of byBlock[i]) {
      pushPiece(out, { kind: "same", text: text.slice(at, c.start) });
      pushPiece(out, { kind: "removed", text: text.slice(c.start, c.end), erratumNumber: c.number });
      pushPiece(out, { kind: "inserted", text: c.replacement, erratumNumber: c.number });
      at = c.end;
    }
    pushPiece(out, { kind: "same", text: text.slice(at, block.end) });
    return out;
  });

  // Rebuild the text block by block, copying what lies between blocks verbatim.
  let corrected = "";
  let cursor = 0;
  const correctedBlocks: Block[] = blocks.map((block) => ({ ...block }));
  const order = blocks.map((_, i) => i).sort((a, b) => blocks[a].start - blocks[b].start);
  for (const i of order) {
    corrected += text.slice(cursor, blocks[i].start);
    const start = corrected.length;
    corrected += pieces[i].filter((p) => p.kind !== "removed").map((p) => p.text).join("");
    correctedBlocks[i] = { ...blocks[i], start, end: corrected.length };
    cursor = blocks[i].end;
  }
  corrected += text.slice(cursor);

  return { text: corrected, correctedBlocks, pieces, applied, skipped };
}
