import "server-only";
import type { AnnotationDTO } from "@/lib/annotations/types";
import { db } from "@/lib/db";
import { annotationInclude, loadSharedDtoContext, toAnnotationDTO, viewerDtoContext } from "@/lib/server/annotations/annotation-dto";
import { loadMergeLinks, visibleMergePartners } from "@/lib/server/annotations/merge-partners";
import { cachedRevision } from "@/lib/server/essays/revision-cache";
import { seesReply, type ReplyNow, type RootNow } from "./hearing";
import type { ListenerStanding } from "./listener-access";

/** A change-log row as a delivery reads it. */
export interface EventRow {
  id: bigint;
  type: string;
  entityId: string;
  actorId: string | null;
  scope: "private" | "class" | "teachers" | null;
  ownerId: string | null;
  kind: "highlight" | "comment" | "flag" | null;
  groupId: string | null;
}

/** The threads one delivery's changes are about, loaded once for all of the assignment's readers. */
export interface DeliveryThreads {
  /**
   * The thread (root annotation id) a change is about: undefined when it is
   * about no thread (the whole assignment, the answer key); null when it was
   * about a reply that is gone, so its thread cannot be named.
   */
  threadOf: (row: EventRow) => string | null | undefined;
  /** The thread as it stands now, for hearingOf; null once its row is gone. */
  rootOf: (threadId: string) => RootNow | null;
  /** The reply a reply change is about, for seesReply; undefined for other changes or a reply that is gone. */
  replyOf: (row: EventRow) => ReplyNow | undefined;
  /**
   * The threads as one reader sees them: the list's own DTO mapping
   * (toAnnotationDTO) with that reader's context, so a delta is exactly the
   * item the list would give them, its replies filtered by seesReply (the
   * list's include reads the same rule as a `where`). Only call it for
   * threads hearingOf lets them see.
   */
  viewFor: (viewer: { viewerId: string; standing: ListenerStanding }, threadIds: string[]) => Promise<Map<string, AnnotationDTO>>;
}

/**
 * Loads the threads of `rows` with everything their DTOs need: the rows with
 * replies, flag, votes and credits; the class's teachers, the anonymous
 * labels, audit trails and current revision (shared by all readers); and
 * the flags' merge links. Two rounds of parallel queries per delivery,
 * however many readers it reaches; per reader, one more query only when a
 * shown flag was merged with another. Audits are loaded for the flags the
 * log names, which may include a flag no reader sees: it is never mapped.
 * `asOf` is stamped on every DTO: the delivery's newest log id, since these
 * rows were read after it.
 */
export async function loadDeliveryThreads(assignmentId: string, rows: EventRow[], asOf: string): Promise<DeliveryThreads> {
  const about = rows.filter((r) => r.kind !== null && r.entityId !== "*");
  const nothing = { rootOf: () => null, replyOf: () => undefined, viewFor: async () => new Map() };
  if (about.length === 0) return { ...nothing, threadOf: () => undefined };
  const replyIds = about.filter((r) => r.type.startsWith("reply.")).map((r) => r.entityId);
  // Two rounds of queries in parallel: what the events name, then the threads and what their DTOs need.
  const [replies, assignment] = await Promise.all([
    replyIds.length ? db.reply.findMany({ where: { id: { in: replyIds } }, select: { id: true, annotationId: true, authorId: true, groupId: true } }) : [],
    db.assignment.findUnique({
      where: { id: assignmentId },
      select: { classroomId: true, anonymousPeers: true, essay: { select: { revisions: { orderBy: { number: "desc" }, take: 1, select: { id: true } } } } },
    }),
  ]);
  const replyThread = new Map(replies.map((r) => [r.id, r.annotationId]));
  const replyRows = new Map(replies.map((r) => [r.id, r]));
  const replyOf = (r: EventRow) => (r.type.startsWith("reply.") ? replyRows.get(r.entityId) : undefined);
  const threadOf = (r: EventRow): string | null | undefined => {
    if (r.kind === null || r.entityId === "*") return undefined;
    return r.type.startsWith("reply.") ? (replyThread.get(r.entityId) ?? null) : r.entityId;
  };
  const idsOf = (list: EventRow[]) => [...new Set(list.map(threadOf).filter((id): id is string => typeof id === "string"))];
  const ids = idsOf(about);
  // The log names each row's root kind, so flags are known before their rows are read.
  const flagIds = idsOf(about.filter((r) => r.kind === "flag"));
  const revisionId = assignment?.essay.revisions[0]?.id;
  const revision = revisionId ? await cachedRevision(revisionId) : null;
  if (!assignment || !revision || ids.length === 0) return { ...nothing, threadOf };
  const [threads, shared, links] = await Promise.all([
    db.annotation.findMany({ where: { id: { in: ids }, assignmentId }, include: annotationInclude }),
    loadSharedDtoContext({
      assignmentId,
      classroomId: assignment.classroomId,
      anonymousPeers: assignment.anonymousPeers,
      revision,
      flagIds,
      forStudents: true,
    }),
    loadMergeLinks(flagIds),
  ]);
  const byId = new Map(threads.map((t) => [t.id, t]));
  const roots = new Map(
    threads.map((a): [string, RootNow] => [
      a.id,
      {
        authorId: a.authorId,
        scope: a.scope,
        kind: a.kind,
        isHidden: a.hiddenAt !== null,
        isDeleted: a.deletedAt !== null,
        hasLiveReplies: a.replies.some((r) => r.deletedAt === null),
        isGuide: a.guide !== null,
        groupId: a.groupId,
      },
    ]),
  );
  return {
    threadOf,
    rootOf: (id) => roots.get(id) ?? null,
    replyOf,
    viewFor: async ({ viewerId, standing }, threadIds) => {
      const shown = threadIds.map((id) => byId.get(id)).filter((t) => t !== undefined);
      if (shown.length === 0) return new Map();
      const shownFlags = shown.filter((t) => t.kind === "flag").map((t) => t.id);
      const mergePartners = await visibleMergePartners(viewerId, shownFlags, links);
      const ctx = viewerDtoContext(shared, { viewerId, role: standing.isTeacher ? "teacher" : "student", mergePartners });
      const seen = (t: (typeof shown)[number]) => {
        const root = roots.get(t.id)!;
        return { ...t, replies: t.replies.filter((r) => seesReply({ ...r, isDeleted: r.deletedAt !== null }, root, viewerId, standing)) };
      };
      return new Map(shown.map((t) => [t.id, { ...toAnnotationDTO(seen(t), ctx), asOf }]));
    },
  };
}
