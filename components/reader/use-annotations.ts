"use client";

import { useCallback } from "react";
import type { AnnotationDTO, AnnotationListDTO, EvidenceDTO, FlagCategory, ReplyDTO, Scope } from "@/lib/annotations/types";
import type { AnnotationPatch } from "@/lib/format/edit-patch";
import type { TiptapDoc } from "@/lib/rich-text";
import type { Region } from "@/lib/sources/regions";
import { callApi } from "@/components/ui/api-client";
import { useLiveAnnotations } from "@/components/live/use-live-annotations";

export type { LiveStatus } from "@/components/live/use-live-annotations";

/** What a new annotation marks: a passage of the text, or a region of a picture reading. */
type Target =
  | { quote: { exact: string; prefix: string; suffix: string }; position: { start: number; end: number }; region?: undefined }
  | { region: Region; quote?: undefined; position?: undefined };

/**
 * The assignment's annotations as the viewer sees them, kept current: own
 * writes apply the server's answer, classmates' writes arrive through the
 * live stream as the changed thread (components/live/use-live-annotations.ts).
 * After a delete or a refused write only that thread is read again, never
 * the whole list.
 */
export function useAnnotations(initial: AnnotationListDTO) {
  const { list, live, refresh, apply, applyOwnReply, fetchThread } = useLiveAnnotations(initial);
  const assignmentId = initial.assignmentId;

  /** Puts an answer's annotation in the list (unless the stream already brought a newer state of it). */
  const upsert = apply;

  /** Creates a highlight or comment; `id` is the caller's pending id, the same on every retry. */
  const create = useCallback(
    async (input: Target & {
      id: string;
      kind: "highlight" | "comment";
      scope: Scope;
      body?: TiptapDoc;
      tags?: string[];
      guide?: "question" | "instruction";
      codeId?: string | null;
    }) => {
      const res = await callApi<{ annotation: AnnotationDTO }>("POST", `/api/assignments/${assignmentId}/annotations`, input);
      if (res.ok) upsert(res.data.annotation);
      return res;
    },
    [assignmentId, upsert],
  );

  /** Posts an error flag; `id` is the composer's pending id, so a retried post never flags twice. */
  const createFlag = useCallback(
    async (input: Target & {
      id: string;
      scope: Scope;
      category: FlagCategory;
      correction: string;
      rationale: TiptapDoc;
      evidence: EvidenceDTO[];
      tags: string[];
    }) => {
      const res = await callApi<{ annotation: AnnotationDTO }>("POST", `/api/assignments/${assignmentId}/flags`, input);
      // A first own flag can unlock classmates' flags: reload to pick them up.
      if (res.ok) {
        upsert(res.data.annotation);
        if (!list.peerFlagsVisible) void refresh();
      }
      return res;
    },
    [assignmentId, upsert, refresh, list.peerFlagsVisible],
  );

  const update = useCallback(
    async (annotation: AnnotationDTO, patch: AnnotationPatch) => {
      const res = await callApi<{ annotation: AnnotationDTO }>("PATCH", `/api/annotations/${annotation.id}`, {
        version: annotation.version,
        ...patch,
      });
      if (res.ok) upsert(res.data.annotation);
      else if (res.status === 409 || res.status === 404) void fetchThread(annotation.id);
      return res.ok ? null : res.message;
    },
    [fetchThread, upsert],
  );

  const remove = useCallback(
    async (annotation: AnnotationDTO) => {
      const res = await callApi("DELETE", `/api/annotations/${annotation.id}`, { version: annotation.version });
      // Kept as "deleted" while it has replies, gone otherwise: the server's rule, read back for this one thread.
      await fetchThread(annotation.id);
      // A student's last own flag gone can hide classmates' flags again (the "after your own flag" setting).
      if (res.ok && annotation.kind === "flag" && list.viewer.role === "student") void refresh();
      return res.ok ? null : res.message;
    },
    [fetchThread, refresh, list.viewer.role],
  );

  const reply = useCallback(
    async (annotationId: string, body: TiptapDoc, id: string) => {
      const res = await callApi<{ reply: ReplyDTO }>("POST", `/api/annotations/${annotationId}/replies`, { id, body });
      if (res.ok) applyOwnReply(res.data.reply);
      return res.ok ? null : res.message;
    },
    [applyOwnReply],
  );

  const editReply = useCallback(
    async (target: ReplyDTO, body: TiptapDoc) => {
      const res = await callApi<{ reply: ReplyDTO }>("PATCH", `/api/replies/${target.id}`, { version: target.version, body });
      if (res.ok) applyOwnReply(res.data.reply);
      else await fetchThread(target.annotationId);
      return res.ok ? null : res.message;
    },
    [applyOwnReply, fetchThread],
  );

  const deleteReply = useCallback(
    async (target: ReplyDTO) => {
      const res = await callApi("DELETE", `/api/replies/${target.id}`, { version: target.version });
      // The thread may go with it (a deleted comment whose last live reply this was).
      await fetchThread(target.annotationId);
      return res.ok ? null : res.message;
    },
    [fetchThread],
  );

  return { list, live, refresh, upsert, create, createFlag, update, remove, reply, editReply, deleteReply };
}
