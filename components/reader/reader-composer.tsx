"use client";

import { NewFlag } from "@/components/flags/new-flag";
import type { FlagFormOutput } from "@/components/flags/flag-form";
import type { Scope } from "@/lib/annotations/types";
import type { TiptapDoc } from "@/lib/rich-text";
import { describeRegion, type Region } from "@/lib/sources/regions";
import { REGION_WORDS } from "@/lib/annotations/passage-words";
import { NewComment } from "./new-comment";

/** The open composer; `id` is its post's client id, kept through retries until it is posted or cancelled. */
export type Composing = { start: number; end: number; kind: "comment" | "flag"; id: string; region?: Region };

interface Props {
  composing: Composing;
  text: string;
  /** A picture reading's size, to say where a region is. */
  picture: { width: number; height: number } | null;
  isScan: boolean;
  defaultScope: Scope;
  onCancel: () => void;
  onFlag: (flag: FlagFormOutput) => Promise<string | null>;
  onComment: (input: { body: TiptapDoc; scope: Scope; tags: string[]; guide?: "question" | "instruction" }) => Promise<string | null>;
  /** A teacher of the class: a comment can be pinned as a guiding question or instruction. */
  canPinGuide?: boolean;
}

/**
 * The composer of a new comment or flag on the passage (or region) being
 * written on. A flag on a region starts with an empty correction: there are
 * no words to start from.
 */
export function ReaderComposer({ composing, text, picture, isScan, defaultScope, onCancel, onFlag, onComment, canPinGuide = false }: Props) {
  const quote = composing.region && picture ? describeRegion(composing.region, picture) : text.slice(composing.start, composing.end);
  return composing.kind === "flag" ? (
    <NewFlag
      // A new selection starts a new flag: the correction is prefilled from the words.
      key={`${composing.start}-${composing.end}-${composing.id}`}
      isScan={isScan}
      quote={quote}
      original={composing.region ? REGION_WORDS : quote}
      startsEmpty={Boolean(composing.region)}
      defaultScope={defaultScope}
      onCancel={onCancel}
      onSubmit={onFlag}
    />
  ) : (
    <NewComment quote={quote} defaultScope={defaultScope} canPinGuide={canPinGuide} onCancel={onCancel} onSubmit={onComment} />
  );
}
