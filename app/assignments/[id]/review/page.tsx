import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { GradesPanel } from "@/components/lti/grades-panel";
import { ReviewView } from "@/components/review/review-view";
import { cachedRevision } from "@/lib/server/essays/revision-cache";
import { readerHref } from "@/lib/review/reader-href";
import { findAnnotations } from "@/lib/server/annotations/find-annotations";
import { findKeyReport } from "@/lib/server/answer-key/find-key-report";
import { findAssignmentGroups } from "@/lib/server/groups/assignment-groups";
import { findGradeBook } from "@/lib/server/grades/grade-book";
import { listAnswerKey } from "@/lib/server/answer-key/list-answer-key";
import { AppError } from "@/lib/errors";
import { findReviewAssignment } from "@/lib/server/assignments/find-review-assignment";
import { requireViewer } from "@/lib/server/auth/viewer";
import { findHintsForAssignment } from "@/lib/server/hints/find-hints-for-assignment";
import { findReviewBlocks } from "@/lib/server/review/find-review-blocks";
import { findStudentTable } from "@/lib/server/review/find-student-table";
import { safePageValues } from "@/lib/server/http/route-params";
import { getSchoolTimeZone } from "@/lib/env";
import { formatDate, toIsoString, toWallTime } from "@/lib/format/dates";
import { CopyAssignmentForm } from "@/components/assignments/copy-assignment-form";
import { listCopyTargets } from "@/lib/server/assignments/copy-assignment";

type Props = { params: Promise<{ id: string }> };

export const metadata: Metadata = { title: "Review" };

/**
 * The teacher's review page for one assignment. Only teachers of its class
 * get it; students and other classes' teachers get the same 404 as a missing
 * assignment, and a signed-out visitor is sent to sign in first.
 */
export default async function ReviewPage({ params }: Props) {
  const { id } = await safePageValues(params);
  const viewer = await requireViewer(`/assignments/${encodeURIComponent(id)}/review`);
  const assignment = await findReviewAssignment({ viewerId: viewer.id, assignmentId: id });
  if (!assignment) notFound();

  const ask = { viewerId: viewer.id, assignmentId: assignment.id };
  const [hints, key, report, annotations, students, blocks, grades, groups, copyTargets] = await Promise.all([
    // Hints come with the page only when they are ready: one still being prepared (a cold reading worker,
    // a long text) must neither hold the page back nor take it down. The browser fetches it (use-hint-list.ts).
    findHintsForAssignment({ ...ask, budgetMs: 0 }).catch((error: unknown) => {
      if (error instanceof AppError && error.code === "unavailable") return null;
      throw error;
    }),
    listAnswerKey(ask),
    findKeyReport(ask),
    findAnnotations(ask),
    findStudentTable(ask),
    findReviewBlocks({ ...ask, revisionId: assignment.revision.id }),
    findGradeBook(ask),
    findAssignmentGroups(ask),
    listCopyTargets({ viewerId: viewer.id, classroomId: assignment.classroomId }),
  ]);
  const dueAt = assignment.dueAt;
  // A picture reading: the heatmap and the queue show its regions on the picture.
  const cached = await cachedRevision(assignment.revision.id);
  const picture = cached?.picture
    ? { src: `/api/source-files/${cached.picture.imageFileId}`, alt: assignment.essay.altText ?? "", width: cached.picture.width, height: cached.picture.height }
    : null;

  return (
    <div className="page review-page">
      <p className="assignment-strip">
        {assignment.className} · due{" "}
        <time dateTime={toIsoString(dueAt)}>{formatDate(dueAt, getSchoolTimeZone(), "due")}
        </time>
      </p>
      <h1>Review: {assignment.essay.title}</h1>
      <p>
        <Link href={readerHref({ id: assignment.id, essaySlug: assignment.essay.slug })}>Back to the reader</Link>
      </p>
      <CopyAssignmentForm assignmentId={assignment.id} classes={copyTargets} defaultDue={toWallTime(dueAt, getSchoolTimeZone())} />
      <GradesPanel initial={grades} />
      <ReviewView
        text={assignment.revision.text}
        blocks={blocks}
        essaySlug={assignment.essay.slug}
        picture={picture}
        dashboard={{ list: annotations, students }}
        groups={groups}
        classroomId={assignment.classroomId}
        initial={{
          assignmentId: assignment.id,
          settings: { peerFlagVisibility: assignment.peerFlagVisibility, hintVisibility: assignment.hintVisibility },
          hints: hints ? { revisionId: hints.revisionId, hints: hints.hints } : null,
          key,
          report,
        }}
      />
    </div>
  );
}
