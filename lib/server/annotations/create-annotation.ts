import "server-only";
import { verifySelectors } from "@/lib/anchoring";
import type { AnnotationDTO } from "@/lib/annotations/types";
import type { FlagCategory } from "@/lib/annotations/types";
import { db, type Tx } from "@/lib/db";
import type { TiptapDoc } from "@/lib/rich-text";
import type { CreateFlagInput } from "@/lib/validation/flag";
import { AppError, notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { findAssignmentAccess } from "@/lib/server/classes/find-assignment-access";
import { recordChange } from "@/lib/server/live/record-change";
import type { CreateAnnotationInput } from "@/lib/validation/annotation";
import { reloadAnnotation } from "./find-annotations";
import { checkBody, toJson } from "./check-body";

/** What a flag adds to an annotation; written in the same transaction. */
export interface FlagPart {
  category: FlagCategory;
  correction: string;
  rationale: TiptapDoc;
  evidence: CreateFlagInput["evidence"];
}

type CreateInput = Omit<CreateAnnotationInput, "kind"> & { kind: "highlight" | "comment" | "flag" };

/**
 * Creates a highlight, comment or error flag on the assignment's current
 * revision. The id comes from the client: repeating a request returns the
 * first result instead of making a duplicate. Selectors must match the
 * revision's text exactly. A flag's row, evidence, finder credit and first
 * audit entry are written with the annotation in one transaction.
 */
export async function createAnnotation({
  viewerId,
  assignmentId,
  input,
  flag,
}: {
  viewerId: string;
  assignmentId: string;
  input: CreateInput;
  flag?: FlagPart;
}): Promise<{ annotation: AnnotationDTO; isNew: boolean }> {
  const access = await findAssignmentAccess({ viewerId, assignmentId });
  if (!access) throw notFound("That assignment");

  const replay = await findReplay(viewerId, assignmentId, input.id);
  if (replay) return { annotation: replay, isNew: false };

  const checked = verifySelectors(access.revision.text, input);
  if (!checked.ok) throw new AppError("invalid", `${checked.reason} Reload the page and select the passage again.`);
  const body = input.kind === "comment" ? checkBody(input.body, "comment") : null;
  if (input.kind === "highlight" && input.body !== undefined && input.body !== null) {
    throw new AppError("invalid", "A highlight has no text; post a comment instead.");
  }

  try {
    await db.$transaction(async (tx) => {
      await tx.annotation.create({
        data: {
          id: input.id,
          assignmentId,
          authorId: viewerId,
          revisionId: access.revision.id,
          kind: input.kind,
          scope: input.scope,
          exact: input.quote.exact,
          prefix: input.quote.prefix,
          suffix: input.quote.suffix,
          startCp: input.position.start,
          endCp: input.position.end,
          body: body ? toJson(body) : Prisma.DbNull,
          tags: input.tags,
        },
      });
      if (flag) await writeFlagPart(tx, input.id, viewerId, flag);
      await recordChange(tx, {
        assignmentId,
        type: "annotation.created",
        entityId: input.id,
        actorId: viewerId,
        scope: input.scope,
        ownerId: viewerId,
        kind: input.kind,
      });
    });
  } catch (error) {
    // Two copies of one retried request raced: the loser returns the winner's row.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const winner = await findReplay(viewerId, assignmentId, input.id);
      if (winner) return { annotation: winner, isNew: false };
    }
    throw error;
  }
  return { annotation: await reloadAnnotation(viewerId, input.id), isNew: true };
}

async function writeFlagPart(tx: Tx, annotationId: string, authorId: string, flag: FlagPart) {
  await tx.flag.create({
    data: {
      annotationId,
      category: flag.category,
      correction: flag.correction,
      rationale: toJson(flag.rationale),
      evidence: { create: flag.evidence.map((e, position) => ({ ...e, position })) },
      credits: { create: { userId: authorId, fromAnnotationId: annotationId } },
    },
  });
  await tx.auditEvent.create({
    data: { actorId: authorId, entityType: "flag", entityId: annotationId, action: "created", toState: "open" },
  });
}

/** The viewer's own earlier create with this id; another user's id is a conflict that reveals nothing. */
async function findReplay(viewerId: string, assignmentId: string, id: string): Promise<AnnotationDTO | null> {
  const existing = await db.annotation.findUnique({ where: { id }, select: { authorId: true, assignmentId: true } });
  if (!existing) return null;
  if (existing.authorId !== viewerId || existing.assignmentId !== assignmentId) {
    throw new AppError("conflict", "That annotation id is already taken. Reload the page and try again.");
  }
  return reloadAnnotation(viewerId, id);
}
