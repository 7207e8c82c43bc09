"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { callApi } from "@/components/ui/api-client";
import type { AnnotationDTO, AnnotationListDTO, ChangeEventDTO, ReplyDTO } from "@/lib/annotations/types";
import { applyAnswer, applyEvent, applyList, applyReply, applyThread, needsReload, startLiveList, type LiveList } from "@/lib/live/live-list";

export type LiveStatus = "connecting" | "live" | "reconnecting";

/** A burst of "reload everything" events (say, a new revision for several assignments) costs one reload. */
const RELOAD_SETTLE_MS = 120;

/**
 * An assignment's annotations as the viewer sees them, kept current by the
 * live stream: each change arrives as the changed thread (already filtered
 * and mapped for this viewer on the server), and is applied in log order by
 * lib/live/live-list.ts, so a slow answer never overwrites a newer state.
 * The whole list is fetched again only when the server says the whole
 * assignment changed, or the reader fell too far behind to catch up. The
 * stream resumes from its last event id after a drop (EventSource's
 * Last-Event-ID), as before. `onEvent` hears every change (the dashboard
 * refetches its counts then).
 *
 * Why no TanStack Query or SWR: with deltas there is almost no fetching left
 * to manage (a rare full reload, a one-thread read after a delete), and what
 * is left is ordering three sources by log position, which neither library
 * does: both keep the last answer per key, so a refetch started before a
 * delta overwrites it unless cancelled, and a cancelled refetch loses its own
 * newer items. The ordering is ours either way (lib/live/live-list.ts, pure
 * and unit-tested), and either library would add 6-10 KB gzipped to a reader
 * whose first-load JavaScript budget is 200 KB and was at 198 KB.
 */
export function useLiveAnnotations(initial: AnnotationListDTO, onEvent?: (event: ChangeEventDTO | null) => void) {
  const [state, setState] = useState(() => startLiveList(initial));
  // Read synchronously too, so a request knows the position it was sent at.
  const current = useRef(state);
  const update = useCallback((change: (s: LiveList) => LiveList) => {
    current.current = change(current.current);
    setState(current.current);
  }, []);
  const [live, setLive] = useState<LiveStatus>("connecting");
  const assignmentId = initial.assignmentId;
  const onEventRef = useRef(onEvent);
  useEffect(() => {
    onEventRef.current = onEvent;
  }, [onEvent]);

  const refresh = useCallback(async () => {
    const res = await callApi<AnnotationListDTO>("GET", `/api/assignments/${assignmentId}/annotations`);
    if (res.ok) update((s) => applyList(s, res.data));
  }, [assignmentId, update]);

  useEffect(() => {
    // A plain debounce is enough here: lists are applied by their log position, so a slow one never wins.
    let timer: ReturnType<typeof setTimeout> | null = null;
    const reloads = {
      request: () => {
        if (timer) clearTimeout(timer);
        timer = setTimeout(() => void refresh(), RELOAD_SETTLE_MS);
      },
      dispose: () => timer && clearTimeout(timer),
    };
    // The last event this page heard from the stream (not from answers): where a new stream resumes.
    let heard = initial.lastEventId;
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | null = null;
    let failures = 0;
    const connect = () => {
      const next = new EventSource(`/api/assignments/${assignmentId}/events?since=${heard}`);
      source = next;
      next.addEventListener("open", () => {
        failures = 0;
        setLive("live");
      });
      next.addEventListener("error", () => {
        setLive("reconnecting");
        // EventSource retries a dropped connection by itself, but gives up for good on an answer that is
        // not a stream (429 over the per-user limit while the dropped stream still counts, 503, a proxy's
        // error page). Then this page tries again, later each time, from the last event it heard.
        if (next.readyState !== EventSource.CLOSED) return;
        failures += 1;
        retry = setTimeout(connect, Math.min(30_000, 2_000 * 2 ** Math.min(failures - 1, 4)));
      });
      next.addEventListener("change", (message) => {
        const event = JSON.parse((message as MessageEvent<string>).data) as ChangeEventDTO;
        heard = (message as MessageEvent<string>).lastEventId || heard;
        update((s) => applyEvent(s, event));
        if (needsReload(event)) reloads.request();
        onEventRef.current?.(event);
      });
      // Too far behind to replay: everything again.
      next.addEventListener("reset", (message) => {
        heard = (message as MessageEvent<string>).lastEventId || heard;
        reloads.request();
        onEventRef.current?.(null);
      });
    };
    connect();
    return () => {
      source?.close();
      if (retry) clearTimeout(retry);
      reloads.dispose();
    };
  }, [assignmentId, initial.lastEventId, refresh, update]);

  /** An annotation from an answer, kept only if nothing newer is shown (its asOf says how new it is). */
  const apply = useCallback((annotation: AnnotationDTO) => update((s) => applyAnswer(s, annotation)), [update]);

  /** A reply from the viewer's own write, into its thread. */
  const applyOwnReply = useCallback((reply: ReplyDTO) => update((s) => applyReply(s, reply)), [update]);

  /**
   * Reads one thread again (after a delete, or a write refused as stale):
   * the thread as the viewer may see it now, or its removal when the answer
   * is 404, as of the position the reader had when it asked.
   */
  const fetchThread = useCallback(
    async (id: string) => {
      const askedAt = current.current.position;
      const res = await callApi<{ annotation: AnnotationDTO }>("GET", `/api/annotations/${id}`);
      if (res.ok) update((s) => applyAnswer(s, res.data.annotation));
      else if (res.status === 404) update((s) => applyThread(s, id, null, askedAt));
    },
    [update],
  );

  return { list: state.list, live, refresh, apply, applyOwnReply, fetchThread };
}
