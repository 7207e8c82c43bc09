import { z } from "zod";
import { FLAG_CATEGORIES } from "./categories";
import type { FlagCategory } from "./categories";

/** One error the teacher's key expects students to find. Offsets are UTF-16, end exclusive. */
export interface AnswerKeyEntry {
  id: string;
  start: number;
  end: number;
  category: FlagCategory;
  /** What the text should say (or why it is wrong); "" for a deletion. */
  correction: string;
}

/** One span a student flagged as wrong. Offsets are UTF-16, end exclusive. */
export interface StudentFlag {
  id: string;
  authorId: string;
  start: number;
  end: number;
  category: FlagCategory;
}

const span = {
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
};
const startBeforeEnd = (v: { start: number; end: number }) => v.start < v.end;

/** Checks an answer-key entry from untrusted JSON; spans must be non-empty. */
export const answerKeyEntrySchema = z
  .object({ id: z.string().min(1), ...span, category: z.enum(FLAG_CATEGORIES), correction: z.string() })
  .refine(startBeforeEnd, { message: "start must be before end", path: ["end"] });

/** Checks a student flag from untrusted JSON; spans must be non-empty. */
export const studentFlagSchema = z
  .object({ id: z.string().min(1), authorId: z.string().min(1), ...span, category: z.enum(FLAG_CATEGORIES) })
  .refine(startBeforeEnd, { message: "start must be before end", path: ["end"] });

/** found: same error, same category; partial: right place, other category; none: no key entry there. */
export type FlagOutcome = "found" | "partial" | "none";

/** How one flag relates to the key. */
export interface FlagMatch {
  outcome: FlagOutcome;
  /** The entry the outcome refers to (the best one when several overlap); null for "none". */
  entry: AnswerKeyEntry | null;
  /** Every overlapping entry of the flag's category, in key order. */
  found: AnswerKeyEntry[];
  /** Every overlapping entry of another category, in key order. */
  partial: AnswerKeyEntry[];
}

/**
 * True when two half-open spans [start, end) share at least one character.
 * Spans that only touch (one ends where the other starts) do not overlap, and
 * an empty span overlaps nothing.
 */
export function spansOverlap(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < a.end && b.start < b.end && a.start < b.end && b.start < a.end;
}

function overlapLength(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/**
 * Matches one student flag against the key. A flag finds an entry when their
 * spans overlap and the categories agree; overlap with another category is
 * partial; no overlap is none. When several entries qualify, the chosen one
 * is the one sharing most characters with the flag, then the earliest.
 */
export function matchFlagToKey(flag: StudentFlag, entries: readonly AnswerKeyEntry[]): FlagMatch {
  const overlapping = entries.filter((e) => spansOverlap(flag, e));
  const found = overlapping.filter((e) => e.category === flag.category);
  const partial = overlapping.filter((e) => e.category !== flag.category);
  const best = (list: readonly AnswerKeyEntry[]) =>
    [...list].sort(
      (a, b) => overlapLength(flag, b) - overlapLength(flag, a) || a.start - b.start || a.id.localeCompare(b.id),
    )[0] ?? null;
  if (found.length > 0) return { outcome: "found", entry: best(found), found, partial };
  if (partial.length > 0) return { outcome: "partial", entry: best(partial), found, partial };
  return { outcome: "none", entry: null, found, partial };
}

/** Whether a student found a key entry: in the right category, only in the right place, or not at all. */
export type EntryStatus = "found" | "partial" | "missed";

/** One key entry and how the student did on it. */
export interface EntryResult {
  entry: AnswerKeyEntry;
  status: EntryStatus;
  /** The flags behind the status: those that found it, else those that overlapped it. */
  flagIds: string[];
}

/** A student's flags scored against the key. */
export interface StudentSummary {
  /** One result per key entry, in key order. */
  entries: EntryResult[];
  /** Flags that overlap no entry: errors outside the key, or mistaken flags. */
  outside: StudentFlag[];
  counts: Record<EntryStatus | "outside", number>;
}

/**
 * Scores one student's flags against the key: each entry is found when some
 * flag finds it, partial when flags only overlap it in another category,
 * missed otherwise; flags overlapping no entry are listed as outside the key.
 * One flag may count for several entries it overlaps.
 */
export function summarizeStudent(flags: readonly StudentFlag[], entries: readonly AnswerKeyEntry[]): StudentSummary {
  const results: EntryResult[] = entries.map((entry) => {
    const touching = flags.filter((f) => spansOverlap(f, entry));
    const finders = touching.filter((f) => f.category === entry.category);
    if (finders.length > 0) return { entry, status: "found", flagIds: finders.map((f) => f.id) };
    if (touching.length > 0) return { entry, status: "partial", flagIds: touching.map((f) => f.id) };
    return { entry, status: "missed", flagIds: [] };
  });
  const outside = flags.filter((f) => !entries.some((e) => spansOverlap(f, e)));
  const count = (status: EntryStatus) => results.filter((r) => r.status === status).length;
  return {
    entries: results,
    outside,
    counts: { found: count("found"), partial: count("partial"), missed: count("missed"), outside: outside.length },
  };
}
