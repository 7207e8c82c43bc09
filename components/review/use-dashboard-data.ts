"use client";

import { useCallback, useState } from "react";
import { callApi, type ApiResult } from "@/components/ui/api-client";
import type { AnnotationDTO, AnnotationListDTO } from "@/lib/annotations/types";
import type { StudentTableDTO } from "@/lib/review/student-table";
import type { ReviewFlagInput } from "@/lib/validation/flag";

/** What the class-wide panels (heatmap, flag queue, students, all annotations) start with. */
export interface DashboardData {
  annotations: AnnotationDTO[];
  students: StudentTableDTO;
}

/**
 * The class's annotations and the per-student table, and the teacher's
 * writes on them (review a flag, hide an annotation). A write answers with
 * the changed annotation, which replaces the old one in place; the table and
 * the key report (via `onScoresChanged`) are reloaded from the server, which
 * owns the counting, after anything that can change a score.
 */
export function useDashboardData(assignmentId: string, initial: DashboardData, onScoresChanged: () => Promise<void>) {
  const [annotations, setAnnotations] = useState(initial.annotations);
  const [students, setStudents] = useState(initial.students);

  const replace = useCallback((next: AnnotationDTO) => {
    setAnnotations((list) => list.map((a) => (a.id === next.id ? next : a)));
  }, []);

  const reloadAnnotations = useCallback(async () => {
    const res = await callApi<AnnotationListDTO>("GET", `/api/assignments/${encodeURIComponent(assignmentId)}/annotations`);
    if (res.ok) setAnnotations(res.data.annotations);
  }, [assignmentId]);

  const reloadScores = useCallback(async () => {
    const [table] = await Promise.all([
      callApi<StudentTableDTO>("GET", `/api/assignments/${encodeURIComponent(assignmentId)}/students`),
      onScoresChanged(),
    ]);
    if (table.ok) setStudents(table.data);
  }, [assignmentId, onScoresChanged]);

  const reviewFlag = useCallback(
    async (annotationId: string, decision: ReviewFlagInput): Promise<ApiResult<{ annotation: AnnotationDTO }>> => {
      const res = await callApi<{ annotation: AnnotationDTO }>("POST", `/api/flags/${encodeURIComponent(annotationId)}/review`, decision);
      if (res.ok) {
        replace(res.data.annotation);
        void reloadScores();
      } else if (res.status === 404 || res.status === 409) {
        // Deleted or merged meanwhile (another tab, a co-teacher): show what is true now.
        void reloadAnnotations();
      }
      return res;
    },
    [replace, reloadAnnotations, reloadScores],
  );

  const setHidden = useCallback(
    async (annotationId: string, hidden: boolean): Promise<ApiResult<{ annotation: AnnotationDTO }>> => {
      const res = await callApi<{ annotation: AnnotationDTO }>("POST", `/api/annotations/${encodeURIComponent(annotationId)}/hide`, { hidden });
      if (res.ok) replace(res.data.annotation);
      else if (res.status === 404) void reloadAnnotations();
      return res;
    },
    [replace, reloadAnnotations],
  );

  /** After an import: everything may have changed. */
  const reloadAll = useCallback(async () => {
    await Promise.all([reloadAnnotations(), reloadScores()]);
  }, [reloadAnnotations, reloadScores]);

  // apply, reloadAnnotations and reloadScores: for the queue's own writes (group decisions, merge, undo; use-queue-actions.ts).
  return { annotations, students, reviewFlag, setHidden, reloadAll, apply: replace, reloadAnnotations, reloadScores };
}
