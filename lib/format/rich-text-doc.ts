import { plainTextOf, type BlockNode, type TiptapDoc } from "@/lib/rich-text";

function isEmptyParagraph(node: BlockNode): boolean {
  return node.type === "paragraph" && (node.content ?? []).every((n) => n.type === "hardBreak");
}

/**
 * Drops empty paragraphs at the start and end of a validated document. The
 * editor keeps a trailing empty paragraph after lists and quotes so there is
 * somewhere to type; it should not be stored as a blank line.
 */
export function trimEmptyEdgeParagraphs(doc: TiptapDoc): TiptapDoc {
  let start = 0;
  let end = doc.content.length;
  while (start < end && isEmptyParagraph(doc.content[start])) start++;
  while (end > start && isEmptyParagraph(doc.content[end - 1])) end--;
  if (start === 0 && end === doc.content.length) return doc;
  return { type: "doc", content: doc.content.slice(start, end) };
}

/** True when the document has no visible text. */
export function isDocBlank(doc: TiptapDoc | null | undefined): boolean {
  return !doc || plainTextOf(doc).trim().length === 0;
}

/** Structural equality for two validated documents (both come from JSON). */
export function sameDoc(a: TiptapDoc | null | undefined, b: TiptapDoc | null | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}
