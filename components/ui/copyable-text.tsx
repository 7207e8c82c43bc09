"use client";

import { useEffect, useRef, useState } from "react";

/** Props for CopyableText. */
export interface CopyableTextProps {
  /** The text shown and copied. */
  text: string;
  /** What the button copies, for its accessible name ("Copy the join link"). */
  label: string;
}

/**
 * Text to hand on (a join link) with a Copy button. The clipboard API needs a
 * secure context and permission; where it is missing or refused, the text is
 * selected instead so Ctrl+C (or the touch menu) copies it. The outcome is
 * announced politely from a live region that is always in the DOM, since a
 * region added together with its message is not read out.
 */
export function CopyableText({ text, label }: CopyableTextProps) {
  const textRef = useRef<HTMLElement>(null);
  const [message, setMessage] = useState("");

  // The message clears after a while, so a second copy is announced again.
  useEffect(() => {
    if (!message) return;
    const timer = window.setTimeout(() => setMessage(""), 4000);
    return () => window.clearTimeout(timer);
  }, [message]);

  const selectText = () => {
    const node = textRef.current;
    const selection = window.getSelection();
    if (!node || !selection) return;
    const range = document.createRange();
    range.selectNodeContents(node);
    selection.removeAllRanges();
    selection.addRange(range);
  };

  const copy = async () => {
    try {
      if (!navigator.clipboard) throw new Error("no clipboard");
      await navigator.clipboard.writeText(text);
      setMessage("Copied.");
    } catch {
      selectText();
      setMessage("Selected: press Ctrl+C (or ⌘C) to copy.");
    }
  };

  return (
    <span className="copyable">
      <code ref={textRef}>{text}</code>{" "}
      <button type="button" className="button button-quiet button-small" aria-label={label} onClick={() => void copy()}>
        Copy
      </button>{" "}
      <span className="copy-status" aria-live="polite">
        {message}
      </span>
    </span>
  );
}
