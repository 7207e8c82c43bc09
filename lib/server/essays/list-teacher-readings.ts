import "server-only";
import { db } from "@/lib/db";

/** One reading on a teacher's classes page. */
export interface TeacherReading {
  id: string;
  slug: string;
  title: string;
  /** "file" for an essay from content/, "teacher" for one added in the app. */
  origin: "file" | "teacher";
  /** The viewer added it in the app, so may edit it. */
  isOwn: boolean;
  isShared: boolean;
  /** The viewer's classes that have an assignment on it, by name. */
  classNames: string[];
}

/**
 * The readings a teacher works with: every essay an assignment of a class
 * they teach uses (content files included, which nobody "added"), plus the
 * readings they added in the app, assigned or not. Assigned first, then by
 * title. Only the viewer's own classes are named.
 */
export async function listTeacherReadings({ viewerId }: { viewerId: string }): Promise<TeacherReading[]> {
  const taught = { classroom: { memberships: { some: { userId: viewerId, role: "teacher" as const } } } };
  const rows = await db.essay.findMany({
    where: { OR: [{ ownerId: viewerId, origin: "teacher" }, { assignments: { some: taught } }] },
    select: {
      id: true,
      slug: true,
      title: true,
      origin: true,
      ownerId: true,
      isShared: true,
      assignments: { where: taught, select: { classroom: { select: { name: true } } } },
    },
    orderBy: [{ title: "asc" }, { id: "asc" }],
  });
  return rows
    .map((row) => ({
      id: row.id,
      slug: row.slug,
      title: row.title,
      origin: row.origin,
      isOwn: row.origin === "teacher" && row.ownerId === viewerId,
      isShared: row.isShared,
      classNames: [...new Set(row.assignments.map((a) => a.classroom.name))].sort((a, b) => a.localeCompare(b)),
    }))
    .sort((a, b) => Number(b.classNames.length > 0) - Number(a.classNames.length > 0));
}
