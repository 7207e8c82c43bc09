"use client";

import { passageWords } from "@/lib/annotations/passage-words";
import type { MarginGroup } from "@/lib/annotations/margin-layout";
import type { AnnotationDTO, AnnotationKind } from "@/lib/annotations/types";
import { truncateText } from "@/lib/format/truncate-text";
import { PENDING_MARK_ID } from "./annotated-text";

interface Props {
  groups: MarginGroup[];
  tops: Map<string, number>;
  essayHeight: number;
  byId: Map<string, AnnotationDTO>;
  activeId: string | null;
  onOpen: (id: string) => void;
}

/** Buckets closer than this share one mark on the strip (a fraction of the essay's height). */
const MERGE_FRACTION = 0.025;
const KIND_ORDER: AnnotationKind[] = ["flag", "comment", "highlight"];
const KIND_WORDS: Record<AnnotationKind, [string, string]> = {
  flag: ["flag", "flags"],
  comment: ["comment", "comments"],
  highlight: ["highlight", "highlights"],
};

interface Bucket {
  fraction: number;
  ids: string[];
  counts: Record<AnnotationKind, number>;
}

/** Merges the margin's groups into marks along the whole essay, counting threads by kind. */
function bucketsOf(groups: MarginGroup[], byId: Map<string, AnnotationDTO>, essayHeight: number): Bucket[] {
  const buckets: Bucket[] = [];
  for (const g of groups) {
    const fraction = Math.min(1, Math.max(0, g.top / Math.max(1, essayHeight)));
    const threads = g.ids.filter((id) => id !== PENDING_MARK_ID).map((id) => byId.get(id)).filter((a): a is AnnotationDTO => Boolean(a));
    if (threads.length === 0) continue;
    const last = buckets.at(-1);
    const bucket = last && fraction - last.fraction < MERGE_FRACTION ? last : { fraction, ids: [], counts: { flag: 0, comment: 0, highlight: 0 } };
    if (bucket !== last) buckets.push(bucket);
    for (const a of threads) {
      bucket.ids.push(a.id);
      bucket.counts[a.kind] += 1;
    }
  }
  return buckets;
}

/** "2 flags, 1 comment", leaving out kinds with none. */
function countWords(counts: Record<AnnotationKind, number>): string {
  return KIND_ORDER.filter((k) => counts[k] > 0)
    .map((k) => `${counts[k]} ${KIND_WORDS[k][counts[k] === 1 ? 0 : 1]}`)
    .join(", ");
}

/**
 * A strip along the essay, like Hypothesis's bucket bar: where the class's
 * threads are, the whole reading at a glance (it stays in view while the
 * page scrolls), coloured by the weightiest kind present (flags, then
 * comments, then highlights) and with the count written on it, so colour is
 * not the only cue. Each mark opens the first thread there.
 */
export function OverviewStrip({ groups, byId, essayHeight, activeId, onOpen }: Props) {
  const buckets = bucketsOf(groups, byId, essayHeight);
  if (buckets.length === 0) return <div className="overview-strip" aria-hidden="true" />;
  return (
    <nav className="overview-strip" aria-label="Where the annotations are">
      <ol>
        {buckets.map((b) => {
          const kind = KIND_ORDER.find((k) => b.counts[k] > 0)!;
          const first = byId.get(b.ids[0])!;
          const total = b.ids.length;
          return (
            <li key={b.ids[0]} style={{ top: `${(b.fraction * 100).toFixed(2)}%` }}>
              <button
                type="button"
                className={`overview-mark is-${kind}${activeId && b.ids.includes(activeId) ? " is-active" : ""}`}
                aria-label={`${countWords(b.counts)} near “${truncateText(passageWords(first), 40)}”`}
                onClick={() => onOpen(b.ids[0])}
              >
                {total > 1 ? total : null}
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
