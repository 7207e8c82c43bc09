"use client";

import { useLayoutEffect, useState, type RefObject } from "react";
import { groupAnchors, type MarginAnchor, type MarginGroup } from "@/lib/annotations/margin-layout";
import { PENDING_MARK_ID } from "./annotated-text";

/** Height of a collapsed card (matches `.annotation-card.is-compact` in reader.css) and the gap under it, in rem. */
export const COMPACT_CARD_REM = 4;
export const CARD_GAP_PX = 8;

/** The first highlight mark of each id, in one pass over the essay. */
function firstMarkById(root: ParentNode): Map<string, Element> {
  const found = new Map<string, Element>();
  for (const mark of root.querySelectorAll("mark[data-ids]")) {
    for (const id of (mark.getAttribute("data-ids") ?? "").split(/\s+/)) {
      if (id && !found.has(id)) found.set(id, mark);
    }
  }
  return found;
}

/** The collapsed card's slot in px: its height plus the gap, at the page's root font size. */
export function slotPx(): number {
  const rem = Number.parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  return COMPACT_CARD_REM * rem + CARD_GAP_PX;
}

export interface MarginState {
  groups: MarginGroup[];
  /** Each id's passage top, in px from the top of the margin layer. */
  tops: Map<string, number>;
  /** The essay's height in the same coordinates, for the overview strip. */
  essayHeight: number;
}

const EMPTY: MarginState = { groups: [], tops: new Map(), essayHeight: 0 };

/**
 * Measures where each thread's passage starts (relative to `layer`) and groups
 * the threads whose passages start within one collapsed card of each other.
 * Re-measured when the threads, the pending passage or the page's width
 * change; fonts loading and images arriving resize the page too. `ids` are
 * in text order; ids with no mark (filtered out, orphaned) are left out.
 */
export function useMarginGroups(
  ids: readonly string[],
  layer: RefObject<HTMLElement | null>,
  essay: RefObject<HTMLElement | null>,
  hasPending: boolean,
): MarginState {
  const [state, setState] = useState<MarginState>(EMPTY);

  useLayoutEffect(() => {
    const origin = layer.current;
    const root = essay.current;
    if (!origin || !root) return;
    const measure = () => {
      const base = origin.getBoundingClientRect().top;
      const marks = firstMarkById(root);
      const anchors: MarginAnchor[] = [];
      const tops = new Map<string, number>();
      for (const id of hasPending ? [PENDING_MARK_ID, ...ids] : ids) {
        const mark = marks.get(id);
        if (!mark) continue;
        const top = Math.round(mark.getBoundingClientRect().top - base);
        tops.set(id, top);
        anchors.push({ id, top });
      }
      // Marks of one line share a top; text order breaks the tie (the sort is stable).
      anchors.sort((a, b) => a.top - b.top);
      const groups = groupAnchors(anchors, slotPx());
      const essayHeight = Math.round(root.getBoundingClientRect().bottom - base);
      setState((current) => (sameState(current, groups, tops, essayHeight) ? current : { groups, tops, essayHeight }));
    };
    // Observing reports the essay's size at once (after layout, before paint),
    // then again whenever the page's width, fonts or images move its lines.
    const observer = new ResizeObserver(measure);
    observer.observe(root);
    return () => observer.disconnect();
  }, [ids, layer, essay, hasPending]);

  return state;
}

function sameState(current: MarginState, groups: MarginGroup[], tops: Map<string, number>, essayHeight: number): boolean {
  if (current.essayHeight !== essayHeight || current.groups.length !== groups.length || current.tops.size !== tops.size) return false;
  for (const [id, top] of tops) if (current.tops.get(id) !== top) return false;
  return current.groups.every((g, i) => g.top === groups[i].top && g.ids.join() === groups[i].ids.join());
}
