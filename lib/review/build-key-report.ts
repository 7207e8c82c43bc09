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
  const key: AnswerKeyEntry[] = entries.flatMap(({ entry, span }) =>
    span ? [{ id: entry.id, start: span.start, end: span.end, category: entry.category, correction: entry.correction }] : [],
  );
  const finders = new Map(entries.map(({ entry }) => [entry.id, { found: [] as FinderDTO[], partial: [] as FinderDTO[] }]));
  const flagsById = new Map(flags.map((f) => [f.id, f]));
  const scores: StudentScoreDTO[] = [];
  const outside: OutsideFlagDTO[] = [];

  for (const student of students) {
    const own: StudentFlag[] = flags.flatMap((f) =>
      f.authorId === student.id && f.span ? [{ id: f.id, authorId: f.authorId, ...f.span, category: f.category }] : [],
    );
    const summary = summarizeStudent(own, key);
    for (const result of summary.entries) {
      if (result.status === "missed") continue;
      finders.get(result.entry.id)?.[result.status].push({ student, flagIds: result.flagIds });
    }
    for (const flag of summary.outside) {
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
    scores.push({ student, ...summary.counts });
  }

  const studentIds = new Set(students.map((s) => s.id));
  return {
    entries: entries.map(({ entry, span }) => ({
      entry,
      isPlaced: span !== null,
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
