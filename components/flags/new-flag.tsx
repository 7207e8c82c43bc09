"use client";

import type { Scope } from "@/lib/annotations/types";
import { truncateText } from "@/lib/format/truncate-text";
import { FlagForm, type FlagFormOutput } from "./flag-form";
import "./flags.css";

/** Props for NewFlag. */
export interface NewFlagProps {
  /** The selected passage, exactly. */
  quote: string;
  defaultScope: Scope;
  onSubmit: (output: FlagFormOutput) => Promise<string | null>;
  onCancel: () => void;
  /** The words the correction replaces, for its preview: the passage itself (the default), or a region's name. */
  original?: string;
  /** The correction starts empty (a region of a picture) instead of as the words. */
  startsEmpty?: boolean;
  /** A scan's transcription: "transcription error" is offered (the OCR misread the picture), a category of its own. */
  isScan?: boolean;
}

/** Flagging an error in the selected passage, shown at the top of the column like a new comment. */
export function NewFlag({ quote, original = quote, startsEmpty = false, defaultScope, onSubmit, onCancel, isScan = false }: NewFlagProps) {
  return (
    <section className="new-comment new-flag card" aria-labelledby="new-flag-title">
      <h3 id="new-flag-title">Flag an error</h3>
      <blockquote className="quote-excerpt">{truncateText(quote, 160)}</blockquote>
      <FlagForm original={original} startsEmpty={startsEmpty} defaultScope={defaultScope} submitLabel="Post flag" onSubmit={onSubmit} onCancel={onCancel} isScan={isScan} />
    </section>
  );
}
