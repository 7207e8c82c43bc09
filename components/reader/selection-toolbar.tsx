"use client";

import { useLayoutEffect, useRef, useState } from "react";
import { CodeSwatch } from "@/components/annotations/code-swatch";
import { codeKey, describeCode, type HighlightCodeDTO } from "@/lib/annotations/highlight-codes";

interface Props {
  /** Viewport rectangle of the selection; the toolbar sits just above it (below it on touch screens). */
  rect: DOMRect;
  onHighlight: () => void;
  onComment: () => void;
  onFlag: () => void;
  /** The class's highlight codes: each a button (and its digit key) that makes a coded highlight. */
  codes: readonly HighlightCodeDTO[];
  onCode: (codeId: string) => void;
  isBusy: boolean;
}

const ACTIONS = [
  { key: "h", label: "Highlight", prop: "onHighlight" },
  { key: "c", label: "Comment", prop: "onComment" },
  { key: "f", label: "Flag", prop: "onFlag" },
] as const;

/** Space kept between the toolbar and the screen's edges, in px. */
const EDGE = 8;

/**
 * The small toolbar that appears over a selection. Keyboard: H highlights,
 * C comments, F flags an error, 1–9 make a highlight with that code, Esc
 * closes (handled by the reader). It is
 * measured and kept inside the viewport, whatever the screen's width; on
 * touch screens it goes under the selection, since the phone's own
 * copy/paste menu takes the space above.
 */
export function SelectionToolbar(props: Props) {
  const { rect, isBusy } = props;
  const ref = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState<{ top: number; left: number } | null>(null);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    // Measuring the rendered toolbar is reading the DOM after layout, which only an effect can do.
    const width = el.offsetWidth;
    const height = el.offsetHeight;
    const isTouch = window.matchMedia("(pointer: coarse)").matches;
    const below = rect.bottom + EDGE;
    const above = rect.top - height - EDGE;
    const top = isTouch || above < EDGE ? Math.min(below, window.innerHeight - height - EDGE) : above;
    const left = Math.min(Math.max(EDGE, rect.left + rect.width / 2 - width / 2), Math.max(EDGE, window.innerWidth - width - EDGE));
    setPlace((current) => (current && current.top === top && current.left === left ? current : { top, left }));
  }, [rect]);

  return (
    <div
      ref={ref}
      className="selection-toolbar"
      role="toolbar"
      aria-label="Annotate the selection"
      style={place ? { top: place.top, left: place.left } : { top: Math.max(EDGE, rect.top - 56), left: EDGE, visibility: "hidden" }}
    >
      {ACTIONS.map((action) => (
        <button
          key={action.key}
          type="button"
          className="button"
          // Keep the selection: a focused button would collapse it before the click lands.
          onMouseDown={(e) => e.preventDefault()}
          onClick={props[action.prop]}
          disabled={isBusy}
          aria-keyshortcuts={action.key}
        >
          {action.label} <kbd>{action.key.toUpperCase()}</kbd>
        </button>
      ))}
      {props.codes.length > 0 ? (
        <div className="selection-codes" role="group" aria-label="Highlight with a code">
          {props.codes.map((code) => (
            <button
              key={code.id}
              type="button"
              className="button button-small selection-code"
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => props.onCode(code.id)}
              disabled={isBusy}
              aria-keyshortcuts={codeKey(code)}
              aria-label={`Highlight as ${describeCode(code)}`}
              title={`Highlight as ${code.label} (key ${codeKey(code)})`}
            >
              <kbd>{codeKey(code)}</kbd> <CodeSwatch code={code} /> <span className="selection-code-label">{code.label}</span>
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
