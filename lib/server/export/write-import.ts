import "server-only";
import type { Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { toJson } from "@/lib/server/annotations/check-body";
import { visibleAnnotationWhere } from "@/lib/server/annotations/visibility";
import { recordChange } from "@/lib/server/live/record-change";
import { deriveImportId } from "@/lib/w3c/import-id";
import type { ImportPlan, PlannedAnnotation, PlannedReply } from "./plan-import";

/** What the transaction wrote and what it left out. */
export interface ImportCounts {
  imported: number;
  replies: number;
  skippedDuplicates: number;
  /** Replies not written: their parent is missing, an orphan, deleted, or not visible to the importer. */
  unattachedReplies: number;
}

/** A thread: the annotation replies attach to, and whether this import may add to it. */
interface Thread {
  id: string;
  isOpen: boolean;
}

interface Known {
  /** Annotation ids of this assignment, with whether the importer may reply to each. */
  annotations: Map<string, { isOpen: boolean }>;
  /** Reply ids of this assignment, with their thread. */
  replies: Map<string, Thread>;
}

/** The ids an IRI may already have here: derived by an earlier import, or our own when the IRI is ours. */
function idsFor(assignmentId: string, iri: string, localId?: string): string[] {
  return [deriveImportId({ assignmentId, iri }), ...(localId ? [localId] : [])];
}

async function loadKnown(
  tx: Tx,
  { assignmentId, viewerId, plan, localIdOf }: { assignmentId: string; viewerId: string; plan: ImportPlan; localIdOf: (iri: string) => string | undefined },
): Promise<Known> {
  const candidates = [
    ...plan.annotations.flatMap((a) => idsFor(assignmentId, a.iri, a.localId)),
    ...plan.replies.flatMap((r) => [...idsFor(assignmentId, r.iri, r.localId), ...idsFor(assignmentId, r.parentIri, localIdOf(r.parentIri))]),
  ];
  // Every existing id counts as a duplicate (writing it again would collide),
  // but replies may only join threads the importer can see: never someone's
  // private note, whatever IRI a file names.
  const [annotations, replies, visible] = await Promise.all([
    tx.annotation.findMany({ where: { assignmentId, id: { in: candidates } }, select: { id: true, deletedAt: true } }),
    tx.reply.findMany({ where: { id: { in: candidates }, annotation: { assignmentId } }, select: { id: true, annotationId: true } }),
    tx.annotation.findMany({
      where: { AND: [{ assignmentId, id: { in: candidates }, deletedAt: null }, visibleAnnotationWhere(viewerId)] },
      select: { id: true },
    }),
  ]);
  const open = new Set(visible.map((a) => a.id));
  return {
    annotations: new Map(annotations.map((a) => [a.id, { isOpen: open.has(a.id) }])),
    replies: new Map(replies.map((r) => [r.id, { id: r.annotationId, isOpen: open.has(r.annotationId) }])),
  };
}

/**
 * Writes a planned import inside the caller's transaction. Items already in
 * the assignment (same derived id, or our own id when the file is an export
 * of this very assignment) are skipped, which makes importing twice harmless.
 * A second import of the same assignment waits for the first to commit, so
 * it sees the first one's rows instead of racing it. Replies attach to their
 * parent's thread: a parent in the file, or one already here; a reply to a
 * reply joins that reply's thread, since threads here are one level deep.
 * Records one "reload everything" change event when anything was written.
 */
export async function writeImport(
  tx: Tx,
  { assignmentId, revisionId, viewerId, plan, localIdOf, now }: {
    assignmentId: string;
    revisionId: string;
    viewerId: string;
    plan: ImportPlan;
    localIdOf: (iri: string) => string | undefined;
    /** The import's time: every row's createdAt and importedAt. */
    now: Date;
  },
): Promise<ImportCounts> {
  await tx.$executeRaw`select pg_advisory_xact_lock(hashtext(${`marginalia-import:${assignmentId}`}))`;
  const known = await loadKnown(tx, { assignmentId, viewerId, plan, localIdOf });
  const existingId = (ids: string[], table: Map<string, unknown>) => ids.find((id) => table.has(id));
  let skippedDuplicates = plan.repeatedInFile;

  // IRI → the thread it is or belongs to.
  const threads = new Map<string, Thread>();
  const newAnnotations: PlannedAnnotation[] = [];
  for (const a of plan.annotations) {
    const existing = existingId(idsFor(assignmentId, a.iri, a.localId), known.annotations);
    if (existing) skippedDuplicates += 1;
    else newAnnotations.push(a);
    const id = existing ?? a.id;
    threads.set(a.iri, { id, isOpen: known.annotations.get(id)?.isOpen ?? true });
  }

  let pending: PlannedReply[] = [];
  for (const r of plan.replies) {
    const existing = existingId(idsFor(assignmentId, r.iri, r.localId), known.replies);
    if (existing) {
      skippedDuplicates += 1;
      threads.set(r.iri, known.replies.get(existing) as Thread);
    } else pending.push(r);
  }

  const threadOf = (iri: string): Thread | undefined => {
    const inFile = threads.get(iri);
    if (inFile) return inFile;
    const ids = idsFor(assignmentId, iri, localIdOf(iri));
    const annotation = existingId(ids, known.annotations);
    if (annotation) return { id: annotation, isOpen: known.annotations.get(annotation)?.isOpen ?? false };
    const reply = existingId(ids, known.replies);
    return reply ? known.replies.get(reply) : undefined;
  };

  // Replies may come before the reply they answer: resolve until nothing changes.
  const newReplies: (PlannedReply & { annotationId: string })[] = [];
  for (let progress = true; progress && pending.length > 0; ) {
    const next: PlannedReply[] = [];
    for (const r of pending) {
      const parent = threadOf(r.parentIri);
      // Unknown parent, or a thread closed to this import (deleted, or not visible to the importer).
      if (!parent?.isOpen) {
        next.push(r);
        continue;
      }
      threads.set(r.iri, parent);
      newReplies.push({ ...r, annotationId: parent.id });
    }
    progress = next.length < pending.length;
    pending = next;
  }

  await writeRows(tx, { assignmentId, revisionId, viewerId, now, annotations: newAnnotations, replies: newReplies });
  if (newAnnotations.length + newReplies.length > 0) {
    // entityId "*": every reader of the assignment reloads, one event for the whole import.
    await recordChange(tx, { assignmentId, type: "annotation.created", entityId: "*", actorId: viewerId, scope: null, ownerId: null, kind: null });
  }
  return {
    imported: newAnnotations.length,
    replies: newReplies.length,
    skippedDuplicates,
    unattachedReplies: pending.length,
  };
}

/**
 * The same rows createAnnotation and createReply write, many at a time, but
 * authored by the importing teacher, dated now and marked imported. Each row
 * is a millisecond after the one before it, so a thread keeps the file's order
 * (replies are listed by createdAt). Imported flags credit no finder: the
 * teacher did not find them, and no student may be credited on a file's word.
 */
async function writeRows(
  tx: Tx,
  rows: {
    assignmentId: string;
    revisionId: string;
    viewerId: string;
    now: Date;
    annotations: PlannedAnnotation[];
    replies: (PlannedReply & { annotationId: string })[];
  },
): Promise<void> {
  const { assignmentId, revisionId, viewerId, now, annotations, replies } = rows;
  const at = (i: number) => new Date(now.getTime() + i);
  const provenance = (item: PlannedAnnotation | PlannedReply) => ({
    importedAt: now,
    originalCreatorName: item.originalCreatorName,
    originalCreated: item.originalCreated,
  });
  if (annotations.length > 0) {
    await tx.annotation.createMany({
      data: annotations.map((a, i) => ({
        id: a.id,
        assignmentId,
        authorId: viewerId,
        revisionId,
        kind: a.kind,
        scope: a.scope,
        exact: a.quote.exact,
        prefix: a.quote.prefix,
        suffix: a.quote.suffix,
        startCp: a.position.start,
        endCp: a.position.end,
        region: a.region ? (a.region as unknown as Prisma.InputJsonObject) : Prisma.DbNull,
        anchorStatus: a.anchorStatus,
        // A flag's words are its rationale, stored on the flag row.
        body: a.kind === "comment" && a.body ? toJson(a.body) : Prisma.DbNull,
        tags: a.tags,
        guide: a.guide ?? null,
        codeId: a.codeId,
        ...provenance(a),
        createdAt: at(i),
        updatedAt: at(i),
      })),
    });
  }
  const flags = annotations.filter((a) => a.flag);
  if (flags.length > 0) {
    await tx.flag.createMany({
      data: flags.map((a) => ({
        annotationId: a.id,
        category: a.flag!.category,
        correction: a.flag!.correction,
        rationale: a.body ? toJson(a.body) : Prisma.DbNull,
      })),
    });
    // The trail says the teacher imported it, not that its author flagged it here.
    await tx.auditEvent.createMany({
      data: flags.map((a) => ({ actorId: viewerId, entityType: "flag", entityId: a.id, action: "imported", toState: "open" })),
    });
  }
  if (replies.length > 0) {
    await tx.reply.createMany({
      data: replies.map((r, i) => ({
        id: r.id,
        annotationId: r.annotationId,
        authorId: viewerId,
        body: toJson(r.body),
        ...provenance(r),
        createdAt: at(annotations.length + i),
        updatedAt: at(annotations.length + i),
      })),
    });
  }
}
