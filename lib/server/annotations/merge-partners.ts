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
  const seen = new Set(flagIds);
  if (flagIds.length === 0) return seen;
  const flags = await db.flag.findMany({
    where: { annotationId: { in: [...flagIds] } },
    select: { mergedIntoId: true, mergedFrom: { select: { annotationId: true } }, credits: { select: { fromAnnotationId: true } } },
  });
  const partners = new Set(
    flags.flatMap((f) => [f.mergedIntoId ?? "", ...f.mergedFrom.map((m) => m.annotationId), ...f.credits.map((c) => c.fromAnnotationId)]),
  );
  for (const id of [...seen, ""]) partners.delete(id);
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
