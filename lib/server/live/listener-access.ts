import "server-only";
import { db } from "@/lib/db";
import { peerFlagsVisibleWhere } from "@/lib/server/annotations/visibility";

/** What a live stream's reader may hear, as it stands now. */
export interface ListenerStanding {
  isTeacher: boolean;
  peerFlagsVisible: boolean;
  /** The assignment hides classmates' names from students. */
  anonymousPeers: boolean;
}

/**
 * Re-checks an open stream's reader: the session row it was opened with is
 * still there and unexpired (signing out deletes it), and the reader is still
 * a member of the assignment's class. Null closes the stream. Two indexed
 * queries, run together; the peer-flag setting is read through the same
 * `where` as the annotation list's.
 */
export async function readListenerStanding({
  sessionToken,
  viewerId,
  assignmentId,
}: {
  sessionToken: string;
  viewerId: string;
  assignmentId: string;
}): Promise<ListenerStanding | null> {
  const now = new Date();
  const [session, assignment, peerFlags] = await Promise.all([
    db.session.count({ where: { sessionToken, userId: viewerId, expires: { gt: now } } }),
    db.assignment.findFirst({
      where: { id: assignmentId },
      select: { anonymousPeers: true, classroom: { select: { memberships: { where: { userId: viewerId }, select: { role: true } } } } },
    }),
    db.assignment.count({ where: { id: assignmentId, ...peerFlagsVisibleWhere(viewerId, now) } }),
  ]);
  const role = assignment?.classroom.memberships[0]?.role;
  if (session === 0 || !assignment || !role) return null;
  return { isTeacher: role === "teacher", peerFlagsVisible: peerFlags > 0, anonymousPeers: assignment.anonymousPeers };
}
