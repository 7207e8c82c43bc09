import "server-only";
import { createTextIndex, indexToUtf16, type OffsetIndex } from "@/lib/anchoring";
import { isMergeAction } from "@/lib/annotations/flags";
import type { AnnotationDTO, AuthorDTO, FlagDTO, ImportedDTO, ReplyDTO } from "@/lib/annotations/types";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { mapMentions, type TiptapDoc } from "@/lib/rich-text";
import type { Region } from "@/lib/sources/regions";
import { anonymousLabelsFor, loadContributors, UNLABELLED_CLASSMATE } from "./anonymous-labels";
import { loadMergePartners, mergeReasonFor } from "./merge-partners";

/** What every annotation query loads: the row, its author and its replies. */
export const annotationInclude = {
  author: { select: { id: true, name: true } },
  replies: { orderBy: { createdAt: "asc" }, include: { author: { select: { id: true, name: true } } } },
  flag: {
    include: {
      evidence: { orderBy: { position: "asc" } },
      votes: { select: { voterId: true, value: true, reason: true } },
      credits: { orderBy: { createdAt: "asc" }, include: { user: { select: { id: true, name: true } } } },
    },
  },
} satisfies Prisma.AnnotationInclude;

type AnnotationRow = Prisma.AnnotationGetPayload<{ include: typeof annotationInclude }>;
type ReplyRow = AnnotationRow["replies"][number];

/** Who the authors are to this viewer: teachers, and classmates' names or "Classmate N". */
export interface DtoContext {
  viewerId: string;
  /** The viewer teaches the class: they also get each annotation's group. */
  isTeacherView: boolean;
  teacherIds: Set<string>;
  /** Anonymous labels for students, when the assignment hides names from peers. */
  anonymousLabels: Map<string, string> | null;
  revision: { id: string; text: string; index: OffsetIndex };
  /** Audit trail per flag (annotation id), oldest first. */
  audits: Map<string, AuditRow[]>;
  /** The loaded flags and the merge partners of theirs this viewer may see (see loadMergePartners). */
  mergePartners: ReadonlySet<string>;
}

export interface AuditRow {
  actor: { id: string; name: string } | null;
  action: string;
  fromState: string | null;
  toState: string | null;
  reason: string | null;
  createdAt: Date;
}

/** Loads the audit trails of the given flags in one query. */
export async function loadAudits(flagIds: string[]): Promise<Map<string, AuditRow[]>> {
  const map = new Map<string, AuditRow[]>();
  if (flagIds.length === 0) return map;
  const rows = await db.auditEvent.findMany({
    where: { entityType: "flag", entityId: { in: flagIds } },
    orderBy: { createdAt: "asc" },
    include: { actor: { select: { id: true, name: true } } },
  });
  for (const row of rows) map.set(row.entityId, [...(map.get(row.entityId) ?? []), row]);
  return map;
}

/**
 * What every viewer of one assignment shares when its annotations are mapped:
 * the class's teachers, the anonymous labels, the flags' audit trails and the
 * current revision. A live delivery loads it once for all its readers.
 */
export interface SharedDtoContext {
  teacherIds: Set<string>;
  anonymousPeers: boolean;
  /** "Classmate N" labels; loaded when the assignment is anonymous and a student will read (null otherwise). */
  anonymousLabels: Map<string, string> | null;
  revision: DtoContext["revision"];
  audits: Map<string, AuditRow[]>;
}

/** Loads the shared part in parallel queries; labels only when `forStudents` and the assignment is anonymous. */
export async function loadSharedDtoContext(options: {
  assignmentId: string;
  classroomId: string;
  anonymousPeers: boolean;
  /** With its index when it came from the revision cache; built here otherwise. */
  revision: { id: string; text: string; index?: OffsetIndex };
  flagIds?: string[];
  forStudents: boolean;
}): Promise<SharedDtoContext> {
  const [teachers, contributors, audits] = await Promise.all([
    db.membership.findMany({ where: { classroomId: options.classroomId, role: "teacher" }, select: { userId: true } }),
    options.anonymousPeers && options.forStudents ? loadContributors(options.assignmentId) : null,
    loadAudits(options.flagIds ?? []),
  ]);
  const teacherIds = new Set(teachers.map((m) => m.userId));
  return {
    teacherIds,
    anonymousPeers: options.anonymousPeers,
    anonymousLabels: contributors && anonymousLabelsFor(contributors, teacherIds),
    revision: {
      id: options.revision.id,
      text: options.revision.text,
      index: options.revision.index ?? createTextIndex(options.revision.text),
    },
    audits,
  };
}

/**
 * One viewer's context on the shared part: the one place that decides whose
 * names a viewer sees. Teachers always see names; students of an anonymous
 * assignment see classmates as "Classmate N", removed ones included.
 */
export function viewerDtoContext(
  shared: SharedDtoContext,
  viewer: { viewerId: string; role: "teacher" | "student"; mergePartners: ReadonlySet<string> },
): DtoContext {
  const isAnonymous = shared.anonymousPeers && viewer.role === "student";
  // Never fall back to names: a shared part loaded without labels cannot serve an anonymous student.
  if (isAnonymous && !shared.anonymousLabels) throw new Error("anonymous labels were not loaded for a student viewer");
  return {
    viewerId: viewer.viewerId,
    isTeacherView: viewer.role === "teacher",
    teacherIds: shared.teacherIds,
    anonymousLabels: isAnonymous ? shared.anonymousLabels : null,
    revision: shared.revision,
    audits: shared.audits,
    mergePartners: viewer.mergePartners,
  };
}

/** Loads the class context once per request, not once per annotation. */
export async function loadDtoContext(options: {
  viewerId: string;
  assignmentId: string;
  classroomId: string;
  role: "teacher" | "student";
  anonymousPeers: boolean;
  /** With its index when it came from the revision cache; built here otherwise. */
  revision: { id: string; text: string; index?: OffsetIndex };
  flagIds?: string[];
}): Promise<DtoContext> {
  const [shared, mergePartners] = await Promise.all([
    loadSharedDtoContext({ ...options, forStudents: options.role === "student" }),
    loadMergePartners(options.viewerId, options.flagIds ?? []),
  ]);
  return viewerDtoContext(shared, { viewerId: options.viewerId, role: options.role, mergePartners });
}

/**
 * The context for what the viewer just wrote: their own item shows their own
 * name (never an anonymous label), and a new item has no audit trail or
 * merge partners, so nothing needs loading.
 */
export function ownDtoContext(
  viewerId: string,
  access: { role: "teacher" | "student"; revision: { id: string; text: string; index: OffsetIndex } },
): DtoContext {
  return {
    viewerId,
    isTeacherView: access.role === "teacher",
    teacherIds: new Set(access.role === "teacher" ? [viewerId] : []),
    anonymousLabels: null,
    revision: access.revision,
    audits: new Map(),
    mergePartners: new Set(),
  };
}

/** The provenance columns of a row written by the reader (not an import). */
export const NOT_IMPORTED = { importedAt: null, originalCreatorName: null, originalCreated: null } as const;

/** The provenance of an imported row, or null for the reader's own writes. */
function toImported(row: { importedAt: Date | null; originalCreatorName: string | null; originalCreated: Date | null }): ImportedDTO | null {
  if (!row.importedAt) return null;
  return {
    importedAt: row.importedAt.toISOString(),
    originalCreator: row.originalCreatorName,
    originalCreated: row.originalCreated?.toISOString() ?? null,
  };
}

function toAuthor(author: { id: string; name: string }, ctx: DtoContext): AuthorDTO {
  const isTeacher = ctx.teacherIds.has(author.id);
  // Anyone but the viewer and the class's current teachers is labelled, even when not in the map.
  const hidden =
    ctx.anonymousLabels && !isTeacher && author.id !== ctx.viewerId
      ? (ctx.anonymousLabels.get(author.id) ?? UNLABELLED_CLASSMATE)
      : undefined;
  return { id: hidden ? `anon:${hidden}` : author.id, name: hidden ?? author.name, isTeacher };
}

/**
 * A stored text as this viewer may read it: for a student of an anonymous
 * assignment, a mention of a classmate becomes their "Classmate N" label,
 * id included, as their authorship does (toAuthor); teachers and the viewer
 * keep their names.
 */
export function textFor(doc: TiptapDoc | null, ctx: Pick<DtoContext, "anonymousLabels" | "teacherIds" | "viewerId">): TiptapDoc | null {
  const labels = ctx.anonymousLabels;
  if (!doc || !labels) return doc;
  return mapMentions(doc, ({ id, label }) => {
    if (id === ctx.viewerId || ctx.teacherIds.has(id)) return { id, label };
    const hidden = labels.get(id) ?? UNLABELLED_CLASSMATE;
    return { id: `anon:${hidden}`, label: hidden };
  });
}

export function toReplyDTO(reply: ReplyRow, ctx: DtoContext): ReplyDTO {
  const isDeleted = reply.deletedAt !== null;
  return {
    id: reply.id,
    annotationId: reply.annotationId,
    author: toAuthor(reply.author, ctx),
    imported: toImported(reply),
    body: isDeleted ? null : textFor(reply.body as unknown as TiptapDoc, ctx),
    isDeleted,
    // An import is authored by its teacher but is not their own work either.
    isMine: reply.authorId === ctx.viewerId && reply.importedAt === null,
    version: reply.version,
    createdAt: reply.createdAt.toISOString(),
    updatedAt: reply.updatedAt.toISOString(),
  };
}

/** Maps a row to what the reader receives; positions become UTF-16 spans on the current revision. */
export function toAnnotationDTO(row: AnnotationRow, ctx: DtoContext): AnnotationDTO {
  const region = (row.region as unknown as Region | null) ?? null;
  // A region stands on the picture, not in the text: it has no span, and is placed as long as it is anchored.
  const isPlaced = row.anchorStatus !== "orphan" && (region !== null || row.revisionId === ctx.revision.id);
  const span = isPlaced && !region
    ? { start: indexToUtf16(ctx.revision.index, row.startCp), end: indexToUtf16(ctx.revision.index, row.endCp) }
    : null;
  const isDeleted = row.deletedAt !== null;
  return {
    id: row.id,
    assignmentId: row.assignmentId,
    kind: row.kind,
    scope: row.scope,
    author: toAuthor(row.author, ctx),
    isMine: row.authorId === ctx.viewerId && row.importedAt === null,
    imported: toImported(row),
    quote: { exact: row.exact, prefix: row.prefix, suffix: row.suffix },
    position: { start: row.startCp, end: row.endCp },
    span,
    ...(region ? { region } : {}),
    anchorStatus: isPlaced ? row.anchorStatus : "orphan",
    ...(row.anchorStatus === "replaced" && span ? { currentText: ctx.revision.text.slice(span.start, span.end) } : {}),
    body: isDeleted ? null : textFor((row.body as unknown as TiptapDoc | null) ?? null, ctx),
    tags: isDeleted ? [] : row.tags,
    version: row.version,
    isDeleted,
    isHidden: row.hiddenAt !== null,
    codeId: row.codeId,
    guide: row.guide,
    ...(ctx.isTeacherView ? { groupId: row.groupId } : {}),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    replies: row.replies.map((r) => toReplyDTO(r, ctx)),
    ...(row.flag ? { flag: toFlagDTO(row, row.flag, ctx) } : {}),
  };
}

function toFlagDTO(row: AnnotationRow, flag: NonNullable<AnnotationRow["flag"]>, ctx: DtoContext): FlagDTO {
  const mine = flag.votes.find((v) => v.voterId === ctx.viewerId);
  // Finders credited through a flag this viewer cannot see stay unnamed, as that flag does.
  const credits = flag.credits.filter((c) => ctx.mergePartners.has(c.fromAnnotationId));
  // An imported flag was found by nobody here (its author is the importing teacher).
  const finders = credits.length > 0 ? credits.map((c) => c.user) : row.importedAt ? [] : [row.author];
  return {
    category: flag.category,
    reviewVersion: flag.reviewVersion,
    correction: flag.correction,
    rationale: textFor((flag.rationale as unknown as TiptapDoc | null) ?? null, ctx),
    evidence: flag.evidence.map(({ title, author, year, url, locator, quote }) => ({ title, author, year, url, locator, quote })),
    status: flag.status,
    statusReason: flag.statusReason,
    fixedInSource: flag.fixedInSourceAt !== null,
    mergedIntoId: flag.mergedIntoId && ctx.mergePartners.has(flag.mergedIntoId) ? flag.mergedIntoId : null,
    votes: {
      agree: flag.votes.filter((v) => v.value === "agree").length,
      disagree: flag.votes.filter((v) => v.value === "disagree").length,
    },
    myVote: mine ? { value: mine.value, reason: mine.reason } : null,
    finders: finders.map((f) => toAuthor(f, ctx)),
    audit: (ctx.audits.get(row.id) ?? []).map((a) => ({
      actor: a.actor ? toAuthor(a.actor, ctx) : null,
      action: a.action,
      from: a.fromState,
      to: a.toState,
      reason: isMergeAction(a.action) ? mergeReasonFor(a.reason, ctx.mergePartners) : a.reason,
      at: a.createdAt.toISOString(),
    })),
  };
}
