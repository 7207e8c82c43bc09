"use client";

import { useCallback } from "react";
import { callApi, type ApiResult } from "@/components/ui/api-client";
import type { AnnotationDTO } from "@/lib/annotations/types";
import type { QueuedFlag } from "@/lib/review/flag-queue";
import type { ReviewFlagInput } from "@/lib/validation/flag";

/** What the queue's own writes need from the dashboard's data (use-dashboard-data.ts). */
export interface QueueDataHooks {
  assignmentId: string;
  /** Puts a changed annotation in place. */
  apply: (annotation: AnnotationDTO) => void;
  /** Reads the list again: after 404/409 the flags changed under the teacher. */
  refresh: () => Promise<void>;
  /** Asks for the students table and the key report again: merges and decisions change scores. */
  reloadScores: () => void;
}

/**
 * The flag queue's writes beyond one flag's decision: one decision for a
 * finding's flags, merging a duplicate into another flag, and undoing a
 * merge. Each answer carries every flag it changed, which is put in place;
 * a refusal because something changed meanwhile reloads the list.
 */
export function useQueueActions({ assignmentId, apply, refresh, reloadScores }: QueueDataHooks) {
  const settle = useCallback(
    <T>(res: ApiResult<T>, changed: (data: T) => AnnotationDTO[]): ApiResult<T> => {
      if (res.ok) {
        for (const a of changed(res.data)) apply(a);
        reloadScores();
      } else if (res.status === 404 || res.status === 409) {
        void refresh();
      }
      return res;
    },
    [apply, refresh, reloadScores],
  );

  const reviewFinding = useCallback(
    async (flags: readonly QueuedFlag[], decision: Omit<ReviewFlagInput, "version">) => {
      const body = { ...decision, flags: flags.map((f) => ({ id: f.id, version: f.flag.reviewVersion })) };
      const res = await callApi<{ annotations: AnnotationDTO[] }>("POST", `/api/assignments/${encodeURIComponent(assignmentId)}/flags/review`, body);
      return settle(res, (d) => d.annotations);
    },
    [assignmentId, settle],
  );

  const merge = useCallback(
    async (flag: QueuedFlag, intoId: string) => {
      const res = await callApi<{ annotation: AnnotationDTO; merged: AnnotationDTO }>("POST", `/api/flags/${encodeURIComponent(flag.id)}/merge`, {
        intoId,
        version: flag.flag.reviewVersion,
      });
      return settle(res, (d) => [d.annotation, d.merged]);
    },
    [settle],
  );

  const unmerge = useCallback(
    async (flag: QueuedFlag) => {
      const res = await callApi<{ annotation: AnnotationDTO; target: AnnotationDTO }>("POST", `/api/flags/${encodeURIComponent(flag.id)}/unmerge`, {
        version: flag.flag.reviewVersion,
      });
      return settle(res, (d) => [d.annotation, d.target]);
    },
    [settle],
  );

  return { reviewFinding, merge, unmerge };
}

/** What useQueueActions returns. */
export type QueueActions = ReturnType<typeof useQueueActions>;
