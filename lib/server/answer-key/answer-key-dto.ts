import "server-only";
import { HINT_KINDS, type HintKind } from "@/lib/critique";
import type { AnswerKeyEntry as EntryRow } from "@/lib/generated/prisma/client";
import type { AnswerKeyEntryDTO } from "@/lib/review/types";

function toHintKind(value: string | null): HintKind | null {
  return value !== null && (HINT_KINDS as readonly string[]).includes(value) ? (value as HintKind) : null;
}

/** Maps a stored key entry to what the review page receives. */
export function toAnswerKeyEntryDTO(row: EntryRow, currentRevisionId: string): AnswerKeyEntryDTO {
  return {
    id: row.id,
    revisionId: row.revisionId,
    isOnCurrentRevision: row.revisionId === currentRevisionId,
    quote: { exact: row.exact, prefix: row.prefix, suffix: row.suffix },
    position: { start: row.startCp, end: row.endCp },
    category: row.category,
    correction: row.correction,
    note: row.note,
    hintKind: toHintKind(row.hintKind),
    createdAt: row.createdAt.toISOString(),
  };
}
