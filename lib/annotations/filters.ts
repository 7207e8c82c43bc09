import type { AnnotationDTO, AnnotationKind, FlagStatus } from "./types";

/** What the column's filter bar has chosen. */
export interface AnnotationFilter {
  /** "everyone", "mine", or one author's id (teachers reviewing a student). */
  who: string;
  kind: AnnotationKind | "all";
  tag: string | null;
  /** A highlight code's id keeps only marks with that code (null: any, coded or not). */
  code: string | null;
  /** A flag status keeps only flags in that state (merged flags live on in their target). */
  flagStatus: Exclude<FlagStatus, "merged"> | "all";
  showOrphans: boolean;
}

/** Everything shown: the reader's starting filter. */
export const DEFAULT_FILTER: AnnotationFilter = { who: "everyone", kind: "all", tag: null, code: null, flagStatus: "all", showOrphans: false };

/** The annotations a filter keeps, placed ones in text order. */
export function applyFilter(annotations: AnnotationDTO[], filter: AnnotationFilter): AnnotationDTO[] {
  return annotations
    .filter((a) => {
      if (filter.who === "mine" && !a.isMine) return false;
      if (filter.who !== "everyone" && filter.who !== "mine" && a.author.id !== filter.who) return false;
      if (filter.kind !== "all" && a.kind !== filter.kind) return false;
      if (filter.tag && !a.tags.includes(filter.tag)) return false;
      if (filter.code && a.codeId !== filter.code) return false;
      if (filter.flagStatus !== "all" && a.flag?.status !== filter.flagStatus) return false;
      return true;
    })
    .sort((a, b) => (a.span?.start ?? Infinity) - (b.span?.start ?? Infinity) || a.createdAt.localeCompare(b.createdAt));
}

/** Every tag in use, alphabetically. */
export function collectTags(annotations: AnnotationDTO[]): string[] {
  return [...new Set(annotations.flatMap((a) => a.tags))].sort();
}

/** Authors other than the viewer, for the teacher's "by student" filter. */
export function collectAuthors(annotations: AnnotationDTO[]): { id: string; name: string }[] {
  const byId = new Map<string, string>();
  for (const a of annotations) if (!a.isMine) byId.set(a.author.id, a.author.name);
  return [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}

/** How many of the annotations (deleted ones left out) carry each highlight code, by code id. */
export function countCodes(annotations: readonly AnnotationDTO[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const a of annotations) if (a.codeId && !a.isDeleted) counts.set(a.codeId, (counts.get(a.codeId) ?? 0) + 1);
  return counts;
}
