"use client";

/**
 * Pages or text, for a reading made from a PDF or scan: the pages as they are
 * (with highlights drawn on them), or the same text reflowed, which reads
 * better on a phone and with a screen reader. Both show the same marks and threads.
 */
export function SourceViewSwitch({ showPages, onTextView }: { showPages: boolean; onTextView: (isText: boolean) => void }) {
  return (
    <div className="source-view-switch" role="group" aria-label="Show the reading as">
      <button type="button" aria-pressed={showPages} onClick={() => onTextView(false)}>
        Pages
      </button>
      <button type="button" aria-pressed={!showPages} onClick={() => onTextView(true)}>
        Text
      </button>
    </div>
  );
}
