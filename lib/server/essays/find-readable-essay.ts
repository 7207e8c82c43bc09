import "server-only";
import type { Block } from "@/lib/content";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { readStoredGeometry } from "@/lib/sources";

/**
 * Who may read an essay (and the files it was made from): content-file essays
 * are the school's library; a reading a teacher added is visible to its
 * owner, to the classes it is assigned to, or when shared.
 */
export function readableEssayWhere(viewerId: string): Prisma.EssayWhereInput {
  return {
    OR: [
      { origin: "file" },
      { ownerId: viewerId },
      { isShared: true },
      { assignments: { some: { classroom: { memberships: { some: { userId: viewerId } } } } } },
    ],
  };
}

/**
 * The essay at `slug` with its current revision, if the viewer may read it:
 * content-file essays are the school's library; a reading a teacher added is
 * visible to its owner, to the classes it is assigned to, or when shared.
 */
export async function findReadableEssay({ viewerId, slug }: { viewerId: string; slug: string }) {
  const essay = await db.essay.findFirst({
    where: { slug, ...readableEssayWhere(viewerId) },
    include: { revisions: { orderBy: { number: "desc" }, take: 1 } },
  });
  const revision = essay?.revisions[0];
  if (!essay || !revision) return null;
  return {
    id: essay.id,
    slug: essay.slug,
    meta: {
      title: essay.title,
      author: essay.author,
      source: essay.source,
      sourceUrl: essay.sourceUrl ?? undefined,
      retrieved: essay.retrieved,
      notes: essay.notes,
    },
    sourceKind: essay.sourceKind,
    altText: essay.altText,
    revision: {
      id: revision.id,
      number: revision.number,
      text: revision.text,
      blocks: revision.blocks as unknown as Block[],
      /** Where the text stands on the pages of the file it came from (PDF, scan); null for a text reading. */
      geometry: readStoredGeometry(revision.geometry),
      sourceFileId: revision.sourceFileId,
    },
  };
}

export type ReadableEssay = NonNullable<Awaited<ReturnType<typeof findReadableEssay>>>;

/**
 * The assignment the reader opens in: the one named (if it is this essay's and
 * the viewer is in its class), else the viewer's soonest-due one for the essay.
 */
export async function findReaderAssignment({
  viewerId,
  essayId,
  assignmentId,
}: {
  viewerId: string;
  essayId: string;
  assignmentId?: string;
}) {
  const row = await db.assignment.findFirst({
    where: {
      essayId,
      ...(assignmentId ? { id: assignmentId } : {}),
      classroom: { memberships: { some: { userId: viewerId } } },
    },
    orderBy: { dueAt: "asc" },
    select: {
      id: true,
      dueAt: true,
      instructions: true,
      classroom: { select: { name: true, memberships: { where: { userId: viewerId }, select: { role: true } } } },
    },
  });
  if (!row) return null;
  return {
    id: row.id,
    dueAt: row.dueAt,
    instructions: row.instructions as unknown,
    className: row.classroom.name,
    role: row.classroom.memberships[0]?.role ?? "student",
  };
}
