import "server-only";
import { db } from "@/lib/db";
import { arePeerFlagsVisible } from "@/lib/server/annotations/visibility";

/** What a live stream's reader may hear, as it stands now. */
export interface ListenerStanding {
  isTeacher: boolean;
  peerFlagsVisible: boolean;
  /** The assignment hides classmates' names from students. */
  anonymousPeers: boolean;
}

interface Ask {
  sessionToken: string;
  viewerId: string;
  resolve: (standing: ListenerStanding | null) => void;
  reject: (error: unknown) => void;
}

/** Asks made in the same tick, per assignment: answered together. */
const waiting = new Map<string, Ask[]>();

/**
 * Re-checks an open stream's reader: the session row it was opened with is
 * still there and unexpired (signing out deletes it), and the reader is still
 * a member of the assignment's class. Null closes the stream.
 *
 * A delivery re-checks every reader it reaches at once (60 readers of one
 * class: 60 asks in one tick), so asks made together for one assignment are
 * answered by one batch of three queries rather than three queries each:
 * the sessions, the memberships with the assignment's setting, and who has
 * a flag of their own. Peer-flag visibility is PEER_FLAGS_RULE evaluated on
 * those facts, the rule the annotation list reads as a `where`.
 */
export function readListenerStanding({
  sessionToken,
  viewerId,
  assignmentId,
}: {
  sessionToken: string;
  viewerId: string;
  assignmentId: string;
}): Promise<ListenerStanding | null> {
  return new Promise((resolve, reject) => {
    const batch = waiting.get(assignmentId);
    if (batch) return void batch.push({ sessionToken, viewerId, resolve, reject });
    waiting.set(assignmentId, [{ sessionToken, viewerId, resolve, reject }]);
    queueMicrotask(() => {
      const asks = waiting.get(assignmentId) ?? [];
      waiting.delete(assignmentId);
      readStandings(assignmentId, asks).then(
        (standings) => asks.forEach((ask, i) => ask.resolve(standings[i])),
        (error: unknown) => asks.forEach((ask) => ask.reject(error)),
      );
    });
  });
}

async function readStandings(assignmentId: string, asks: Ask[]): Promise<(ListenerStanding | null)[]> {
  const now = new Date();
  const viewerIds = [...new Set(asks.map((a) => a.viewerId))];
  const [sessions, assignment, ownFlags] = await Promise.all([
    db.session.findMany({
      where: { sessionToken: { in: [...new Set(asks.map((a) => a.sessionToken))] }, expires: { gt: now } },
      select: { sessionToken: true, userId: true },
    }),
    db.assignment.findFirst({
      where: { id: assignmentId },
      select: {
        anonymousPeers: true,
        peerFlagVisibility: true,
        dueAt: true,
        classroom: { select: { memberships: { where: { userId: { in: viewerIds } }, select: { userId: true, role: true } } } },
      },
    }),
    db.annotation.groupBy({
      by: ["authorId"],
      where: { assignmentId, authorId: { in: viewerIds }, kind: "flag", deletedAt: null },
    }),
  ]);
  const sessionOf = new Map(sessions.map((s) => [s.sessionToken, s.userId]));
  const roleOf = new Map(assignment?.classroom.memberships.map((m) => [m.userId, m.role]));
  const hasOwnFlag = new Set(ownFlags.map((f) => f.authorId));
  return asks.map(({ sessionToken, viewerId }) => {
    const role = roleOf.get(viewerId);
    if (!assignment || !role || sessionOf.get(sessionToken) !== viewerId) return null;
    const isTeacher = role === "teacher";
    const peerFlagsVisible = arePeerFlagsVisible({
      always: assignment.peerFlagVisibility === "always",
      afterDue: assignment.peerFlagVisibility === "after_due",
      pastDue: assignment.dueAt <= now,
      afterOwnFlag: assignment.peerFlagVisibility === "after_own_flag",
      ownFlag: hasOwnFlag.has(viewerId),
      teacher: isTeacher,
    });
    return { isTeacher, peerFlagsVisible, anonymousPeers: assignment.anonymousPeers };
  });
}
