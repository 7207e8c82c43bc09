import type { AnnotationDTO, Scope } from "@/lib/annotations/types";
import type { TiptapDoc } from "@/lib/rich-text";
import { isDocBlank, sameDoc } from "./rich-text-doc";
import { parseTagInput } from "./tags";

/** Fields an author may change on their annotation. */
export interface AnnotationPatch {
  body?: TiptapDoc;
  tags?: string[];
  scope?: Scope;
  /** A highlight code of the class, or null to clear it. */
  codeId?: string | null;
}

/** Result of building a patch: only the fields that changed, or why it can't be sent. */
export type EditPatchResult =
  | { ok: true; patch: AnnotationPatch; isEmpty: boolean }
  | { ok: false; field: "tags"; message: string };

function sameTags(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((t, i) => t === b[i]);
}

/**
 * Compares the edit form with the annotation and keeps only what changed, so
 * a tag edit never rewrites a body someone else is replying to. `body` must
 * already have passed parseRichText. A bare highlight left without text keeps
 * its null body rather than gaining an empty document.
 */
export function buildEditPatch(
  annotation: Pick<AnnotationDTO, "body" | "tags" | "scope">,
  body: TiptapDoc,
  tagsText: string,
  scope: Scope,
): EditPatchResult {
  const tags = parseTagInput(tagsText);
  if (!tags.ok) return { ok: false, field: "tags", message: tags.message };

  const patch: AnnotationPatch = {};
  const bodyUnchanged = sameDoc(annotation.body, body) || (annotation.body === null && isDocBlank(body));
  if (!bodyUnchanged) patch.body = body;
  if (!sameTags(annotation.tags, tags.tags)) patch.tags = tags.tags;
  if (scope !== annotation.scope) patch.scope = scope;
  return { ok: true, patch, isEmpty: Object.keys(patch).length === 0 };
}
