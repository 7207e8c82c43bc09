import type { FlagCategory, FlagStatus, QuoteDTO } from "@/lib/annotations/types";
import { summarizeStudent, type AnswerKeyEntry, type StudentFlag } from "@/lib/critique";
import type {
  AnswerKeyEntryDTO,
  FinderDTO,
  KeyReportEntryDTO,
  OutsideFlagDTO,
  StudentRefDTO,
  StudentScoreDTO,
} from "./types";

/*
 * Spans here are code-point offsets on the current revision. lib/critique
 * documents UTF-16 offsets, but overlap only needs the order of boundaries,
 * and the code-point → UTF-16 map is strictly increasing, so comparing code
 * points gives the same answers without converting every row.
 */

/** A key entry and where it stands in the current text; null when it could not be placed there. */
export interface PlacedEntry {
  entry: AnswerKeyEntryDTO;
  span: { start: number; end: number } | null;
  /** A later revision replaced the entry's words with its correction; `span` is then the corrected words. */
  isFixedInSource?: boolean;
}

/** A student's flag and where it stands in the current text; null when it could not be placed there. */
export interface PlacedFlag {
  id: string;
  authorId: string;
  span: { start: number; end: number } | null;
  quote: QuoteDTO;
  category: FlagCategory;
  correction: string;
  status: FlagStatus;
  /** The flag was made on words a later revision replaced (its anchor status is "replaced"). */
  isOnReplacedWords?: boolean;
}

/** The parts of a key report that do not name the assignment. */
export interface KeyReportBody {
  entries: KeyReportEntryDTO[];
  students: StudentScoreDTO[];
  outside: OutsideFlagDTO[];
  unplacedFlagCount: number;
}

/**
 * Scores every student's flags against the key with lib/critique's rules:
 * an entry is found by a flag that overlaps it in the same category, partly
 * found by one that overlaps it in another category, missed otherwise; flags
 * that overlap no entry are listed as outside the key. Students are reported
 * in the order given (students without flags too: they missed everything);
 * entries that could not be placed count for nobody and are not "missed".
 *
 * An entry fixed in the source is treated as its flags are (they are marked
 * fixed, not lost): flags made on the old words keep their credit, so "Key
 * found" does not drop when the content file is corrected. It can no longer be
 * found in the current text, so it is nobody's miss, and a flag made on the
 * corrected words afterwards does not find it.
 */
export function buildKeyReport({
  entries,
  students,
  flags,
  hrefFor,
}: {
  entries: readonly PlacedEntry[];
  students: readonly StudentRefDTO[];
  flags: readonly PlacedFlag[];
  hrefFor: (annotationId: string) => string;
}): KeyReportBody {
  const toKey = (list: readonly PlacedEntry[]): AnswerKeyEntry[] =>
    list.flatMap(({ entry, span }) =>
      span ? [{ id: entry.id, start: span.start, end: span.end, category: entry.category, correction: entry.correction }] : [],
    );
  const key = toKey(entries.filter((e) => !e.isFixedInSource));
  const fixedKey = toKey(entries.filter((e) => e.isFixedInSource));
  const finders = new Map(entries.map(({ entry }) => [entry.id, { found: [] as FinderDTO[], partial: [] as FinderDTO[] }]));
  const flagsById = new Map(flags.map((f) => [f.id, f]));
  const scores: StudentScoreDTO[] = [];
  const outside: OutsideFlagDTO[] = [];
  const onOldWords = new Set(flags.filter((f) => f.isOnReplacedWords).map((f) => f.id));

  for (const student of students) {
    const own: StudentFlag[] = flags.flatMap((f) =>
      f.authorId === student.id && f.span ? [{ id: f.id, authorId: f.authorId, ...f.span, category: f.category }] : [],
    );
    const summary = summarizeStudent(own, key);
    const fixed = summarizeStudent(own.filter((f) => onOldWords.has(f.id)), fixedKey);
    for (const result of [...summary.entries, ...fixed.entries]) {
      if (result.status === "missed") continue;
      finders.get(result.entry.id)?.[result.status].push({ student, flagIds: result.flagIds });
    }
    const creditedForFixed = new Set(fixed.entries.flatMap((r) => r.flagIds));
    const outsideFlags = summary.outside.filter((f) => !creditedForFixed.has(f.id));
    for (const flag of outsideFlags) {
      const full = flagsById.get(flag.id);
      if (!full) continue;
      outside.push({
        annotationId: full.id,
        student,
        quote: full.quote,
        category: full.category,
        correction: full.correction,
        status: full.status,
        href: hrefFor(full.id),
      });
    }
    scores.push({
      student,
      found: summary.counts.found + fixed.counts.found,
      partial: summary.counts.partial + fixed.counts.partial,
      missed: summary.counts.missed,
      outside: outsideFlags.length,
    });
  }

  const studentIds = new Set(students.map((s) => s.id));
  return {
    entries: entries.map(({ entry, span, isFixedInSource = false }) => ({
      entry,
      isPlaced: span !== null,
      fixedInSource: isFixedInSource,
      found: finders.get(entry.id)?.found ?? [],
      partial: finders.get(entry.id)?.partial ?? [],
    })),
    students: scores,
    outside: outside.sort((a, b) => startOf(flagsById, a) - startOf(flagsById, b)),
    unplacedFlagCount: flags.filter((f) => f.span === null && studentIds.has(f.authorId)).length,
  };
}

function startOf(flags: Map<string, PlacedFlag>, item: OutsideFlagDTO): number {
  return flags.get(item.annotationId)?.span?.start ?? 0;
}
