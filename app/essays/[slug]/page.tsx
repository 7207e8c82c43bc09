import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EssayText } from "@/components/reader/essay-text";
import { Provenance } from "@/components/reader/provenance";
import { ReaderView } from "@/components/reader/reader-view";
import type { ReaderSource } from "@/components/reader/reader-source";
import { SourcePreview } from "@/components/reader/source-preview";
import { RichTextView } from "@/components/ui/rich-text-view";
import { plainTextOfUnknown } from "@/lib/rich-text";
import { findAnnotations } from "@/lib/server/annotations/find-annotations";
import { requireViewer } from "@/lib/server/auth/viewer";
import { findReadableEssay, findReaderAssignment } from "@/lib/server/essays/find-readable-essay";
import { safePageValues } from "@/lib/server/http/route-params";
import { getSchoolTimeZone } from "@/lib/env";
import { formatDate, toIsoString } from "@/lib/format/dates";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ assignment?: string; annotation?: string; student?: string }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await safePageValues(params);
  return { title: slug.replace(/-/g, " ") };
}

export default async function EssayPage({ params, searchParams }: Props) {
  const { slug } = await safePageValues(params);
  const { assignment: assignmentId, annotation: openAnnotationId, student } = await safePageValues(searchParams);
  const viewer = await requireViewer(`/essays/${slug}${assignmentId ? `?assignment=${encodeURIComponent(assignmentId)}` : ""}`);
  const essay = await findReadableEssay({ viewerId: viewer.id, slug });
  if (!essay) notFound();
  const assignment = await findReaderAssignment({ viewerId: viewer.id, essayId: essay.id, assignmentId });
  const hasOwnTitle = essay.revision.blocks.some((b) => b.type === "heading" && b.level === 1);
  const titleId = "essay-title";
  // A reading made from a PDF or scan: its pages can be shown as they are.
  const source: ReaderSource | undefined = essay.revision.geometry
    ? {
        geometry: essay.revision.geometry,
        fileUrl: essay.revision.geometry.kind === "pdf" && essay.revision.sourceFileId ? `/api/source-files/${essay.revision.sourceFileId}` : null,
        altText: essay.altText,
        isScan: essay.sourceKind === "scan",
        isPicture: essay.sourceKind === "image",
      }
    : undefined;

  const header = (
    <>
      {assignment ? (
        <nav className="assignment-strip" aria-label="Assignment">
          <span>
            {assignment.className} · due{" "}
            <time dateTime={toIsoString(assignment.dueAt)}>{formatDate(assignment.dueAt, getSchoolTimeZone(), "due")}
            </time>
          </span>
          <a href={`/essays/${essay.slug}/errata?assignment=${assignment.id}`}>Errata</a>
          {assignment.role === "teacher" ? <a href={`/assignments/${assignment.id}/review`}>Review</a> : null}
        </nav>
      ) : null}
      {assignment && plainTextOfUnknown(assignment.instructions).trim() ? (
        <section className="instructions" aria-label="Your teacher's instructions">
          <RichTextView doc={assignment.instructions} />
        </section>
      ) : null}
      {hasOwnTitle ? null : <h1 id={titleId}>{essay.meta.title}</h1>}
      <Provenance meta={essay.meta} />
    </>
  );

  if (!assignment) {
    return (
      <div className="reader-layout">
        <article className="reader-article" aria-labelledby={titleId} data-revision={essay.revision.id}>
          {header}
          {source ? (
            <SourcePreview text={essay.revision.text} blocks={essay.revision.blocks} titleId={hasOwnTitle ? titleId : undefined} source={source} />
          ) : (
            <EssayText text={essay.revision.text} blocks={essay.revision.blocks} titleId={hasOwnTitle ? titleId : undefined} />
          )}
        </article>
        <aside className="annotation-column" aria-label="Annotations">
          <h2 className="column-title">Annotations</h2>
          <p className="muted">This essay is not assigned to any of your classes, so there are no class annotations.</p>
        </aside>
      </div>
    );
  }

  const initial = await findAnnotations({ viewerId: viewer.id, assignmentId: assignment.id });
  return (
    <ReaderView
      openAnnotationId={openAnnotationId}
      onlyAuthorId={assignment.role === "teacher" ? student : undefined}
      text={essay.revision.text}
      blocks={essay.revision.blocks}
      titleId={titleId}
      initial={initial}
      header={header}
      source={source}
    />
  );
}
