"use client";

import type { Editor } from "@tiptap/core";
import { useRef, useState, type KeyboardEvent } from "react";

/** Which formatting is active at the cursor, for aria-pressed. */
export interface ToolbarState {
  bold: boolean;
  italic: boolean;
  link: boolean;
  bulletList: boolean;
  blockquote: boolean;
}

/** Props for EditorToolbar. */
export interface EditorToolbarProps {
  editor: Editor | null;
  state: ToolbarState | null;
  /** Accessible name of the toolbar, e.g. "Formatting for Reply". */
  label: string;
  /** id of the editable area the toolbar formats. */
  controls: string;
  /** Opens the inline link field. */
  onLink: () => void;
}

interface ToolDef {
  key: keyof ToolbarState;
  label: string;
  /** Shown in the tooltip. */
  shortcut: string;
  /** For aria-keyshortcuts. */
  keys: string;
  /** Absent for Link, which opens the link field instead. */
  run?: (editor: Editor) => void;
}

const TOOLS: readonly ToolDef[] = [
  { key: "bold", label: "Bold", shortcut: "Ctrl+B", keys: "Control+B", run: (e) => e.chain().focus().toggleBold().run() },
  { key: "italic", label: "Italic", shortcut: "Ctrl+I", keys: "Control+I", run: (e) => e.chain().focus().toggleItalic().run() },
  { key: "link", label: "Link", shortcut: "Ctrl+K", keys: "Control+K" },
  {
    key: "bulletList",
    label: "Bullet list",
    shortcut: "Ctrl+Shift+8",
    keys: "Control+Shift+8",
    run: (e) => e.chain().focus().toggleBulletList().run(),
  },
  {
    key: "blockquote",
    label: "Quote",
    shortcut: "Ctrl+Shift+B",
    keys: "Control+Shift+B",
    run: (e) => e.chain().focus().toggleBlockquote().run(),
  },
];

/**
 * Formatting buttons as one tab stop (WAI-ARIA toolbar pattern): Tab enters
 * on the last used button, arrows/Home/End move between buttons. Each button
 * shows its name as text, so nothing depends on icons or tooltips.
 */
export function EditorToolbar({ editor, state, label, controls, onLink }: EditorToolbarProps) {
  const [current, setCurrent] = useState(0);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const last = TOOLS.length - 1;
    const next =
      event.key === "ArrowRight"
        ? (current + 1) % TOOLS.length
        : event.key === "ArrowLeft"
          ? (current - 1 + TOOLS.length) % TOOLS.length
          : event.key === "Home"
            ? 0
            : event.key === "End"
              ? last
              : null;
    if (next === null) return;
    event.preventDefault();
    setCurrent(next);
    buttons.current[next]?.focus();
  }

  return (
    <div
      className="editor-toolbar"
      role="toolbar"
      aria-label={label}
      aria-controls={controls}
      onKeyDown={onKeyDown}
    >
      {TOOLS.map((tool, index) => (
        <button
          key={tool.key}
          ref={(el) => {
            buttons.current[index] = el;
          }}
          type="button"
          className={`editor-tool editor-tool-${tool.key}`}
          tabIndex={index === current ? 0 : -1}
          aria-pressed={state?.[tool.key] ?? false}
          aria-keyshortcuts={tool.keys}
          title={`${tool.label} (${tool.shortcut})`}
          disabled={!editor}
          // Keeps the editor's selection when clicking with a mouse.
          onMouseDown={(event) => event.preventDefault()}
          onFocus={() => setCurrent(index)}
          onClick={() => {
            if (!editor) return;
            if (tool.run) tool.run(editor);
            else onLink();
          }}
        >
          {tool.label}
        </button>
      ))}
    </div>
  );
}
