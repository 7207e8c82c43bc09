import "server-only";
import { verifySelectors } from "@/lib/anchoring";
import { isWithinOnePage } from "@/lib/sources/pages";
import { checkRegion, normalizeRegion, type Region } from "@/lib/sources/regions";
import type { AnnotationDTO } from "@/lib/annotations/types";
import type { FlagCategory } from "@/lib/annotations/types";
import { db, type Tx } from "@/lib/db";
import type { TiptapDoc } from "@/lib/rich-text";
import type { CreateFlagInput } from "@/lib/validation/flag";
import { ownedId } from "@/lib/annotations/owned-id";
import { AppError, notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { findAssignmentAccess, requireOpenAssignment, type AssignmentAccess } from "@/lib/server/classes/find-assignment-access";
import { noteGradedWork } from "@/lib/server/lti/score-sync";
import { isForeignKeyViolation, isUniqueViolation } from "@/lib/server/db-errors";
import { audienceScope } from "@/lib/server/live/hearing";
import { changeLogSteps, recordChange, rootGroup } from "@/lib/server/live/record-change";
import { newAnnotationGroup } from "@/lib/server/groups/author-group";
import type { CreateAnnotationInput } from "@/lib/validation/annotation";
import { NOT_IMPORTED, ownDtoContext, toAnnotationDTO } from "./annotation-dto";
import { reloadAnnotation } from "./find-annotations";
import { checkBody, toJson } from "./check-body";
import { resolveMentions } from "@/lib/server/mentions/resolve-mentions";
import { notifyMentions } from "@/lib/server/notifications/notify";
import { requireClassCode, UNKNOWN_CODE } from "@/lib/server/highlight-codes/check-code";

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
 * revision. The id comes from the client and is stored per author (ownedId):
 * repeating a request returns the first result instead of making a
 * duplicate, and another person's id is just a new id. Selectors must match the
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
  input = { ...input, id: ownedId(viewerId, input.id) };
  const access = await findAssignmentAccess({ viewerId, assignmentId });
  if (!access) throw notFound("That assignment");
  requireOpenAssignment(access);

  let target: Target;
  try {
    target = checkTarget(access, input);
  } catch (error) {
    // A retry of a create that landed before the essay got a new revision: the first result stands.
    const earlier = await db.annotation.count({ where: { id: input.id, authorId: viewerId } });
    if (earlier > 0) return { annotation: await findReplay(viewerId, assignmentId, input.id), isNew: false };
    throw error;
  }
  if (input.guide) checkGuide(access, input);
  const mentions = { assignmentId, authorId: viewerId };
  const body = input.kind === "comment" ? await resolveMentions(checkBody(input.body, "comment"), mentions) : null;
  if (flag) flag = { ...flag, rationale: await resolveMentions(flag.rationale, mentions) };
  if (input.kind === "highlight" && input.body !== undefined && input.body !== null) {
    throw new AppError("invalid", "A highlight has no text; post a comment instead.");
  }
  await requireClassCode(access.assignment.classroomId, input.codeId);

  // Insert first and look for an earlier copy only when the id is taken: a
  // retried request is the exception, so the common path costs no extra read.
  try {
    if (!flag) {
      const { logId, ...row } = await insertAnnotation(viewerId, assignmentId, access.revision.id, input, target, body);
      noteWork(access, viewerId);
      await notifyMentions({ annotationId: row.id, assignmentId, actorId: viewerId, doc: body });
      // Nothing can have changed a row this statement just made: it is current to its own log entry.
      return { annotation: { ...toAnnotationDTO(row, ownDtoContext(viewerId, access)), asOf: logId }, isNew: true };
    }
    await db.$transaction(async (tx) => {
      await tx.annotation.create({ data: { ...columns(viewerId, assignmentId, access.revision.id, input, target), body: body ? toJson(body) : Prisma.DbNull } });
      // After the insert, which holds the table lock a regrouping waits for: the groups read here are current.
      await tx.$executeRaw`update annotations set "groupId" = ${newAnnotationGroup(assignmentId, viewerId)} where id = ${input.id}`;
      await writeFlagPart(tx, input.id, viewerId, flag);
      await recordChange(tx, {
        assignmentId,
        type: "annotation.created",
        entityId: input.id,
        actorId: viewerId,
        scope: input.scope,
        ownerId: viewerId,
        kind: input.kind,
        groupId: rootGroup(input.id),
      });
    });
  } catch (error) {
    // The id is taken: a retry (or two racing copies) of the viewer's own create returns the first result.
    if (isUniqueViolation(error)) return { annotation: await findReplay(viewerId, assignmentId, input.id), isNew: false };
    // The code was removed by a teacher between the check and the insert.
    if (isForeignKeyViolation(error) && input.codeId) throw new AppError("invalid", UNKNOWN_CODE);
    throw error;
  }
  noteWork(access, viewerId);
  await notifyMentions({ annotationId: input.id, assignmentId, actorId: viewerId, doc: flag.rationale });
  return { annotation: await reloadAnnotation(viewerId, input.id), isNew: true };
}

/**
 * A guide is a teacher's: a student (or anyone but the class's teachers) is
 * refused, never silently given a plain comment. It has words, and someone
 * sees the answers (the class, or the teachers only).
 */
export function checkGuide(access: AssignmentAccess, input: { kind?: string; scope?: string }): void {
  if (access.role !== "teacher") throw new AppError("forbidden", "Only the class's teachers can pin a guiding question or instruction.");
  if (input.kind !== undefined && input.kind !== "comment") throw new AppError("invalid", "A guiding question or instruction needs its words: post it as a comment.");
  if (input.scope === "private") throw new AppError("invalid", "A guiding question is for the class: choose who sees the answers (the class, or only the teachers).");
}

/** A student's new work on an assignment graded on a learning platform may complete it: queue their grade. */
function noteWork(access: AssignmentAccess, viewerId: string): void {
  if (access.assignment.gradesToPlatform && access.role === "student") noteGradedWork({ assignmentId: access.assignment.id, userId: viewerId });
}

/** What the annotation marks, checked: a passage of the revision's text, or a region of its picture. */
type Target = { quote: { exact: string; prefix: string; suffix: string }; position: { start: number; end: number }; region: Region | null };

/** A region has no words: its text columns are empty (see the schema's note on `region`). */
const NO_PASSAGE = { quote: { exact: "", prefix: "", suffix: "" }, position: { start: 0, end: 0 } };

/**
 * Checks what the annotation marks against the current revision: a picture
 * reading takes a region inside the picture, any other reading a passage
 * whose selectors match its text exactly (and stay on one page of a file).
 */
function checkTarget(access: AssignmentAccess, input: CreateInput): Target {
  const picture = access.revision.picture;
  if (input.region) {
    if (!picture) throw new AppError("invalid", "Only a picture has regions. Select words of the text instead.");
    const problem = checkRegion(input.region, picture);
    if (problem) throw new AppError("invalid", problem);
    return { ...NO_PASSAGE, region: normalizeRegion(input.region, picture) };
  }
  if (picture) throw new AppError("invalid", "This reading is a picture: mark a region on it instead of selecting words.");
  if (!input.quote || !input.position) throw new AppError("invalid", "Select some text first.");
  const checked = verifySelectors(access.revision.text, { quote: input.quote, position: input.position });
  if (!checked.ok) throw new AppError("invalid", `${checked.reason} Reload the page and select the passage again.`);
  if (access.revision.pages && !isWithinOnePage(access.revision.pages, checked.span)) {
    throw new AppError("invalid", "A passage must stay on one page. Select the words on each page separately.");
  }
  return { quote: input.quote, position: input.position, region: null };
}

function columns(viewerId: string, assignmentId: string, revisionId: string, input: CreateInput, target: Target) {
  return {
    id: input.id,
    assignmentId,
    authorId: viewerId,
    revisionId,
    kind: input.kind,
    scope: input.scope,
    exact: target.quote.exact,
    prefix: target.quote.prefix,
    suffix: target.quote.suffix,
    startCp: target.position.start,
    endCp: target.position.end,
    region: target.region ? (target.region as unknown as Prisma.InputJsonObject) : Prisma.DbNull,
    tags: input.tags,
    guide: input.guide ?? null,
    codeId: input.codeId ?? null,
  };
}

/**
 * A highlight or comment, its change-log entry and the live notification in
 * one statement (one round trip, one implicit transaction), returning the row
 * as the DTO mapper reads it.
 */
async function insertAnnotation(viewerId: string, assignmentId: string, revisionId: string, input: CreateInput, target: Target, body: TiptapDoc | null) {
  const c = columns(viewerId, assignmentId, revisionId, input, target);
  const change = {
    assignmentId,
    type: "annotation.created",
    entityId: c.id,
    actorId: viewerId,
    scope: audienceScope({ scope: c.scope, hiddenAt: null, guide: c.guide }),
    ownerId: viewerId,
    kind: c.kind,
    groupId: Prisma.sql`(select "groupId" from inserted)`,
  } as const;
  const [row] = await db.$queryRaw<{ createdAt: Date; updatedAt: Date; authorName: string; logId: string; groupId: string | null }[]>`
    with inserted as (
      insert into annotations (id, "assignmentId", "authorId", "revisionId", kind, scope, exact, prefix, suffix, "startCp", "endCp", region, body, tags, "codeId", guide, "groupId", "updatedAt")
      values (${c.id}, ${assignmentId}, ${viewerId}, ${revisionId}, ${c.kind}::"AnnotationKind", ${c.scope}::"Scope", ${c.exact},
              ${c.prefix}, ${c.suffix}, ${c.startCp}, ${c.endCp}, ${target.region ? JSON.stringify(target.region) : null}::jsonb,
              ${body ? JSON.stringify(body) : null}::jsonb, ${c.tags}::text[], ${c.codeId},
              ${c.guide}::"Guide", ${newAnnotationGroup(assignmentId, viewerId)}, current_timestamp)
      returning "createdAt", "updatedAt", "groupId"
    ), ${changeLogSteps(change)}
    select inserted."createdAt", inserted."updatedAt", inserted."groupId", u.name as "authorName", (select id::text from logged) as "logId"
      from inserted join users u on u.id = ${viewerId}`;
  return {
    logId: row.logId,
    groupId: row.groupId,
    ...c,
    region: target.region as unknown as Prisma.JsonValue,
    body: body as unknown as Prisma.JsonValue,
    anchorStatus: "anchored" as const,
    version: 1,
    hiddenAt: null,
    hiddenById: null,
    deletedAt: null,
    ...NOT_IMPORTED,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    author: { id: viewerId, name: row.authorName },
    replies: [],
    flag: null,
  };
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

/** The viewer's own earlier create with this (owned) id; anything else would be a hash collision, refused without detail. */
async function findReplay(viewerId: string, assignmentId: string, id: string): Promise<AnnotationDTO> {
  const existing = await db.annotation.findUnique({ where: { id }, select: { authorId: true, assignmentId: true } });
  if (!existing || existing.authorId !== viewerId || existing.assignmentId !== assignmentId) {
    throw new AppError("conflict", "That annotation id is already taken. Reload the page and try again.");
  }
  return reloadAnnotation(viewerId, id);
}
