"use client";

import { useRef, useState } from "react";
import { DeleteConfirm } from "@/components/annotations/delete-confirm";
import { flagCategoryName } from "@/lib/format/flag-labels";
import { correctionText, hintKindLabel } from "@/lib/format/hint-labels";
import { truncateText } from "@/lib/format/truncate-text";
import type { AnswerKeyEntryDTO, KeyReportEntryDTO } from "@/lib/review/types";
import { FinderList } from "./finder-list";
import { PassageInContext } from "./passage-in-context";

/** Props for AnswerKeyPanel. */
export interface AnswerKeyPanelProps {
  entries: readonly AnswerKeyEntryDTO[];
  /** The report's rows, for who found each entry. */
  reportEntries: readonly KeyReportEntryDTO[];
  onDelete: (entryId: string) => Promise<string | null>;
  /** Where focus goes after a delete, so it is never lost with the removed card. */
  headingRef: React.RefObject<HTMLHeadingElement | null>;
  /** The "Add by hand" form, rendered under the list. */
  children: React.ReactNode;
}

/**
 * The teacher's expected findings: passage, category, expected correction,
 * note and who found each one, with a confirmed delete.
 */
export function AnswerKeyPanel({ entries, reportEntries, onDelete, headingRef, children }: AnswerKeyPanelProps) {
  const [confirming, setConfirming] = useState<string | null>(null);
  // The delete button returns after "Keep it"; its ref callback gives it focus back on mount.
  const refocusId = useRef<string | null>(null);
  const byId = new Map(reportEntries.map((r) => [r.entry.id, r]));

  return (
    <>
      {entries.length === 0 ? (
        <p className="muted">The key is empty. Add hints above with one click, or add a passage by hand below.</p>
      ) : (
        <ol className="review-list" aria-label="Answer key entries">
          {entries.map((entry) => {
            const row = byId.get(entry.id);
            return (
              <li key={entry.id} className="review-card">
                <h3 className="review-card-heading">
                  {flagCategoryName(entry.category)}
                  <span className="review-badge">{entry.hintKind ? `from hint: ${hintKindLabel(entry.hintKind)}` : "added by hand"}</span>
                </h3>
                <PassageInContext quote={entry.quote} />
                <dl className="review-facts">
                  <div>
                    <dt>Expected correction</dt>
                    <dd>{correctionText(entry.correction)}</dd>
                  </div>
                  {entry.note ? (
                    <div>
                      <dt>Note</dt>
                      <dd>{entry.note}</dd>
                    </div>
                  ) : null}
                </dl>
                {entry.isOnCurrentRevision || row?.fixedInSource ? null : (
                  <p className="review-note">Made on an earlier version of the essay; matched to the current text by its words.</p>
                )}
                {row ? <FinderList found={row.found} partial={row.partial} isPlaced={row.isPlaced} isFixedInSource={row.fixedInSource} /> : null}
                {confirming === entry.id ? (
                  <DeleteConfirm
                    what={`the entry “${truncateText(entry.quote.exact, 60)}”`}
                    onConfirm={() => onDelete(entry.id)}
                    onCancel={() => {
                      refocusId.current = entry.id;
                      setConfirming(null);
                    }}
                    onDone={() => {
                      setConfirming(null);
                      headingRef.current?.focus();
                    }}
                  />
                ) : (
                  <div className="review-actions">
                    <button
                      type="button"
                      className="button button-quiet button-small"
                      ref={(el) => {
                        if (el && refocusId.current === entry.id) {
                          refocusId.current = null;
                          el.focus();
                        }
                      }}
                      aria-label={`Delete the entry “${truncateText(entry.quote.exact, 60)}”`}
                      onClick={() => setConfirming(entry.id)}
                    >
                      Delete
                    </button>
                  </div>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {children}
    </>
  );
}
