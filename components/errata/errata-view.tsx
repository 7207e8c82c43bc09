"use client";

import { useState } from "react";
import { EssayText } from "@/components/reader/essay-text";
import { nestHeadings } from "@/lib/errata/format-erratum";
import type { ErrataDocument } from "@/lib/errata/types";
import { ChangesText } from "./changes-text";
import { ErrataList } from "./errata-list";
import "./errata.css";

type Mode = "original" | "corrected" | "changes";

const MODES: { mode: Mode; label: string; heading: string }[] = [
  { mode: "original", label: "Original", heading: "Original text" },
  { mode: "corrected", label: "Corrected", heading: "Corrected text" },
  { mode: "changes", label: "Changes", heading: "Changes" },
];

interface Props {
  errata: ErrataDocument;
  /** Where the Markdown download is served (the route checks access again). */
  markdownHref: string;
}

/**
 * The errata of an essay: the text as it was, as corrected, or with the
 * changes marked, above the numbered errata list. Printing prints the chosen
 * text and the list, without the controls.
 */
export function ErrataView({ errata, markdownHref }: Props) {
  const [mode, setMode] = useState<Mode>("changes");
  const hasChanges = errata.errata.some((e) => e.outcome === "applied");
  const isEmpty = errata.errata.length === 0 && errata.alreadyFixed.length === 0;
  // Nothing applied means all three views would read the same: show the original, without a toggle.
  const shown: Mode = hasChanges ? mode : "original";
  // The page has its own h1 and this section an h2, so the essay's headings start at h3.
  const blocks = nestHeadings(errata.blocks, 2);
  const current = MODES.find((m) => m.mode === shown)!;

  return (
    <div className="errata-view">
      <div className="errata-controls">
        {hasChanges ? (
          <div className="errata-toggle" role="group" aria-label="Show the text">
            {MODES.map(({ mode: value, label }) => (
              <button
                key={value}
                type="button"
                className="errata-toggle-button"
                aria-pressed={shown === value}
                onClick={() => setMode(value)}
              >
                {label}
              </button>
            ))}
          </div>
        ) : null}
        <a className="button button-quiet" href={markdownHref} download>
          Download as Markdown
        </a>
        <button type="button" className="button button-quiet" onClick={() => window.print()}>
          Print
        </button>
      </div>

      {isEmpty ? (
        <p className="notice errata-empty" role="status">
          No errata yet: none of the flags you can see has been verified by a teacher.
          {errata.peerFlagsVisible ? null : " Your classmates' flags are not visible to you yet, so theirs are not counted here."}
        </p>
      ) : null}

      <section className="errata-text" aria-labelledby="errata-text-heading" data-mode={shown}>
        <h2 id="errata-text-heading">{current.heading}</h2>
        {shown === "changes" ? (
          <>
            <p className="muted errata-legend">
              <del className="errata-removed">Struck-through</del> words are removed,{" "}
              <ins className="errata-inserted">marked</ins> words inserted; each number leads to its erratum below.
            </p>
            <ChangesText text={errata.text} blocks={blocks} pieces={errata.pieces} />
          </>
        ) : shown === "corrected" ? (
          <EssayText text={errata.corrected.text} blocks={nestHeadings(errata.corrected.blocks, 2)} />
        ) : (
          <EssayText text={errata.text} blocks={blocks} />
        )}
      </section>

      <ErrataList errata={errata.errata} alreadyFixed={errata.alreadyFixed} />
    </div>
  );
}
