import "server-only";
import { anchor, indexToCodePoint, reanchorAll, type OffsetIndex } from "@/lib/anchoring";
import { readsAsCorrection } from "@/lib/annotations/fixed-in-source";
import type { AnswerKeyEntry as EntryRow } from "@/lib/generated/prisma/client";
import { cachedRevision } from "@/lib/server/essays/revision-cache";

/** Where a key entry stands in the current text, in code points, and whether the source fixed it. */
export interface EntryPlacement {
  span: { start: number; end: number } | null;
  isFixedInSource: boolean;
}

type Revision = { id: string; text: string; index: OffsetIndex };

/**
 * Places each key entry on the current revision (same order as `rows`).
 * Entries are not carried along when the essay gets a new revision (flags
 * are), so an entry made on an older text is first followed through the diff
 * from its own revision, as re-anchoring follows flags: when the edit replaced
 * its words with its correction, it is fixed in the source and stands on the
 * corrected words, exactly where its flags now stand. Otherwise it is found
 * again by its quote; an entry whose words are gone is reported as unplaced
 * rather than guessed.
 */
export async function placeKeyEntries(rows: readonly EntryRow[], revision: Revision): Promise<EntryPlacement[]> {
  const fixedSpans = await findFixedInSource(rows, revision);
  return rows.map((row) => {
    const fixed = fixedSpans.get(row.id);
    return fixed ? { span: fixed, isFixedInSource: true } : { span: placeByQuote(row, revision), isFixedInSource: false };
  });
}

/** One diff per older revision (reanchorAll builds its map once), every entry made on it through that diff. */
async function findFixedInSource(rows: readonly EntryRow[], revision: Revision) {
  const spans = new Map<string, { start: number; end: number }>();
  const older = new Map<string, EntryRow[]>();
  for (const row of rows) {
    if (row.revisionId !== revision.id) older.set(row.revisionId, [...(older.get(row.revisionId) ?? []), row]);
  }
  for (const [revisionId, group] of older) {
    const old = await cachedRevision(revisionId);
    if (!old) continue;
    const results = reanchorAll(old.text, revision.text, group.map((row) => ({ id: row.id, selectors: selectorsOf(row) })));
    for (const [i, result] of results.entries()) {
      if (result.status !== "replaced" || !readsAsCorrection(result.newExact, group[i].correction)) continue;
      const { start, end } = result.span;
      spans.set(group[i].id, { start: indexToCodePoint(revision.index, start), end: indexToCodePoint(revision.index, end) });
    }
  }
  return spans;
}

function placeByQuote(row: EntryRow, revision: Revision) {
  if (row.revisionId === revision.id) return { start: row.startCp, end: row.endCp };
  const placed = anchor(revision.text, selectorsOf(row), { index: revision.index });
  return placed && placed.method !== "fuzzy" ? { start: placed.startCp, end: placed.endCp } : null;
}

function selectorsOf(row: EntryRow) {
  return [
    { type: "TextQuoteSelector" as const, exact: row.exact, prefix: row.prefix, suffix: row.suffix },
    { type: "TextPositionSelector" as const, start: row.startCp, end: row.endCp },
  ];
}
