import { anchor, createAnchored } from "./anchor";
import { CONTEXT_LENGTH, describe } from "./describe";
import { diffTexts } from "./diff-texts";
import { measureCarriedShare, listChangedRegions, mapSpan } from "./offset-map";
import type { OffsetMap } from "./offset-map";
import { createTextIndex } from "./offsets";
import type { OffsetIndex } from "./offsets";
import type { Anchored, DescribedSelectors, Span, TextSelector } from "./types";

export interface ReanchorItem {
  id: string;
  selectors: TextSelector[];
}

/**
 * What became of one annotation in the new revision.
 * - unchanged: the diff carried it and its words are intact (maybe shifted).
 * - moved: the diff lost it (its neighbourhood was rewritten or moved), but
 *   the exact quote turned up in new text.
 * - fuzzy: found only approximately; the UI says "possibly moved".
 * - replaced: the edit changed the quoted words themselves. `span`/`newExact`
 *   say what stands there now; it is NOT placed (shown as changed, or as
 *   "fixed in the source" for an error flag).
 * - orphan: nowhere.
 */
export type ReanchorResult =
  | { id: string; status: "unchanged" | "moved" | "fuzzy"; anchored: Anchored; selectors: DescribedSelectors }
  | { id: string; status: "replaced"; span: Span; oldExact: string; newExact: string }
  | { id: string; status: "orphan" };

/*
 * An edit inside a quote counts as an edit OF the quote when the diff carries
 * at least this share of the context on each side: the surroundings survived,
 * so the change sits on the quoted words. Below it the whole neighbourhood was
 * rewritten or moved and the diff cannot say where the words went, so we search.
 */
const MIN_CARRIED_CONTEXT = 0.5;

interface Revisions {
  oldText: string;
  newText: string;
  oldIndex: OffsetIndex;
  newIndex: OffsetIndex;
  map: OffsetMap;
  /** Only text the edit introduced can hold a moved quote. */
  changed: Span[];
}

function placed(
  r: Revisions,
  id: string,
  status: "unchanged" | "moved" | "fuzzy",
  anchored: Anchored,
): ReanchorResult {
  const selectors = describe(r.newText, anchored.start, anchored.end, { index: r.newIndex });
  return { id, status, anchored, selectors };
}

/*
 * Characters of the old surroundings that must still stand next to a quote
 * found elsewhere. A passage that really moved (cut and pasted) takes its
 * neighbours along; a lone "the" or a repeated sentence somewhere else does
 * not, and placing it there would be worse than an orphan.
 */
const MIN_CONTEXT_AGREEMENT = 12;
/** Quotes shorter than this need agreement on both sides, longer ones on either. */
const SHORT_QUOTE = 24;

/** How many characters next to the quote agree, counted outward from it. */
function agreement(a: string, b: string, fromEnd: boolean): number {
  let n = 0;
  while (n < a.length && n < b.length) {
    const x = fromEnd ? a[a.length - 1 - n] : a[n];
    const y = fromEnd ? b[b.length - 1 - n] : b[n];
    if (x !== y) break;
    n++;
  }
  return n;
}

/** Whether a match found by searching kept enough of the quote's old surroundings. */
function keepsContext(r: Revisions, old: Span, found: Span, isFuzzy: boolean): boolean {
  const side = (oldCtx: string, newCtx: string, fromEnd: boolean) =>
    oldCtx.length === 0 || agreement(oldCtx, newCtx, fromEnd) >= Math.min(MIN_CONTEXT_AGREEMENT, oldCtx.length);
  const before = side(
    r.oldText.slice(Math.max(0, old.start - CONTEXT_LENGTH), old.start),
    r.newText.slice(Math.max(0, found.start - CONTEXT_LENGTH), found.start),
    true,
  );
  const after = side(r.oldText.slice(old.end, old.end + CONTEXT_LENGTH), r.newText.slice(found.end, found.end + CONTEXT_LENGTH), false);
  const isShort = old.end - old.start < SHORT_QUOTE;
  return isFuzzy || isShort ? before && after : before || after;
}

/** Searches the new text for a quote the diff could not carry. */
function search(r: Revisions, id: string, selectors: TextSelector[], old: Span, hint?: number): ReanchorResult | null {
  // `within`: a match in text both revisions share was a different passage
  // all along (the old text had it too), never the annotation's new home.
  const found = anchor(r.newText, selectors, { index: r.newIndex, hint, within: r.changed });
  if (!found) return null;
  const isFuzzy = found.method === "fuzzy";
  if (!keepsContext(r, old, found, isFuzzy)) return null;
  return placed(r, id, isFuzzy ? "fuzzy" : "moved", found);
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

function reanchorOne(r: Revisions, item: ReanchorItem): ReanchorResult {
  const located = anchor(r.oldText, item.selectors, { index: r.oldIndex });
  if (!located || located.method === "fuzzy") {
    // The selectors did not fit the old revision either; the diff knows nothing.
    const found = anchor(r.newText, item.selectors, { index: r.newIndex });
    if (!found) return { id: item.id, status: "orphan" };
    return placed(r, item.id, found.method === "fuzzy" ? "fuzzy" : "moved", found);
  }

  const mapped = mapSpan(r.map, located);
  const newExact = r.newText.slice(mapped.start, mapped.end);
  if (!mapped.touched && newExact === located.exact) {
    const anchored = createAnchored(r.newIndex, mapped.start, mapped.end, "position", 1);
    return placed(r, item.id, "unchanged", anchored);
  }

  const before = measureCarriedShare(r.map, Math.max(0, located.start - CONTEXT_LENGTH), located.start);
  const after = measureCarriedShare(r.map, located.end, Math.min(r.oldText.length, located.end + CONTEXT_LENGTH));
  const editedInPlace = !mapped.deleted && before >= MIN_CARRIED_CONTEXT && after >= MIN_CARRIED_CONTEXT;
  const replaced: ReanchorResult = {
    id: item.id,
    status: "replaced",
    span: { start: mapped.start, end: mapped.end },
    oldExact: located.exact,
    newExact,
  };
  // Never look elsewhere for words the diff shows were changed in place:
  // "1995" → "1955" must not slide onto some other "1995".
  if (editedInPlace) return replaced;

  // The old context, not the possibly stale stored one, describes what to look for.
  const { quote } = describe(r.oldText, located.start, located.end, { index: r.oldIndex });
  const found = search(r, item.id, [quote], located, mapped.start);
  // A fuzzy hit on the very spot the diff points to is the edited quote itself.
  if (found?.status === "fuzzy" && !mapped.deleted && overlaps(found.anchored, mapped)) return replaced;
  if (found) return found;
  return mapped.deleted ? { id: item.id, status: "orphan" } : replaced;
}

/**
 * Carries annotations from one revision of a text to the next. The diff
 * (built once for the pair) places most of them directly; anchor() is the
 * fallback for passages the diff cannot follow. Returns one result per item,
 * in order. Selectors in the results are recomputed on the new text.
 */
export function reanchorAll(oldText: string, newText: string, items: ReanchorItem[]): ReanchorResult[] {
  const map = diffTexts(oldText, newText);
  const r: Revisions = {
    oldText,
    newText,
    oldIndex: createTextIndex(oldText),
    newIndex: createTextIndex(newText),
    map,
    changed: listChangedRegions(map),
  };
  return items.map((item) => reanchorOne(r, item));
}
