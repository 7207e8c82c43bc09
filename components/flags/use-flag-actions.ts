"use client";

import { useCallback, useMemo } from "react";
import { callApi, type ApiResult } from "@/components/ui/api-client";
import type { AnnotationDTO, Scope } from "@/lib/annotations/types";
import type { FlagPatch, ReviewStatus } from "@/lib/format/flag-form";

/** An error message to show, or null on success. */
type Result = Promise<string | null>;

/** What the flag card can ask of the API. */
export interface FlagActions {
  /** The author's edit: flag fields, then (if changed) scope and tags on the annotation itself. */
  editFlag: (a: AnnotationDTO, patch: FlagPatch, meta?: { scope?: Scope; tags?: string[] }) => Result;
  vote: (a: AnnotationDTO, value: "agree" | "disagree", reason: string) => Result;
  clearVote: (a: AnnotationDTO) => Result;
  review: (a: AnnotationDTO, decision: { status: ReviewStatus; reason: string; correction?: string; applyToTranscription?: boolean }) => Result;
  merge: (a: AnnotationDTO, intoId: string) => Result;
  /** Undoes a merge of `a` (a merged flag). */
  unmerge: (a: AnnotationDTO) => Result;
}

type Answer = { annotation: AnnotationDTO };

/**
 * Flag calls against the API (see the flag contract). Each answer carries
 * the updated annotation, which replaces ours at once; a stale version or a
 * vanished flag reloads the list so the card shows what is true now.
 */
export function useFlagActions(upsert: (a: AnnotationDTO) => void, refresh: () => Promise<void>): FlagActions {
  const settle = useCallback(
    (res: ApiResult<Answer>) => {
      if (res.ok) upsert(res.data.annotation);
      else if (res.status === 409 || res.status === 404) void refresh();
      return res.ok ? null : res.message;
    },
    [upsert, refresh],
  );

  const editFlag = useCallback<FlagActions["editFlag"]>(
    async (a, patch, meta = {}) => {
      let version = a.version;
      // A flag waiting for evidence is resubmitted by saving, even unchanged.
      if (Object.keys(patch).length > 0 || a.flag?.status === "needs_evidence") {
        const res = await callApi<Answer>("PATCH", `/api/flags/${a.id}`, { version, ...patch });
        const error = settle(res);
        if (error || !res.ok) return error;
        version = res.data.annotation.version;
      }
      if (meta.scope === undefined && meta.tags === undefined) return null;
      return settle(await callApi<Answer>("PATCH", `/api/annotations/${a.id}`, { version, ...meta }));
    },
    [settle],
  );

  const vote = useCallback<FlagActions["vote"]>(
    async (a, value, reason) => settle(await callApi<Answer>("PUT", `/api/flags/${a.id}/vote`, { value, reason })),
    [settle],
  );

  const clearVote = useCallback<FlagActions["clearVote"]>(
    async (a) => settle(await callApi<Answer>("DELETE", `/api/flags/${a.id}/vote`)),
    [settle],
  );

  const review = useCallback<FlagActions["review"]>(
    // The version this card shows: a co-teacher's decision since then makes it 409, not an overwrite.
    async (a, decision) => settle(await callApi<Answer>("POST", `/api/flags/${a.id}/review`, { ...decision, version: a.flag?.reviewVersion })),
    [settle],
  );

  const merge = useCallback<FlagActions["merge"]>(
    async (a, intoId) => {
      const res = await callApi<Answer & { merged: AnnotationDTO }>("POST", `/api/flags/${a.id}/merge`, { intoId, version: a.flag?.reviewVersion });
      // The answer carries both changed flags: the target and the one merged into it.
      if (res.ok) upsert(res.data.merged);
      return settle(res);
    },
    [settle, upsert],
  );

  const unmerge = useCallback<FlagActions["unmerge"]>(
    async (a) => {
      const res = await callApi<Answer & { target: AnnotationDTO }>("POST", `/api/flags/${a.id}/unmerge`, { version: a.flag?.reviewVersion });
      if (res.ok) upsert(res.data.target);
      return settle(res);
    },
    [settle, upsert],
  );

  return useMemo(() => ({ editFlag, vote, clearVote, review, merge, unmerge }), [editFlag, vote, clearVote, review, merge, unmerge]);
}
