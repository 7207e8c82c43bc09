"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { codeForKey, type HighlightCodeDTO } from "@/lib/annotations/highlight-codes";
import type { Scope } from "@/lib/annotations/types";
import type { useAnnotations } from "./use-annotations";

type Span = { start: number; end: number };
type Selectors = { quote: { exact: string; prefix: string; suffix: string }; position: Span };

interface Options {
  /** The selected passage, while the toolbar shows. */
  pending: Span | null;
  /** Drops the selection (after a highlight is made, or on Esc). */
  clearPending: () => void;
  defaultScope: Scope;
  selectors: (span: Span) => Selectors;
  create: ReturnType<typeof useAnnotations>["create"];
  /** The class's codes: digit keys 1–9 make a highlight with the code at that place. */
  codes: readonly HighlightCodeDTO[];
  startComposing: (kind: "comment" | "flag") => void;
  onHighlighted: (id: string, message: string) => void;
  onError: (message: string) => void;
}

/**
 * What a selection can become, by toolbar or key: H a highlight, 1–9 a
 * highlight with that code, C a comment, F a flag, Esc nothing. Keys typed in
 * a field or editor are left alone.
 */
export function useSelectionActions(options: Options) {
  const { pending, clearPending, defaultScope, selectors, create, codes, startComposing, onHighlighted, onError } = options;
  const [isBusy, setBusy] = useState(false);
  // A highlight's client id belongs to its words: pressing Highlight again on the same span after a
  // failure retries that highlight, while another span gets a new one.
  const highlightId = useRef<{ start: number; end: number; id: string } | null>(null);

  const highlight = useCallback(
    async (code?: HighlightCodeDTO) => {
      if (!pending || isBusy) return;
      setBusy(true);
      const held = highlightId.current;
      const id = held && held.start === pending.start && held.end === pending.end ? held.id : crypto.randomUUID();
      highlightId.current = { start: pending.start, end: pending.end, id };
      const res = await create({ id, kind: "highlight", scope: defaultScope, ...selectors(pending), ...(code ? { codeId: code.id } : {}) });
      setBusy(false);
      if (res.ok) {
        highlightId.current = null;
        window.getSelection()?.removeAllRanges();
        clearPending();
        const words = res.data.annotation.quote.exact.slice(0, 60);
        onHighlighted(res.data.annotation.id, code ? `Highlighted “${words}” as ${code.label}.` : `Highlighted “${words}”.`);
      } else {
        onError(res.message);
      }
    },
    [pending, isBusy, create, defaultScope, selectors, clearPending, onHighlighted, onError],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (!pending || event.ctrlKey || event.metaKey || event.altKey) return;
      if (target?.closest("input, textarea, select, [contenteditable='true']")) return;
      const key = event.key.toLowerCase();
      const code = codeForKey(codes, key);
      if (key === "h" || code) {
        event.preventDefault();
        void highlight(code ?? undefined);
      } else if (key === "c" || key === "f") {
        event.preventDefault();
        startComposing(key === "c" ? "comment" : "flag");
      } else if (key === "escape") {
        window.getSelection()?.removeAllRanges();
        clearPending();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [pending, highlight, startComposing, codes, clearPending]);

  return { highlight, isBusy };
}
