import "server-only";
import {
  createTextIndex,
  describe,
  indexToCodePoint,
  indexToUtf16,
  reanchorAll,
  type OffsetIndex,
  type ReanchorResult,
  type TextSelector,
} from "@/lib/anchoring";
import { readsAsCorrection } from "@/lib/annotations/fixed-in-source";
import type { Tx } from "@/lib/db";

/** The client a `db.$transaction(async (tx) => ...)` callback receives. */

export interface ReanchorSummary {
  /** Annotations looked at (every live one not already on the new revision). */
  total: number;
  anchored: number;
  fuzzy: number;
  replaced: number;
  orphaned: number;
  /** Flags whose correction the new revision now reads (newly marked). */
  fixedInSource: number;
}

type Status = "anchored" | "fuzzy" | "replaced" | "orphan";

interface Row {
  id: string;
  fromRevisionId: string;
  revisionId: string;
  exact: string;
  prefix: string;
  suffix: string;
  startCp: number;
  endCp: number;
  anchorStatus: Status;
}

type Stored = Awaited<ReturnType<typeof loadAnnotations>>[number];

interface Target {
  id: string;
  text: string;
  index: OffsetIndex;
}

/** Rows per UPDATE statement: each sends 9 arrays, so the size only bounds memory. */
const CHUNK = 5_000;

/**
 * Carries an essay's annotations onto a new revision, inside the caller's
 * transaction (syncContent, right after it created `toRevisionId`). Every live
 * annotation on an older revision is re-anchored with one diff per old
 * revision; orphans of older revisions get another chance on the new text.
 * Words that the edit changed stay quoted as annotated ("replaced", pointing at
 * what stands there now) and are never slid onto other words; a flag whose
 * correction now stands there is marked fixed in the source. Each affected
 * assignment gets one "reload everything" change event, notified at commit.
 *
 * `reportTo` names the teacher who will read the summary (an owner editing a
 * shared reading): every class's annotations still move, but only those of the
 * classes that teacher teaches are counted, since the counts of another class's
 * private notes are that class's business. Without it (content sync, read by
 * the operator's log) everything is counted.
 */
export async function reanchorEssay(
  tx: Tx,
  { essayId, toRevisionId, reportTo }: { essayId: string; toRevisionId: string; reportTo?: { viewerId: string } },
): Promise<ReanchorSummary> {
  const revision = await tx.essayRevision.findUnique({
    where: { id: toRevisionId },
    select: { essayId: true, number: true, text: true },
  });
  if (!revision || revision.essayId !== essayId) {
    throw new Error(`revision ${toRevisionId} is not a revision of essay ${essayId}`);
  }
  const stored = await loadAnnotations(tx, essayId, toRevisionId, revision.number);
  const isCounted = await countedAssignments(tx, essayId, reportTo);
  const summary: ReanchorSummary = { total: 0, anchored: 0, fuzzy: 0, replaced: 0, orphaned: 0, fixedInSource: 0 };
  summary.total = stored.filter((a) => isCounted(a.assignmentId)).length;
  if (stored.length === 0) return summary;

  const groups = new Map<string, Stored[]>();
  for (const a of stored) {
    const group = groups.get(a.revisionId);
    if (group) group.push(a);
    else groups.set(a.revisionId, [a]);
  }
  const olds = await tx.essayRevision.findMany({ where: { id: { in: [...groups.keys()] } }, select: { id: true, text: true } });
  const target: Target = { id: toRevisionId, text: revision.text, index: createTextIndex(revision.text) };

  const original = new Map(stored.map((a) => [a.id, a]));
  const rows: Row[] = [];
  const fixed = { counted: [] as string[], other: [] as string[] };
  for (const old of olds) {
    for (const { row, isFixed } of reanchorGroup(old.text, target, groups.get(old.id) ?? [])) {
      const counted = isCounted(original.get(row.id)!.assignmentId);
      if (counted) summary[row.anchorStatus === "orphan" ? "orphaned" : row.anchorStatus]++;
      if (isFixed) fixed[counted ? "counted" : "other"].push(row.id);
      rows.push(row);
    }
  }

  await writeRows(tx, rows.filter((row) => isChanged(original.get(row.id)!, row)));
  summary.fixedInSource = await markFixed(tx, fixed.counted);
  await markFixed(tx, fixed.other);

  const assignmentIds = [...new Set(stored.map((a) => a.assignmentId))].sort();
  await tx.changeEvent.createMany({
    data: assignmentIds.map((assignmentId) => ({ assignmentId, type: "annotation.updated", entityId: "*" })),
  });
  // Delivered when the caller's transaction commits, never for a rolled-back one.
  await tx.$executeRaw`select pg_notify('marginalia_events', id) from unnest(${assignmentIds}::text[]) as id`;
  return summary;
}

/** Which assignments' annotations the summary counts: all of them, or those of the classes `reportTo` teaches. */
async function countedAssignments(tx: Tx, essayId: string, reportTo: { viewerId: string } | undefined) {
  if (!reportTo) return (_assignmentId: string) => true;
  const taught = await tx.assignment.findMany({
    where: { essayId, classroom: { memberships: { some: { userId: reportTo.viewerId, role: "teacher" } } } },
    select: { id: true },
  });
  const ids = new Set(taught.map((a) => a.id));
  return (assignmentId: string) => ids.has(assignmentId);
}

/** Marks flags fixed in the source (those not marked already); answers how many were newly marked. */
async function markFixed(tx: Tx, annotationIds: string[]): Promise<number> {
  if (annotationIds.length === 0) return 0;
  const { count } = await tx.flag.updateMany({
    where: { annotationId: { in: annotationIds }, fixedInSourceAt: null },
    data: { fixedInSourceAt: new Date() },
  });
  return count;
}

function loadAnnotations(tx: Tx, essayId: string, toRevisionId: string, toNumber: number) {
  return tx.annotation.findMany({
    where: {
      deletedAt: null,
      revisionId: { not: toRevisionId },
      assignment: { essayId },
      // Never carry annotations backwards onto an older text.
      revision: { number: { lt: toNumber } },
    },
    select: {
      id: true,
      assignmentId: true,
      revisionId: true,
      exact: true,
      prefix: true,
      suffix: true,
      startCp: true,
      endCp: true,
      anchorStatus: true,
      flag: { select: { correction: true, fixedInSourceAt: true } },
    },
    orderBy: { id: "asc" },
  });
}

/** One diff for the pair of texts (reanchorAll builds its map once), every annotation through it. */
function reanchorGroup(oldText: string, target: Target, annotations: Stored[]) {
  const oldIndex = createTextIndex(oldText);
  const tracked = annotations.map((a) => isTrackedBySpan(a, oldText, oldIndex));
  const items = annotations.map((a, i) => ({
    id: a.id,
    selectors: tracked[i] ? spanSelectors(a, oldText, oldIndex) : storedSelectors(a),
  }));
  const results = reanchorAll(oldText, target.text, items);
  return results.map((result, i) => decide(annotations[i], result, target));
}

/*
 * A "replaced" annotation keeps the words it was made on as its quote while its
 * position points at what replaced them, so its quote no longer fits its own
 * revision. It is followed by its position (the replacement words), never by
 * searching for the old words, which could turn up anywhere.
 */
function isTrackedBySpan(a: Stored, text: string, index: OffsetIndex): boolean {
  if (a.anchorStatus !== "replaced") return false;
  return text.slice(indexToUtf16(index, a.startCp), indexToUtf16(index, a.endCp)) !== a.exact;
}

function spanSelectors(a: Stored, text: string, index: OffsetIndex): TextSelector[] {
  const { quote, position } = describe(text, indexToUtf16(index, a.startCp), indexToUtf16(index, a.endCp), { index });
  return quote.exact === "" ? [position] : [quote, position];
}

function storedSelectors(a: Stored): TextSelector[] {
  return [
    { type: "TextQuoteSelector", exact: a.exact, prefix: a.prefix, suffix: a.suffix },
    { type: "TextPositionSelector", start: a.startCp, end: a.endCp },
  ];
}

function decide(a: Stored, result: ReanchorResult, target: Target): { row: Row; isFixed: boolean } {
  const kept = { id: a.id, fromRevisionId: a.revisionId, exact: a.exact, prefix: a.prefix, suffix: a.suffix };
  if (result.status === "orphan") {
    return { row: { ...kept, revisionId: a.revisionId, startCp: a.startCp, endCp: a.endCp, anchorStatus: "orphan" }, isFixed: false };
  }
  const span = result.status === "replaced" ? result.span : result.anchored;
  const words = target.text.slice(span.start, span.end);
  const startCp = indexToCodePoint(target.index, span.start);
  const endCp = indexToCodePoint(target.index, span.end);

  // The edit changed the quoted words (or a replaced quote is still replaced): stay on the spot.
  if (words !== a.exact && (result.status === "replaced" || a.anchorStatus === "replaced")) {
    const isFixed = a.flag !== null && a.flag.fixedInSourceAt === null && readsAsCorrection(words, a.flag.correction);
    return { row: { ...kept, revisionId: target.id, startCp, endCp, anchorStatus: "replaced" }, isFixed };
  }
  const { quote } =
    result.status === "replaced" ? describe(target.text, span.start, span.end, { index: target.index }) : result.selectors;
  // "Possibly moved" stays until someone re-anchors it: carrying it on confirms nothing.
  const fuzzy = result.status === "fuzzy" || a.anchorStatus === "fuzzy";
  const row: Row = {
    id: a.id,
    fromRevisionId: a.revisionId,
    revisionId: target.id,
    exact: quote.exact,
    prefix: quote.prefix ?? "",
    suffix: quote.suffix ?? "",
    startCp,
    endCp,
    anchorStatus: fuzzy ? "fuzzy" : "anchored",
  };
  return { row, isFixed: false };
}

function isChanged(a: Stored, row: Row): boolean {
  return (
    a.revisionId !== row.revisionId ||
    a.anchorStatus !== row.anchorStatus ||
    a.exact !== row.exact ||
    a.prefix !== row.prefix ||
    a.suffix !== row.suffix ||
    a.startCp !== row.startCp ||
    a.endCp !== row.endCp
  );
}

/**
 * One UPDATE ... FROM unnest(arrays) per chunk: every value travels as a bound
 * array parameter (never spliced into the SQL), one round trip per 5,000 rows.
 * The guard skips a row deleted or moved by someone else since it was read.
 * `updatedAt` is left alone: it says when the author last edited, and the
 * reader labels a card "edited" from it; moving the selectors is not an edit.
 */
async function writeRows(tx: Tx, rows: Row[]) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const col = <K extends keyof Row>(key: K) => chunk.map((r) => r[key]);
    await tx.$executeRaw`
      update "annotations" as a set
        "revisionId" = u.rev,
        "exact" = u.exact,
        "prefix" = u.prefix,
        "suffix" = u.suffix,
        "startCp" = u.start_cp,
        "endCp" = u.end_cp,
        "anchorStatus" = u.status::"AnchorStatus"
      from unnest(
        ${col("id")}::text[], ${col("fromRevisionId")}::text[], ${col("revisionId")}::text[],
        ${col("exact")}::text[], ${col("prefix")}::text[], ${col("suffix")}::text[],
        ${col("startCp")}::int[], ${col("endCp")}::int[], ${col("anchorStatus")}::text[]
      ) as u(id, from_rev, rev, exact, prefix, suffix, start_cp, end_cp, status)
      where a."id" = u.id and a."revisionId" = u.from_rev and a."deletedAt" is null`;
  }
}
