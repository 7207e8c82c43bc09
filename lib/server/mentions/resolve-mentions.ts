import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { mapMentions, mentionedIds, type TiptapDoc } from "@/lib/rich-text";

export const CANNOT_MENTION = "You can only mention members of this class. In an anonymous assignment, students can mention their teachers only.";

/**
 * Checks the @mentions of a text about to be stored in an assignment and
 * writes each one's label as the member's name (a client's label is never
 * kept, so "@Teacher" cannot be forged). Only members of the class can be
 * mentioned; a student of an anonymous assignment can mention its teachers
 * only, never a classmate by name. Who a mention notifies is decided later,
 * by the visibility rule (lib/server/notifications): mentioning someone never
 * shows them what they may not see. A text without mentions costs no query.
 */
export async function resolveMentions(doc: TiptapDoc, { assignmentId, authorId }: { assignmentId: string; authorId: string }): Promise<TiptapDoc> {
  const ids = mentionedIds(doc);
  if (ids.length === 0) return doc;
  const assignment = await db.assignment.findUnique({
    where: { id: assignmentId },
    select: {
      anonymousPeers: true,
      classroom: { select: { memberships: { where: { userId: { in: [...ids, authorId] } }, select: { userId: true, role: true, user: { select: { name: true } } } } } },
    },
  });
  const members = new Map(assignment?.classroom.memberships.map((m) => [m.userId, m]));
  const authorIsStudent = members.get(authorId)?.role !== "teacher";
  const names = new Map<string, string>();
  for (const id of ids) {
    const member = members.get(id);
    const isHiddenClassmate = assignment?.anonymousPeers && authorIsStudent && member?.role === "student" && id !== authorId;
    if (!member || isHiddenClassmate) throw new AppError("invalid", CANNOT_MENTION);
    names.set(id, member.user.name);
  }
  return mapMentions(doc, ({ id }) => ({ id, label: names.get(id)! }));
}

/** Texts that belong to no thread (an assignment's instructions) mention nobody. */
export function refuseMentions(doc: TiptapDoc, noun: string): TiptapDoc {
  if (mentionedIds(doc).length > 0) throw new AppError("invalid", `Mentions can be used in comments and replies, not in ${noun}.`);
  return doc;
}
