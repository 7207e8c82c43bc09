"use client";

import { useId } from "react";
import { CodeSwatch } from "@/components/annotations/code-swatch";
import { codeKey, describeCode, type HighlightCodeDTO } from "@/lib/annotations/highlight-codes";

interface Props {
  codes: readonly HighlightCodeDTO[];
  /** How many marks carry each code (by code id), of those the viewer sees. */
  counts: ReadonlyMap<string, number>;
  /** The code the reader is filtered to, if any. */
  selected: string | null;
  onSelect: (codeId: string | null) => void;
}

/**
 * The class's highlight codes above the essay: each code's shape, colour,
 * name, key and how many marks carry it. Pressing one shows only that code's
 * marks (the reader's filter); pressing it again shows everything.
 */
export function CodeLegend({ codes, counts, selected, onSelect }: Props) {
  const id = useId();
  if (codes.length === 0) return null;
  const last = codes.length;
  return (
    <div className="code-legend">
      <span id={id}>Highlight codes (select words, then choose a code or press 1{last > 1 ? `–${last}` : ""}):</span>
      <ul aria-labelledby={id}>
        {codes.map((code) => {
          const count = counts.get(code.id) ?? 0;
          const isOn = selected === code.id;
          return (
            <li key={code.id}>
              <button
                type="button"
                className="button button-small button-quiet"
                aria-pressed={isOn}
                aria-label={`${describeCode(code)}, key ${codeKey(code)}: ${count} marked. ${isOn ? "Show every mark" : "Show only these"}`}
                onClick={() => onSelect(isOn ? null : code.id)}
              >
                <CodeSwatch code={code} />
                <span>{code.label}</span>
                <kbd>{codeKey(code)}</kbd>
                <span className="muted">({count})</span>
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
