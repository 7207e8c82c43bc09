import "server-only";
import { db } from "@/lib/db";
import { visibleAnnotationWhere } from "./visibility";

/**
 * The flags a viewer may see among the given ones and those a merge ties to
 * them: the flag each was merged into, the flags merged into it, and the
 * flags its finders are credited through. A teacher may merge flags of
 * different audiences (a teacher-only duplicate into a class flag, or the
 * other way round); what a flag says about its partners ("merged into",
 * "merged from", who found it) must then not reach someone who cannot see
 * the partner. The given flags are being shown, so they count as seen.
 */
export async function loadMergePartners(viewerId: string, flagIds: readonly string[]): Promise<Set<string>> {
  return visibleMergePartners(viewerId, flagIds, await loadMergeLinks(flagIds));
}

/** Each given flag's merge partners (any audience), in one query; shared by every viewer of a live delivery. */
export async function loadMergeLinks(flagIds: readonly string[]): Promise<Map<string, string[]>> {
  if (flagIds.length === 0) return new Map();
  const flags = await db.flag.findMany({
    where: { annotationId: { in: [...flagIds] } },
    select: {
      annotationId: true,
      mergedIntoId: true,
      mergedFrom: { select: { annotationId: true } },
      credits: { select: { fromAnnotationId: true } },
    },
  });
  return new Map(
    flags.map((f) => [
      f.annotationId,
      [f.mergedIntoId ?? "", ...f.mergedFrom.map((m) => m.annotationId), ...f.credits.map((c) => c.fromAnnotationId)].filter(Boolean),
    ]),
  );
}

/**
 * The shown flags plus those of their partners the viewer may see, by the
 * list's own `where` (VISIBILITY_RULE); asks the database only when a shown
 * flag has a partner besides the shown ones.
 */
export async function visibleMergePartners(
  viewerId: string,
  flagIds: readonly string[],
  links: ReadonlyMap<string, readonly string[]>,
): Promise<Set<string>> {
  const seen = new Set(flagIds);
  const partners = new Set(flagIds.flatMap((id) => links.get(id) ?? []));
  for (const id of seen) partners.delete(id);
  if (partners.size === 0) return seen;
  const visible = await db.annotation.findMany({
    where: { AND: [{ id: { in: [...partners] } }, visibleAnnotationWhere(viewerId)] },
    select: { id: true },
  });
  for (const { id } of visible) seen.add(id);
  return seen;
}

/** A merge's audit reason names the other flag ("Merged into <id>"); unless the viewer may see it, it says "another flag". */
export function mergeReasonFor(reason: string | null, seen: ReadonlySet<string>): string | null {
  const named = reason?.match(/^Merged (into|from) (\S+)$/);
  return named && !seen.has(named[2]) ? `Merged ${named[1]} another flag` : reason;
}
