"use client";

import { useCallback, useState } from "react";
import { latestOnly } from "@/lib/live/coalesce";
import type { ApiResult } from "@/components/ui/api-client";
import { callApi } from "@/components/ui/api-client";
import { useHintList, type HintList } from "./use-hint-list";
import type {
  AnswerKeyDTO,
  AnswerKeyEntryDTO,
  AssignmentSettingsDTO,
  HintDTO,
  KeyReportDTO,
} from "@/lib/review/types";

/** What the review page starts with, loaded on the server. */
export interface ReviewData {
  assignmentId: string;
  settings: AssignmentSettingsDTO;
  /** Null when they were still being prepared as the page was made: the browser fetches them (use-hint-list.ts). */
  hints: HintList | null;
  key: AnswerKeyDTO;
  report: KeyReportDTO;
}

/** A hand-made entry as the "Add by hand" form sends it. */
export interface PassageEntryInput {
  words: string;
  occurrence: number;
  category: AnswerKeyEntryDTO["category"];
  correction: string;
  note: string;
}

/**
 * The review page's state and the writes it makes. Every change to the key
 * reloads the key and the report from the server, which owns the scoring,
 * rather than patching them here. Reloads can overlap (a write's own and
 * the live dashboard's, use-dashboard-data.ts): only the one begun last is
 * applied, so an older key never replaces a newer one.
 */
export function useReviewData(initial: ReviewData) {
  const { assignmentId } = initial;
  const [settings, setSettings] = useState(initial.settings);
  const [key, setKey] = useState(initial.key);
  const [report, setReport] = useState(initial.report);
  const [reloads] = useState(latestOnly);
  const hints = useHintList(assignmentId, initial.hints);
  const hintsRevisionId = hints.state.status === "ready" ? hints.state.revisionId : null;

  const reload = useCallback(async () => {
    const ticket = reloads.begin();
    const [nextKey, nextReport] = await Promise.all([
      callApi<AnswerKeyDTO>("GET", `/api/assignments/${assignmentId}/answer-key`),
      callApi<KeyReportDTO>("GET", `/api/assignments/${assignmentId}/key-report`),
    ]);
    if (!reloads.isLatest(ticket)) return;
    if (nextKey.ok) setKey(nextKey.data);
    if (nextReport.ok) setReport(nextReport.data);
  }, [assignmentId, reloads]);

  const addEntry = useCallback(
    async (body: unknown): Promise<ApiResult<{ entry: AnswerKeyEntryDTO }>> => {
      const res = await callApi<{ entry: AnswerKeyEntryDTO }>("POST", `/api/assignments/${assignmentId}/answer-key`, body);
      if (res.ok) await reload();
      return res;
    },
    [assignmentId, reload],
  );

  const addFromHint = useCallback(
    (hint: HintDTO) => addEntry({ source: "hint", hintId: hint.id, revisionId: hintsRevisionId }),
    [addEntry, hintsRevisionId],
  );

  const addByHand = useCallback((input: PassageEntryInput) => addEntry({ source: "passage", ...input }), [addEntry]);

  const deleteEntry = useCallback(
    async (entryId: string): Promise<string | null> => {
      // An empty JSON body: apiRoute reads every mutation's body as JSON, and a bodiless DELETE arrives with Content-Length 0.
      const res = await callApi<{ ok: true }>("DELETE", `/api/answer-key/${encodeURIComponent(entryId)}`, {});
      // Already gone (another tab) is what the teacher wanted: refresh either way.
      if (res.ok || res.status === 404) {
        await reload();
        return null;
      }
      return res.message;
    },
    [reload],
  );

  const saveSettings = useCallback(
    async (next: Partial<AssignmentSettingsDTO>) => {
      const res = await callApi<{ settings: AssignmentSettingsDTO }>("PATCH", `/api/assignments/${assignmentId}/settings`, next);
      if (res.ok) setSettings(res.data.settings);
      return res;
    },
    [assignmentId],
  );

  return { settings, hints, key, report, reload, addFromHint, addByHand, deleteEntry, saveSettings };
}

/** The key entry that a hint became, if any: same place on the same text, same category. */
export function entryForHint(hint: HintDTO, entries: readonly AnswerKeyEntryDTO[], revisionId: string) {
  return entries.find(
    (e) =>
      e.revisionId === revisionId &&
      e.position.start === hint.position.start &&
      e.position.end === hint.position.end &&
      e.category === hint.category,
  );
}
