"use client";

import type { Editor } from "@tiptap/core";
import { useEffect, useState } from "react";
import { describeCharacterCount } from "@/lib/format/character-count";
import { MAX_BODY_CHARS } from "@/lib/rich-text";
import { countDocCharacters } from "./editor-state";

// Long enough that a typing student hears nothing until they pause.
const ANNOUNCE_DELAY_MS = 1500;

/**
 * Follows edits made in the editor: clears a stale error as soon as the
 * student changes the text, reports whether the limit is exceeded (for
 * aria-invalid), and returns the sentence for the polite live region,
 * debounced so a screen reader is not interrupted after every key.
 */
export function useEditorFeedback(
  editor: Editor | null,
  /** State setters from the caller (stable), which needs both before the editor exists. */
  setError: (error: string | null) => void,
  setOver: (isOver: boolean) => void,
): string {
  const [spokenCount, setSpokenCount] = useState("");

  useEffect(() => {
    if (!editor) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onUpdate = () => {
      setError(null);
      setOver(countDocCharacters(editor) > MAX_BODY_CHARS);
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (editor.isDestroyed) return;
        setSpokenCount(describeCharacterCount(countDocCharacters(editor), MAX_BODY_CHARS).spoken);
      }, ANNOUNCE_DELAY_MS);
    };
    editor.on("update", onUpdate);
    return () => {
      editor.off("update", onUpdate);
      clearTimeout(timer);
    };
  }, [editor, setError, setOver]);

  return spokenCount;
}
