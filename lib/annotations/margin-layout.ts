/*
 * Where the threads go in the margin, as in a document editor: each group of
 * threads sits level with its passage; a focused group sits exactly level
 * with its passage and the others stack above and below it without
 * overlapping. Pure arithmetic on pixel offsets measured by the reader, so
 * it is tested without a browser.
 */

/** A thread's passage: where its first mark starts, in px from the top of the margin. */
export interface MarginAnchor {
  id: string;
  top: number;
}

/** Threads whose passages start within one collapsed card's height of each other, shown as one slot. */
export interface MarginGroup {
  /** In text order; the first is shown when the group is collapsed. */
  ids: string[];
  /** The first member's passage top. */
  top: number;
}

/**
 * Groups anchors (sorted by `top`) so that collapsed groups never overlap:
 * a new group starts only where the previous one's collapsed card ends
 * (`slot` px: the collapsed card's height plus the gap). Every collapsed
 * group can then sit exactly level with its first passage, however many
 * threads the reading has; the rest of a crowded passage is "N more here".
 */
export function groupAnchors(anchors: readonly MarginAnchor[], slot: number): MarginGroup[] {
  const groups: MarginGroup[] = [];
  for (const anchor of anchors) {
    const last = groups.at(-1);
    if (last && anchor.top < last.top + slot) last.ids.push(anchor.id);
    else groups.push({ ids: [anchor.id], top: anchor.top });
  }
  return groups;
}

/** A group as laid out: where it wants to be, and how tall it is as rendered. */
export interface MarginBox {
  wanted: number;
  height: number;
}

/**
 * The top of each box (in text order), with `gap` px between boxes and none
 * above 0. The focused box, if any, is placed at its wanted top; boxes after
 * it are pushed down only as far as needed, boxes before it keep their
 * places unless they would reach into it, and are then pulled up just enough. If pulling up would cross 0, everything from the
 * top is laid out downwards instead, so the focused box lands as close to
 * its passage as the boxes above it allow.
 */
export function placeBoxes(boxes: readonly MarginBox[], gap: number, focused: number | null = null): number[] {
  const tops = new Array<number>(boxes.length);
  const down = (from: number, floor: number) => {
    let cursor = floor;
    for (let i = from; i < boxes.length; i++) {
      tops[i] = Math.max(boxes[i].wanted, cursor);
      cursor = tops[i] + boxes[i].height + gap;
    }
  };
  if (focused === null || focused < 0 || focused >= boxes.length) {
    down(0, 0);
    return tops;
  }
  // Boxes above are laid out as without focus, then pulled up only where they would reach into the focused one.
  down(0, 0);
  tops[focused] = Math.max(0, boxes[focused].wanted);
  let ceiling = tops[focused] - gap;
  for (let i = focused - 1; i >= 0 && tops[i] + boxes[i].height > ceiling; i--) {
    tops[i] = ceiling - boxes[i].height;
    ceiling = tops[i] - gap;
  }
  if (tops[0] < 0) down(0, 0);
  else down(focused + 1, tops[focused] + boxes[focused].height + gap);
  return tops;
}

/** What the lead of a collapsed group is chosen by. */
interface LeadCandidate {
  kind: "highlight" | "comment" | "flag";
  replies: readonly unknown[];
  flag?: { votes: { agree: number; disagree: number } } | null;
}

const KIND_WEIGHT = { flag: 2, comment: 1, highlight: 0 } as const;

/**
 * The thread a collapsed group shows: the one most worth a look, so a bare
 * highlight does not stand for a passage where a flag is argued over. Flags
 * before comments before highlights, then the most discussed (replies and
 * votes), then the first in text order.
 */
export function leadThread<T extends LeadCandidate>(threads: readonly T[]): T | undefined {
  let best: T | undefined;
  let bestScore = -1;
  for (const t of threads) {
    const talk = t.replies.length + (t.flag ? t.flag.votes.agree + t.flag.votes.disagree : 0);
    const score = KIND_WEIGHT[t.kind] * 1_000_000 + Math.min(talk, 999_999);
    if (score > bestScore) {
      best = t;
      bestScore = score;
    }
  }
  return best;
}
