"use client";

interface Props {
  /** Viewport rectangle of the selection; the toolbar sits just above it. */
  rect: DOMRect;
  onHighlight: () => void;
  onComment: () => void;
  isBusy: boolean;
}

/** The small toolbar that appears over a selection. Keyboard: H highlights, C comments, Esc closes. */
export function SelectionToolbar({ rect, onHighlight, onComment, isBusy }: Props) {
  const top = Math.max(8, rect.top - 48);
  const left = Math.min(Math.max(8, rect.left + rect.width / 2 - 110), window.innerWidth - 228);
  return (
    <div className="selection-toolbar" role="toolbar" aria-label="Annotate the selection" style={{ top, left }}>
      <button
        type="button"
        className="button"
        onMouseDown={(e) => e.preventDefault()}
        onClick={onHighlight}
        disabled={isBusy}
        aria-keyshortcuts="h"
      >
        Highlight <kbd>H</kbd>
      </button>
      <button
        type="button"
        className="button"
        onMouseDown={(e) => e.preventDefault()}
        onClick={onComment}
        disabled={isBusy}
        aria-keyshortcuts="c"
      >
        Comment <kbd>C</kbd>
      </button>
    </div>
  );
}
