import "server-only";
import { createTextIndex } from "@/lib/anchoring";
import { db } from "@/lib/db";
import { buildKeyReport, type PlacedEntry, type PlacedFlag } from "@/lib/review/build-key-report";
import { readerHref } from "@/lib/review/reader-href";
import type { KeyReportDTO } from "@/lib/review/types";
import { visibleAnnotationWhere } from "@/lib/server/annotations/visibility";
import { requireReviewAssignment, taughtBy } from "@/lib/server/assignments/find-review-assignment";
import { toAnswerKeyEntryDTO } from "./answer-key-dto";
import { placeKeyEntries } from "./place-key-entries";

/**
 * "Who found what" for an assignment (teachers of its class only; 404 for
 * anyone else): each key entry with the students whose flags found it (same
 * category, overlapping span) or partly found it (overlap, other category),
 * each student's found / partial / missed counts, and the flags outside the
 * key with links into the reader. Flags and entries are compared on the
 * current revision. Only flags the teacher may see count (never a student's
 * private ones), and rejected flags do not count: the teacher has ruled them
 * wrong. Merged flags still count for their own author.
 */
export async function findKeyReport({ viewerId, assignmentId }: { viewerId: string; assignmentId: string }): Promise<KeyReportDTO> {
  const assignment = await requireReviewAssignment({ viewerId, assignmentId });
  const revision = { ...assignment.revision, index: createTextIndex(assignment.revision.text) };

  const [entryRows, members, flagRows] = await Promise.all([
    db.answerKeyEntry.findMany({
      where: { assignmentId, assignment: taughtBy(viewerId) },
      orderBy: [{ startCp: "asc" }, { endCp: "asc" }, { createdAt: "asc" }],
    }),
    db.membership.findMany({
      where: { classroomId: assignment.classroomId, role: "student" },
      select: { user: { select: { id: true, name: true } } },
      orderBy: [{ user: { name: "asc" } }, { userId: "asc" }],
    }),
    db.annotation.findMany({
      where: {
        AND: [
          { assignmentId, kind: "flag", deletedAt: null, flag: { status: { not: "rejected" } } },
          visibleAnnotationWhere(viewerId),
        ],
      },
      select: {
        id: true,
        authorId: true,
        revisionId: true,
        anchorStatus: true,
        startCp: true,
        endCp: true,
        exact: true,
        prefix: true,
        suffix: true,
        flag: { select: { category: true, correction: true, status: true } },
      },
      orderBy: [{ startCp: "asc" }, { createdAt: "asc" }],
    }),
  ]);

  const placements = await placeKeyEntries(entryRows, revision);
  const entries: PlacedEntry[] = entryRows.map((row, i) => ({ entry: toAnswerKeyEntryDTO(row, revision.id), ...placements[i] }));
  const flags: PlacedFlag[] = flagRows.flatMap((row) =>
    row.flag
      ? [
          {
            id: row.id,
            authorId: row.authorId,
            // Re-anchoring moves flags onto each new revision; one left behind is an orphan and cannot be compared.
            span: row.revisionId === revision.id && row.anchorStatus !== "orphan" ? { start: row.startCp, end: row.endCp } : null,
            quote: { exact: row.exact, prefix: row.prefix, suffix: row.suffix },
            isOnReplacedWords: row.anchorStatus === "replaced",
            ...row.flag,
          },
        ]
      : [],
  );
  const essaySlug = assignment.essay.slug;
  const body = buildKeyReport({
    entries,
    students: members.map((m) => m.user),
    flags,
    hrefFor: (annotationId) => readerHref({ id: assignmentId, essaySlug }, annotationId),
  });
  return { assignmentId, revisionId: revision.id, ...body };
}
