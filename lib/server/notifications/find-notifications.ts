import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getSchoolTimeZone } from "@/lib/env";
import { formatDate } from "@/lib/format/dates";
import { readerHref } from "@/lib/review/reader-href";
import { visibleAnnotationWhere } from "@/lib/server/annotations/visibility";
import { announceUnread } from "./unread-signal";

/** One notification as its recipient reads it. */
export interface NotificationDTO {
  id: string;
  kind: "reply" | "mention" | "flag_decision" | "assignment_new" | "due_soon";
  /** What happened, in one sentence (names masked as the assignment's anonymity asks). */
  text: string;
  /** The teacher's reason, for a flag decision. */
  reason: string | null;
  assignmentTitle: string;
  /** The thread in the reader, or the reader itself for a new assignment. */
  href: string;
  createdAt: string;
  isRead: boolean;
}

/** How many notifications the list shows, newest first. */
export const NOTIFICATION_PAGE = 50;

/**
 * Notifications of `userId` that still make sense to show: in a class they
 * are still in, about a thread they may still see (the visibility rule
 * again, so one made private or hidden since says nothing more).
 */
export function shownNotifications(userId: string): Prisma.NotificationWhereInput {
  return {
    userId,
    assignment: { classroom: { memberships: { some: { userId } } } },
    OR: [{ annotationId: null }, { annotation: visibleAnnotationWhere(userId) }],
  };
}

const DECISIONS: Record<string, string> = {
  verified: "Your flag was verified",
  rejected: "Your flag was rejected",
  needs_evidence: "Your teacher asked for evidence for your flag",
};

export async function countUnread(userId: string): Promise<number> {
  return db.notification.count({ where: { ...shownNotifications(userId), readAt: null } });
}

export async function findNotifications(userId: string): Promise<{ notifications: NotificationDTO[]; unread: number }> {
  const [notifications, unread] = await Promise.all([describeNotifications(userId), countUnread(userId)]);
  return { notifications, unread };
}

/**
 * The notifications of `userId` as they read them, newest first: only those
 * shownNotifications still allows (narrowed by `where`), with names masked
 * as the assignment's anonymity asks. The page and the e-mail digest both
 * read them here, so a mail never says more than the page would.
 */
export async function describeNotifications(
  userId: string,
  { where = {}, take = NOTIFICATION_PAGE }: { where?: Prisma.NotificationWhereInput; take?: number } = {},
): Promise<NotificationDTO[]> {
  const rows = await db.notification.findMany({
    where: { AND: [shownNotifications(userId), where] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: {
      id: true,
      kind: true,
      annotationId: true,
      actorId: true,
      flagStatus: true,
      reason: true,
      createdAt: true,
      readAt: true,
      assignment: {
        select: {
          id: true,
          dueAt: true,
          anonymousPeers: true,
          essay: { select: { slug: true, title: true } },
          classroom: { select: { memberships: { select: { userId: true, role: true } } } },
        },
      },
    },
  });
  const actorIds = [...new Set(rows.map((r) => r.actorId).filter((id): id is string => id !== null))];
  const actors = new Map((await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  const timeZone = getSchoolTimeZone();
  return rows.map((row): NotificationDTO => {
    const a = row.assignment;
    const roles = new Map(a.classroom.memberships.map((m) => [m.userId, m.role]));
    // A student of an anonymous assignment never learns which classmate it was (their teachers keep their names).
    const masked = a.anonymousPeers && roles.get(userId) === "student" && row.actorId !== null && roles.get(row.actorId) !== "teacher";
    const who = !row.actorId ? "Someone" : masked ? "A classmate" : (actors.get(row.actorId) ?? "Someone");
    const text =
      row.kind === "reply"
        ? `${who} replied in a thread of yours`
        : row.kind === "mention"
          ? `${who} mentioned you`
          : row.kind === "flag_decision"
            ? (DECISIONS[row.flagStatus ?? ""] ?? "Your flag was reviewed")
            : row.kind === "assignment_new"
              ? `New reading assigned, due ${formatDate(a.dueAt, timeZone, "due")}`
              : `Due soon and not finished yet: due ${formatDate(a.dueAt, timeZone, "due")}`;
    return {
      id: row.id,
      kind: row.kind,
      text,
      reason: row.kind === "flag_decision" ? row.reason : null,
      assignmentTitle: a.essay.title,
      href: readerHref({ id: a.id, essaySlug: a.essay.slug }, row.annotationId ?? undefined),
      createdAt: row.createdAt.toISOString(),
      isRead: row.readAt !== null,
    };
  });
}

/** Marks the recipient's own notifications read: some by id (others' ids change nothing), or all. */
export async function markRead(userId: string, input: { ids: string[] } | { all: true }): Promise<number> {
  const { count } = await db.notification.updateMany({ where: { userId, readAt: null, ...("ids" in input ? { id: { in: input.ids } } : {}) }, data: { readAt: new Date() } });
  // The user's other tabs follow too.
  if (count > 0) await announceUnread([userId]);
  return countUnread(userId);
}
