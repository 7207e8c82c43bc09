"use client";

import { useCallback, useEffect, useState } from "react";
import { callApi } from "@/components/ui/api-client";
import type { HintDTO, HintListDTO } from "@/lib/review/types";

/** The hints of one text, and which revision they are on (answer-key entries made from them name it). */
export interface HintList {
  revisionId: string;
  hints: HintDTO[];
}

/** Where fetching the hints is. */
export type HintListState =
  | ({ status: "ready" } & HintList)
  | { status: "loading" }
  | { status: "failed"; httpStatus: number; message: string };

/**
 * The waits between tries while the server answers that the hints are still
 * being prepared (503: a cold reading worker, a long text) or the network is
 * down: about a minute in all, after which the teacher gets a "Try again"
 * button instead of a spinner that never ends.
 */
export const HINTS_RETRY_DELAYS_MS: readonly number[] = [1_000, 2_000, 3_000, 5_000, 8_000, 13_000, 21_000];

/** Whether a failed answer may succeed if asked again: offline, or a server-side 5xx such as 503 "still being prepared". */
const isWorthRetrying = (httpStatus: number) => httpStatus === 0 || httpStatus >= 500;

/**
 * An assignment's automatic hints: `initial` when the page came with them,
 * otherwise fetched by the browser, tried again (HINTS_RETRY_DELAYS_MS)
 * while the server is still preparing them. A refusal (404: a student
 * before the teacher's setting allows) is final. `retry` starts over.
 */
export function useHintList(assignmentId: string, initial: HintList | null = null) {
  const [state, setState] = useState<HintListState>(initial ? { status: "ready", ...initial } : { status: "loading" });
  // Each round is one run of tries; -1 while the page's own hints stand.
  const [round, setRound] = useState(initial ? -1 : 0);

  useEffect(() => {
    if (round < 0) return;
    let isCurrent = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const attempt = async (tries: number) => {
      const res = await callApi<HintListDTO>("GET", `/api/assignments/${encodeURIComponent(assignmentId)}/hints`);
      if (!isCurrent) return;
      if (res.ok) setState({ status: "ready", revisionId: res.data.revisionId, hints: res.data.hints });
      else if (isWorthRetrying(res.status) && tries < HINTS_RETRY_DELAYS_MS.length) timer = setTimeout(() => void attempt(tries + 1), HINTS_RETRY_DELAYS_MS[tries]);
      else setState({ status: "failed", httpStatus: res.status, message: res.message });
    };
    void attempt(0);
    return () => {
      isCurrent = false;
      clearTimeout(timer);
    };
  }, [assignmentId, round]);

  const retry = useCallback(() => {
    setState({ status: "loading" });
    setRound((n) => Math.max(0, n) + 1);
  }, []);

  return { state, retry };
}
