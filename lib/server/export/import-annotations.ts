import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { requireReviewAssignment } from "@/lib/server/assignments/find-review-assignment";
import { requireShallowJson } from "@/lib/server/http/json-depth";
import { cachedRevision } from "@/lib/server/essays/revision-cache";
import { requireAbsoluteUrl } from "@/lib/w3c/iri";
import { listImportItems } from "@/lib/w3c/list-import-items";
import { loadClassCodes } from "@/lib/server/highlight-codes/find-highlight-codes";
import { isForeignKeyViolation } from "@/lib/server/db-errors";
import { localIdOf, planImport } from "./plan-import";
import { writeImport } from "./write-import";

/** What a teacher is told after an import. */
export interface ImportSummary {
  /** Annotations written (highlights, comments, flags). */
  imported: number;
  /** Replies written. */
  replies: number;
  /** Annotations that could not be placed on the current text: not written. */
  orphans: number;
  /** Items already in the assignment (an earlier import, or this assignment's own export) or repeated in the file. */
  skippedDuplicates: number;
  /** Replies not written: their parent is in neither the file nor the assignment, is an orphan, is deleted, or is not visible to the importer. */
  unattachedReplies: number;
  /** The quoted words of each orphan, in file order, so the teacher can find them. */
  orphanQuotes: string[];
}

/** Big files hold thousands of rows: more than the default five seconds to write. */
const TRANSACTION_TIMEOUT_MS = 60_000;

/**
 * Imports W3C Web Annotations into an assignment (teachers of its class only;
 * anyone else gets not_found). `json` may be an AnnotationCollection with its
 * pages embedded (our download), an AnnotationPage, an array of annotations,
 * or one annotation, ours or another tool's (e.g. Hypothesis's JSON-LD).
 *
 * Every item is checked first: one malformed item fails the import with
 * AppError "invalid" naming its number in the file, and nothing is written.
 * Each annotation is anchored on the essay's current revision (quote, then
 * position); one that does not anchor is an orphan, reported by its quote and
 * not written, since a row here must point at words in the text.
 *
 * Authorship and time are never taken from the file: a creator IRI is only
 * a claim, even one naming a member of this class. Every row is authored by
 * the importing teacher, dated now, and marked imported (importedAt), with
 * the file's creator name and `created` date kept as provenance text
 * (originalCreatorName, originalCreated). So an imported item is nobody's
 * own work (isMine is false for everyone), counts in no student's row and
 * credits no finder. Teacher-only annotations (audience: teachers) stay
 * teacher-only; everything else is class-visible. Flags start open, with an
 * "imported" audit entry by the teacher.
 *
 * Ids are derived from each item's IRI and the assignment (UUID v5), so
 * importing the same file again skips what is already there. All rows go in
 * one transaction with one change event (entityId "*") for live readers.
 */
export async function importAnnotations({
  viewerId,
  assignmentId,
  json,
  baseUrl,
}: {
  viewerId: string;
  assignmentId: string;
  json: unknown;
  /** The app's origin, to recognise our own user and annotation IRIs. */
  baseUrl: string;
}): Promise<ImportSummary> {
  const origin = requireAbsoluteUrl(baseUrl, "baseUrl");
  // Also here, not only in the route: the item walk and the content hash recurse.
  requireShallowJson(json);
  const assignment = await requireReviewAssignment({ viewerId, assignmentId });
  const listed = listImportItems(json);
  if (!listed.ok) throw new AppError("invalid", `${listed.message} Nothing was imported.`);

  const codes = await loadClassCodes(assignment.classroomId);
  const picture = (await cachedRevision(assignment.revision.id))?.picture ?? null;
  const plan = planImport(listed.items, { assignmentId, baseUrl: origin, revisionText: assignment.revision.text, codes, picture });
  const ourAnnotationId = (iri: string) => localIdOf(iri, `${origin}/annotations/`);

  try {
    const counts = await db.$transaction(
      (tx) => writeImport(tx, { assignmentId, revisionId: assignment.revision.id, viewerId, plan, localIdOf: ourAnnotationId, now: new Date() }),
      { timeout: TRANSACTION_TIMEOUT_MS },
    );
    return { ...counts, orphans: plan.orphanQuotes.length, orphanQuotes: plan.orphanQuotes };
  } catch (error) {
    // Another writer took one of the derived ids between our check and insert.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("conflict", "Some of these annotations were just added by someone else. Import the file again; nothing was imported this time.");
    }
    if (isForeignKeyViolation(error)) {
      throw new AppError("conflict", "The class's highlight codes changed while importing. Import the file again; nothing was imported this time.");
    }
    throw error;
  }
}
