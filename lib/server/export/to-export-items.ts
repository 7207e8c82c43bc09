import "server-only";
import type { AnnotationDTO, ReplyDTO } from "@/lib/annotations/types";
import { toW3CAnnotation, type ExportAnnotation, type SourceRefinement, type W3CAnnotation } from "@/lib/w3c";
import { STUDENT_AUDIENCE, TEACHER_AUDIENCE, type W3CAudience } from "@/lib/w3c/teacher-audience";

/** One exported annotation: the W3C shape, marked when only teachers may see it, or as a guide for students. */
export type ExportedAnnotation = W3CAnnotation & { audience?: W3CAudience };

/** What the mapping needs besides the annotations. */
export interface ExportItemsContext {
  /** Absolute app origin, without a trailing slash. */
  baseUrl: string;
  essaySlug: string;
  /** The revision each annotation's selectors were made on, by annotation id. */
  revisionOf: ReadonlyMap<string, string>;
  /** The essay's current revision, for an annotation missing from revisionOf. */
  currentRevisionId: string;
  /** For a reading made from a file: where an annotation's passage stands in it (its PDF page, its box on a picture). */
  refinementOf?: (a: AnnotationDTO) => SourceRefinement | undefined;
  /** The class's highlight codes' labels, by id: a coded highlight exports its code as a classifying body. */
  codeLabels?: ReadonlyMap<string, string>;
}

/** The absolute IRI of one revision of an essay: the `source` of every target on it. */
export function essayRevisionUrl(baseUrl: string, slug: string, revisionId: string): string {
  return `${baseUrl}/essays/${encodeURIComponent(slug)}?revision=${encodeURIComponent(revisionId)}`;
}

function toExportAnnotation(a: AnnotationDTO, refinement: SourceRefinement | undefined, code: string | undefined): ExportAnnotation {
  const base = {
    id: a.id,
    createdAt: new Date(a.createdAt),
    updatedAt: new Date(a.updatedAt),
    author: { id: a.author.id, name: a.author.name },
    tags: a.tags,
    // A region of a picture has no words: its selector names the region alone.
    ...(a.region ? { refinement: { shape: a.region } } : { quote: a.quote, position: a.position, ...(refinement ? { refinement } : {}) }),
  };
  if (a.kind === "flag" && a.flag) {
    const { category, correction, status, rationale } = a.flag;
    return { ...base, kind: "flag", ...(rationale && { body: rationale }), flag: { category, correction, status } };
  }
  const coded = code ? { code } : {};
  // A hidden guide is the teachers' alone: it goes as their comment, not as something pinned for the class.
  const guide = a.guide && !a.isHidden ? { guide: a.guide } : {};
  if (a.kind === "comment" && a.body) return { ...base, ...coded, ...guide, kind: "comment", body: a.body };
  // A highlight never has text; a comment without one exports as what it shows.
  return { ...base, ...coded, kind: "highlight" };
}

function toExportReply(r: ReplyDTO & { body: NonNullable<ReplyDTO["body"]> }, parentId: string): ExportAnnotation {
  return {
    id: r.id,
    kind: "reply",
    createdAt: new Date(r.createdAt),
    updatedAt: new Date(r.updatedAt),
    author: { id: r.author.id, name: r.author.name },
    body: r.body,
    tags: [],
    parentId,
  };
}

/**
 * Maps the annotations a teacher sees (findAnnotations, text order) to W3C
 * annotations, each followed by its replies (oldest first), so a reader of the
 * file and the importer meet a parent before its replies.
 *
 * Left out, on purpose:
 * - deleted annotations, with their threads: the thread only stays in the app
 *   as context around a deleted comment, and its replies would point at an
 *   annotation the file does not contain; deleted replies likewise;
 * - private annotations, even the exporting teacher's own: the file is a
 *   record of the class's reading, and the model has no way to say "only me".
 *
 * Teacher-only threads and threads a teacher hid carry an `audience` of
 * teachers (see lib/w3c/teacher-audience.ts), so an import keeps them from
 * students.
 */
export function toExportItems(annotations: readonly AnnotationDTO[], ctx: ExportItemsContext): ExportedAnnotation[] {
  const out: ExportedAnnotation[] = [];
  for (const a of annotations) {
    if (a.isDeleted || a.scope === "private") continue;
    const options = {
      baseUrl: ctx.baseUrl,
      sourceUrl: essayRevisionUrl(ctx.baseUrl, ctx.essaySlug, ctx.revisionOf.get(a.id) ?? ctx.currentRevisionId),
    };
    const isForTeachers = a.scope === "teachers" || a.isHidden;
    const mark = (w: W3CAnnotation): ExportedAnnotation => (isForTeachers ? { ...w, audience: TEACHER_AUDIENCE } : w);
    const item = toExportAnnotation(a, ctx.refinementOf?.(a), a.codeId ? ctx.codeLabels?.get(a.codeId) : undefined);
    // A guide is for the students, whoever sees its answers (teachers as well: only they see the answers).
    const markRoot = (w: W3CAnnotation): ExportedAnnotation =>
      item.guide ? { ...w, audience: isForTeachers ? [STUDENT_AUDIENCE, TEACHER_AUDIENCE] : STUDENT_AUDIENCE } : mark(w);
    out.push(markRoot(toW3CAnnotation(item, options)));
    for (const r of a.replies) {
      if (r.isDeleted || !r.body) continue;
      out.push(mark(toW3CAnnotation(toExportReply({ ...r, body: r.body }, a.id), options)));
    }
  }
  return out;
}
