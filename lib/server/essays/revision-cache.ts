import "server-only";
import { createTextIndex, type OffsetIndex } from "@/lib/anchoring";
import { db } from "@/lib/db";
import { readStoredGeometry } from "@/lib/sources";

function pageRanges(geometry: unknown): CachedRevision["pages"] {
  return readStoredGeometry(geometry)?.pages.map(({ start, end }) => ({ start, end })) ?? null;
}

/** A revision's canonical text with its code-point index, built once per process. */
export interface CachedRevision {
  id: string;
  text: string;
  index: OffsetIndex;
  /** For a reading made from a file: each page's text range (a passage stays inside one page); null for text. */
  pages: { start: number; end: number }[] | null;
  /** For a picture reading (lib/sources/picture.ts): the picture's size, which its regions must lie inside; null otherwise. */
  picture: { width: number; height: number; imageFileId: string } | null;
}

function pictureSize(geometry: unknown): CachedRevision["picture"] {
  const read = readStoredGeometry(geometry);
  // A picture reading is an image page with no transcribed words; a scanned picture has runs.
  const page = read?.pages[0];
  if (!read || !page?.imageFileId || read.kind !== "image" || read.runs.length > 0 || read.pages.length !== 1) return null;
  return { width: page.width, height: page.height, imageFileId: page.imageFileId };
}

/** Enough for every essay a class reads this term; each entry is one text (a few hundred KB at most). */
const MAX_ENTRIES = 32;
const cache = new Map<string, Promise<CachedRevision | null>>();

/**
 * A revision's text, from memory when this process has read it before.
 * Revisions are never edited (a changed essay gets a new revision), so an
 * entry cannot go stale; every annotation write checks its selectors against
 * this text, and without the cache each write would fetch the whole essay.
 */
export function cachedRevision(id: string): Promise<CachedRevision | null> {
  const hit = cache.get(id);
  if (hit) {
    // Least recently used goes first: re-insert on every hit.
    cache.delete(id);
    cache.set(id, hit);
    return hit;
  }
  const load = db.essayRevision
    .findUnique({ where: { id }, select: { id: true, text: true, geometry: true } })
    .then((row) => (row ? { id: row.id, text: row.text, index: createTextIndex(row.text), pages: pageRanges(row.geometry), picture: pictureSize(row.geometry) } : null));
  cache.set(id, load);
  // A failed or empty read is not remembered: the next request asks again.
  load.then(
    (row) => row ?? cache.delete(id),
    () => cache.delete(id),
  );
  while (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  return load;
}
