/**
 * Finds the annotations in an uploaded file. Files come in several shapes:
 * our own download (an AnnotationCollection with its page embedded as
 * `first`), a single AnnotationPage, a JSON array, or one annotation (e.g.
 * Hypothesis's per-annotation JSON-LD). Nothing is fetched: a page that is
 * only linked by IRI is reported, because following links from an upload
 * would let a file make the server call any address.
 */

/** The annotations found, in file order, or why none could be listed. */
export type ImportItemList = { ok: true; items: unknown[] } | { ok: false; message: string };

/** More than a class could write in a year; keeps one import's transaction bounded. */
export const MAX_IMPORT_ITEMS = 5_000;

type Obj = Record<string, unknown>;

const isObject = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

function hasType(value: Obj, type: string): boolean {
  return Array.isArray(value.type) ? value.type.includes(type) : value.type === type;
}

class ListIssue extends Error {}

/** Items of a page, then of the pages chained after it by embedded `next`. */
function pageItems(page: Obj, out: unknown[], where: string): void {
  let current: Obj | undefined = page;
  let number = 1;
  while (current) {
    const items = current.items;
    if (items !== undefined && !Array.isArray(items)) {
      throw new ListIssue(`${where} ${number} has "items" that is not a list.`);
    }
    out.push(...(items ?? []));
    if (typeof current.next === "string") {
      throw new ListIssue(
        `${where} ${number} links to its next page (${current.next}) instead of including it. Download the file with all pages included and upload that.`,
      );
    }
    current = isObject(current.next) ? current.next : undefined;
    number += 1;
  }
}

function collectionItems(collection: Obj, out: unknown[]): void {
  // Some tools put the items straight on the collection; accept that too.
  if (Array.isArray(collection.items)) out.push(...collection.items);
  const first = Array.isArray(collection.first) ? collection.first[0] : collection.first;
  if (isObject(first)) return pageItems(first, out, "Page");
  const total = typeof collection.total === "number" ? collection.total : undefined;
  if (typeof first === "string" && out.length === 0 && total !== 0) {
    throw new ListIssue(
      `This collection only links to its pages (${first}). Download it with all pages included and upload that file.`,
    );
  }
}

function listFrom(json: unknown, out: unknown[]): void {
  if (Array.isArray(json)) {
    // An array of annotations, or of pages (as some tools export them).
    for (const entry of json) {
      if (isObject(entry) && hasType(entry, "AnnotationPage")) pageItems(entry, out, "Page");
      else out.push(entry);
    }
    return;
  }
  if (!isObject(json)) throw new ListIssue("This file is not Web Annotation JSON: expected an object or a list.");
  if (hasType(json, "AnnotationCollection")) return collectionItems(json, out);
  if (hasType(json, "AnnotationPage")) return pageItems(json, out, "Page");
  out.push(json);
}

/**
 * Lists the annotations of an uploaded document (parsed JSON, or its text),
 * in file order, so "item 3" in an error means the third annotation a person
 * sees in the file. Refuses a file with more than MAX_IMPORT_ITEMS.
 */
export function listImportItems(input: unknown): ImportItemList {
  let json = input;
  if (typeof input === "string") {
    try {
      json = JSON.parse(input);
    } catch {
      return { ok: false, message: "This file is not valid JSON." };
    }
  }
  const items: unknown[] = [];
  try {
    listFrom(json, items);
  } catch (error) {
    if (error instanceof ListIssue) return { ok: false, message: error.message };
    throw error;
  }
  if (items.length > MAX_IMPORT_ITEMS) {
    return {
      ok: false,
      message: `This file holds ${items.length} annotations; import at most ${MAX_IMPORT_ITEMS} at a time.`,
    };
  }
  return { ok: true, items };
}
