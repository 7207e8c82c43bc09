"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { useLiveAnnotations } from "@/components/live/use-live-annotations";
import { callApi, type ApiResult } from "@/components/ui/api-client";
import type { AnnotationDTO, AnnotationListDTO } from "@/lib/annotations/types";
import { coalesce, type Coalescer } from "@/lib/live/coalesce";
import type { StudentTableDTO } from "@/lib/review/student-table";
import type { ReviewFlagInput } from "@/lib/validation/flag";

/** What the class-wide panels (heatmap, flag queue, students, all annotations) start with. */
export interface DashboardData {
  /** The class's annotations as the teacher sees them, with the log position they are current to (the live stream starts there). */
  list: AnnotationListDTO;
  students: StudentTableDTO;
}

/**
 * After a change the counts (students table, answer-key report) are fetched
 * again this soon, and at most once per interval however many students
 * write: a class of 30 writing at once costs one refetch every two seconds.
 */
const SCORES_SETTLE_MS = 300;
const SCORES_INTERVAL_MS = 2_000;

/**
 * The class's annotations, the per-student table, and the teacher's writes
 * on them (review a flag, hide an annotation), live: students' and
 * co-teachers' changes arrive through the assignment's live stream as the
 * changed thread, which replaces the old one in place (heatmap, queue and
 * list follow). The table and the key report (`onScoresChanged`) are
 * counted by the server, so any change asks for them again, coalesced and
 * one at a time, so an older count never lands after a newer one.
 */
export function useDashboardData(assignmentId: string, initial: DashboardData, onScoresChanged: () => Promise<void>) {
  const [students, setStudents] = useState(initial.students);
  const onScoresChangedRef = useRef(onScoresChanged);
  const scores = useRef<Coalescer | null>(null);
  useEffect(() => {
    onScoresChangedRef.current = onScoresChanged;
  }, [onScoresChanged]);

  useEffect(() => {
    const refetch = coalesce(
      async () => {
        const [table] = await Promise.all([
          callApi<StudentTableDTO>("GET", `/api/assignments/${encodeURIComponent(assignmentId)}/students`),
          onScoresChangedRef.current(),
        ]);
        if (table.ok) setStudents(table.data);
      },
      { settleMs: SCORES_SETTLE_MS, intervalMs: SCORES_INTERVAL_MS },
    );
    scores.current = refetch;
    return () => {
      refetch.dispose();
      scores.current = null;
    };
  }, [assignmentId]);

  const reloadScores = useCallback(() => scores.current?.request(), []);
  const { list, live, refresh, apply, fetchThread } = useLiveAnnotations(initial.list, reloadScores);

  const reviewFlag = useCallback(
    async (annotationId: string, decision: ReviewFlagInput): Promise<ApiResult<{ annotation: AnnotationDTO }>> => {
      const res = await callApi<{ annotation: AnnotationDTO }>("POST", `/api/flags/${encodeURIComponent(annotationId)}/review`, decision);
      if (res.ok) {
        apply(res.data.annotation);
        reloadScores();
      } else if (res.status === 404 || res.status === 409) {
        // Deleted or decided meanwhile (another tab, a co-teacher): show what is true now.
        void fetchThread(annotationId);
      }
      return res;
    },
    [apply, fetchThread, reloadScores],
  );

  const setHidden = useCallback(
    async (annotationId: string, hidden: boolean): Promise<ApiResult<{ annotation: AnnotationDTO }>> => {
      const res = await callApi<{ annotation: AnnotationDTO }>("POST", `/api/annotations/${encodeURIComponent(annotationId)}/hide`, { hidden });
      if (res.ok) apply(res.data.annotation);
      else if (res.status === 404) void fetchThread(annotationId);
      return res;
    },
    [apply, fetchThread],
  );

  /** After an import: everything may have changed. */
  const reloadAll = useCallback(async () => {
    reloadScores();
    await refresh();
  }, [refresh, reloadScores]);

  // apply, refresh and reloadScores: for the queue's own writes (group decisions, merge, undo; use-queue-actions.ts).
  return { annotations: list.annotations, codes: list.codes, students, live, reviewFlag, setHidden, reloadAll, apply, refresh, reloadScores };
}
