"use client";

interface Props {
  /** Viewport rectangle of the selection; the toolbar sits just above it. */
  rect: DOMRect;
  onHighlight: () => void;
  onComment: () => void;
  onFlag: () => void;
  isBusy: boolean;
}

/** About the toolbar's width with its three buttons, to keep it on screen. */
const TOOLBAR_WIDTH = 320;

const ACTIONS = [
  { key: "h", label: "Highlight", prop: "onHighlight" },
  { key: "c", label: "Comment", prop: "onComment" },
  { key: "f", label: "Flag", prop: "onFlag" },
] as const;

/**
 * The small toolbar that appears over a selection. Keyboard: H highlights,
 * C comments, F flags an error, Esc closes (handled by the reader).
 */
export function SelectionToolbar(props: Props) {
  const { rect, isBusy } = props;
  const top = Math.max(8, rect.top - 48);
  const left = Math.min(Math.max(8, rect.left + rect.width / 2 - TOOLBAR_WIDTH / 2), window.innerWidth - TOOLBAR_WIDTH - 8);
  return (
    <div className="selection-toolbar" role="toolbar" aria-label="Annotate the selection" style={{ top, left }}>
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
    </div>
  );
}
