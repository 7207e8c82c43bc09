import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { taughtClass } from "@/lib/server/classes/class-writes";
import { reanchorEssay } from "@/lib/server/essays/reanchor-essay";
import { notifyNewAssignment } from "@/lib/server/notifications/notify";
import type { CopyAssignmentInput } from "@/lib/validation/assignment";
import { assignableEssayWhere } from "./assignable-essays";

/** What a copy made. */
export interface CopiedAssignment {
  assignment: { id: string; classroomId: string };
  guides: number;
  answerKeyEntries: number;
}

const json = (value: Prisma.JsonValue | null) => (value === null ? Prisma.DbNull : (value as Prisma.InputJsonValue));

/**
 * Copies an assignment to a class the viewer teaches: the same reading, its
 * settings (instructions, due date unless a new one is given, visibility,
 * anonymity, minimums; not its groups, which belong to a class), its guiding
 * questions and instructions (the viewer's now; hidden or deleted ones
 * stay behind; an imported one keeps its provenance) and its answer key, in
 * one transaction. Students' work is never copied. The copies stand on the
 * revision the originals stand on; should the reading have a newer revision
 * by then, they are re-anchored onto it like every other annotation.
 * 404 when the viewer does not teach the assignment's class or the target
 * class (as for any class they cannot see); 422 when the reading is not one
 * they may assign.
 */
export async function copyAssignment({
  viewerId,
  assignmentId,
  input,
}: {
  viewerId: string;
  assignmentId: string;
  input: CopyAssignmentInput;
}): Promise<CopiedAssignment> {
  const [source, target] = await Promise.all([
    db.assignment.findFirst({
      where: { id: assignmentId, classroom: { memberships: { some: { userId: viewerId, role: "teacher" } } } },
      include: {
        annotations: { where: { guide: { not: null }, deletedAt: null, hiddenAt: null }, orderBy: { createdAt: "asc" } },
        answerKey: { orderBy: { createdAt: "asc" } },
      },
    }),
    db.classroom.findFirst({ where: taughtClass(viewerId, input.classroomId), select: { id: true } }),
  ]);
  // One answer for either: a class or assignment the viewer does not teach looks like one that does not exist.
  if (!source || !target) throw notFound("That assignment or class");
  const essay = await db.essay.findFirst({ where: { id: source.essayId, ...assignableEssayWhere(viewerId) }, select: { id: true } });
  if (!essay) throw new AppError("invalid", "This reading is not one you may assign to another class.");

  const copy = await db.$transaction(async (tx) => {
    const created = await tx.assignment.create({
      data: {
        classroomId: target.id,
        essayId: source.essayId,
        instructions: json(source.instructions),
        dueAt: input.dueAt ?? source.dueAt,
        peerFlagVisibility: source.peerFlagVisibility,
        hintVisibility: source.hintVisibility,
        anonymousPeers: source.anonymousPeers,
        minHighlights: source.minHighlights,
        minComments: source.minComments,
        minFlags: source.minFlags,
        createdById: viewerId,
      },
      select: { id: true, classroomId: true },
    });
    await tx.annotation.createMany({
      data: source.annotations.map((g) => ({
        id: randomUUID(),
        assignmentId: created.id,
        authorId: viewerId,
        revisionId: g.revisionId,
        kind: g.kind,
        scope: g.scope,
        exact: g.exact,
        prefix: g.prefix,
        suffix: g.suffix,
        startCp: g.startCp,
        endCp: g.endCp,
        anchorStatus: g.anchorStatus,
        body: json(g.body),
        tags: g.tags,
        guide: g.guide,
        importedAt: g.importedAt,
        originalCreatorName: g.originalCreatorName,
        originalCreated: g.originalCreated,
      })),
    });
    await tx.answerKeyEntry.createMany({
      data: source.answerKey.map((e) => ({
        assignmentId: created.id,
        revisionId: e.revisionId,
        exact: e.exact,
        prefix: e.prefix,
        suffix: e.suffix,
        startCp: e.startCp,
        endCp: e.endCp,
        category: e.category,
        correction: e.correction,
        note: e.note,
        hintKind: e.hintKind,
        createdById: viewerId,
      })),
    });
    // A reading edited since the originals were placed: carry the copies onto its newest revision.
    const newest = await tx.essayRevision.findFirst({ where: { essayId: source.essayId }, orderBy: { number: "desc" }, select: { id: true } });
    if (newest && source.annotations.some((g) => g.revisionId !== newest.id)) {
      await reanchorEssay(tx, { essayId: source.essayId, toRevisionId: newest.id });
    }
    return created;
  });
  await notifyNewAssignment({ assignmentId: copy.id, actorId: viewerId });
  return { assignment: copy, guides: source.annotations.length, answerKeyEntries: source.answerKey.length };
}

/** The other classes the viewer teaches, by name: where an assignment of `classroomId` can be copied to. */
export async function listCopyTargets({ viewerId, classroomId }: { viewerId: string; classroomId: string }) {
  return db.classroom.findMany({
    where: { id: { not: classroomId }, memberships: { some: { userId: viewerId, role: "teacher" } } },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}
