"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { AnnotationDTO, AnnotationListDTO, EvidenceDTO, FlagCategory, ReplyDTO, Scope } from "@/lib/annotations/types";
import type { TiptapDoc } from "@/lib/rich-text";
import { callApi } from "@/components/ui/api-client";

export type LiveStatus = "connecting" | "live" | "reconnecting";

/** Waits this long after a change event before reloading, so a burst costs one request. */
const REFRESH_DEBOUNCE_MS = 120;

/**
 * The assignment's annotations as the viewer sees them, kept current: own
 * writes update the list from the server's answer, classmates' writes arrive
 * through the live stream (which resumes from its last event id after a drop).
 */
export function useAnnotations(initial: AnnotationListDTO) {
  const [list, setList] = useState(initial);
  const [live, setLive] = useState<LiveStatus>("connecting");
  const assignmentId = initial.assignmentId;
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const refresh = useCallback(async () => {
    const res = await callApi<AnnotationListDTO>("GET", `/api/assignments/${assignmentId}/annotations`);
    if (res.ok) setList(res.data);
  }, [assignmentId]);

  useEffect(() => {
    const source = new EventSource(`/api/assignments/${assignmentId}/events?since=${initial.lastEventId}`);
    const schedule = () => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void refresh(), REFRESH_DEBOUNCE_MS);
    };
    source.addEventListener("open", () => setLive("live"));
    source.addEventListener("error", () => setLive("reconnecting"));
    source.addEventListener("change", schedule);
    source.addEventListener("reset", schedule);
    return () => {
      source.close();
      if (timer.current) clearTimeout(timer.current);
    };
  }, [assignmentId, initial.lastEventId, refresh]);

  const upsert = useCallback((annotation: AnnotationDTO) => {
    setList((current) => ({
      ...current,
      annotations: [...current.annotations.filter((a) => a.id !== annotation.id), annotation],
    }));
  }, []);

  /** Creates a highlight or comment; `id` is the caller's pending id, the same on every retry. */
  const create = useCallback(
    async (input: {
      id: string;
      kind: "highlight" | "comment";
      scope: Scope;
      quote: { exact: string; prefix: string; suffix: string };
      position: { start: number; end: number };
      body?: TiptapDoc;
      tags?: string[];
    }) => {
      const res = await callApi<{ annotation: AnnotationDTO }>("POST", `/api/assignments/${assignmentId}/annotations`, input);
      if (res.ok) upsert(res.data.annotation);
      return res;
    },
    [assignmentId, upsert],
  );

  /** Posts an error flag; `id` is the composer's pending id, so a retried post never flags twice. */
  const createFlag = useCallback(
    async (input: {
      id: string;
      scope: Scope;
      quote: { exact: string; prefix: string; suffix: string };
      position: { start: number; end: number };
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
    async (annotation: AnnotationDTO, patch: { body?: TiptapDoc; tags?: string[]; scope?: Scope }) => {
      const res = await callApi<{ annotation: AnnotationDTO }>("PATCH", `/api/annotations/${annotation.id}`, {
        version: annotation.version,
        ...patch,
      });
      if (res.ok) upsert(res.data.annotation);
      else if (res.status === 409 || res.status === 404) void refresh();
      return res.ok ? null : res.message;
    },
    [refresh, upsert],
  );

  const remove = useCallback(
    async (annotation: AnnotationDTO) => {
      const res = await callApi("DELETE", `/api/annotations/${annotation.id}`, { version: annotation.version });
      await refresh();
      return res.ok ? null : res.message;
    },
    [refresh],
  );

  const reply = useCallback(
    async (annotationId: string, body: TiptapDoc, id: string) => {
      const res = await callApi<{ reply: ReplyDTO }>("POST", `/api/annotations/${annotationId}/replies`, { id, body });
      if (res.ok) {
        setList((current) => ({
          ...current,
          annotations: current.annotations.map((a) =>
            a.id === annotationId ? { ...a, replies: [...a.replies.filter((r) => r.id !== res.data.reply.id), res.data.reply] } : a,
          ),
        }));
      }
      return res.ok ? null : res.message;
    },
    [],
  );

  const editReply = useCallback(
    async (target: ReplyDTO, body: TiptapDoc) => {
      const res = await callApi("PATCH", `/api/replies/${target.id}`, { version: target.version, body });
      await refresh();
      return res.ok ? null : res.message;
    },
    [refresh],
  );

  const deleteReply = useCallback(
    async (target: ReplyDTO) => {
      const res = await callApi("DELETE", `/api/replies/${target.id}`, { version: target.version });
      await refresh();
      return res.ok ? null : res.message;
    },
    [refresh],
  );

  return { list, live, refresh, upsert, create, createFlag, update, remove, reply, editReply, deleteReply };
}
