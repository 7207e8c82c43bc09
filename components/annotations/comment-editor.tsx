"use client";

import { EditorContent, useEditor, useEditorState } from "@tiptap/react";
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { describeCharacterCount } from "@/lib/format/character-count";
import { checkLinkInput } from "@/lib/format/link-input";
import { trimEmptyEdgeParagraphs } from "@/lib/format/rich-text-doc";
import { MAX_BODY_CHARS, parseRichText, type TiptapDoc } from "@/lib/rich-text";
import { createCommentExtensions } from "./editor-extensions";
import { MentionItems } from "./mention-extension";
import { useMentionLookup, type MentionTarget } from "./mention-source";
import { applyLink, selectEditorState } from "./editor-state";
import { EditorToolbar } from "./editor-toolbar";
import { LinkField } from "./link-field";
import { useEditorFeedback } from "./use-editor-feedback";

/** Props for CommentEditor. */
export interface CommentEditorProps {
  /** Accessible name of the editable area, e.g. "Reply to Ana Petrova". */
  label: string;
  /** Text to edit; when absent the editor starts empty and is cleared after each post. */
  initialDoc?: TiptapDoc | null;
  /** Text of the submit button: "Post", "Reply", "Save". */
  submitLabel: string;
  /** Saves the validated doc; resolves to an error message to show, or nothing on success. */
  onSubmit: (doc: TiptapDoc) => Promise<string | null | void>;
  /** Shows a Cancel button and makes Escape cancel. */
  onCancel?: () => void;
  autoFocus?: boolean;
  placeholder?: string;
  /** Accept a document without visible text (e.g. a highlight's optional note). */
  allowEmpty?: boolean;
  /** What the text is called in validation messages: "comment" (default), "reply". */
  noun?: string;
  /** Extra form fields shown above the buttons (tags and scope when editing). */
  extraFields?: ReactNode;
  /** Who will read the text, for @mention suggestions (inside a MentionProvider). */
  mentions?: MentionTarget;
}

/** The key fields both DOM and React keyboard events have. */
type ShortcutEvent = Pick<globalThis.KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "shiftKey" | "altKey">;

const NETWORK_ERROR = "Something went wrong while saving. Check your connection and try again.";

/**
 * Rich-text box for comments and replies, limited to the app's whitelist.
 * Whatever is posted has passed parseRichText first, so the server never
 * sees a document this editor would not also accept back.
 *
 * Keys: Ctrl+B bold, Ctrl+I italic, Ctrl+K link, Ctrl+Shift+8 list,
 * Ctrl+Shift+B quote, Shift+Enter line break, Ctrl+Enter post, Escape cancel.
 */
export function CommentEditor({
  label,
  initialDoc,
  submitLabel,
  onSubmit,
  onCancel,
  autoFocus = false,
  placeholder,
  allowEmpty = false,
  noun = "comment",
  extraFields,
  mentions,
}: CommentEditorProps) {
  const id = useId();
  const inputId = `${id}-input`;
  const lookup = useMentionLookup(mentions);
  // A holder the extension reads at each "@" (made once, like the extensions; the lookup can change after).
  const [mentionItems] = useState(() => new MentionItems());
  useEffect(() => mentionItems.use(lookup), [lookup, mentionItems]);
  const [extensions] = useState(() => createCommentExtensions(mentionItems));
  // Only the first value counts: the editor owns the text after mounting.
  const [initialContent] = useState(() => initialDoc ?? null);
  const [error, setError] = useState<string | null>(null);
  const [isSubmitting, setSubmitting] = useState(false);
  const [linkOpen, setLinkOpen] = useState(false);
  // Tracked from update events (not from useEditorState) because the editor's
  // own attributes need it, and those are set up before the editor exists.
  const [isOverAtLastEdit, setOverAtLastEdit] = useState(false);
  const isInvalid = isOverAtLastEdit || error !== null;
  const submittingRef = useRef(false);
  const shortcutRef = useRef<(event: globalThis.KeyboardEvent) => boolean>(() => false);

  const editorProps = useMemo(
    () => ({
      attributes: {
        id: inputId,
        class: "comment-editor-input",
        role: "textbox",
        "aria-multiline": "true",
        "aria-label": label,
        "aria-describedby": `${id}-count ${id}-keys ${id}-error`,
        "aria-invalid": String(isInvalid),
        ...(placeholder ? { "aria-placeholder": placeholder } : {}),
      },
      // Runs before Tiptap's keymaps, so Ctrl+Enter posts instead of adding
      // the line break HardBreak binds to it.
      handleKeyDown: (_view: unknown, event: globalThis.KeyboardEvent) => shortcutRef.current(event),
    }),
    [id, inputId, label, placeholder, isInvalid],
  );

  const editor = useEditor({
    extensions,
    content: initialContent,
    immediatelyRender: false,
    autofocus: autoFocus ? "end" : false,
    editorProps,
  });
  const state = useEditorState({ editor, selector: ({ editor: e }) => selectEditorState(e) });
  const count = describeCharacterCount(state?.chars ?? 0, MAX_BODY_CHARS);
  const spokenCount = useEditorFeedback(editor, setError, setOverAtLastEdit);

  async function submit() {
    if (!editor || submittingRef.current) return;
    const parsed = parseRichText(editor.getJSON(), { allowEmpty, noun });
    if (!parsed.ok) {
      setError(parsed.message);
      return;
    }
    submittingRef.current = true;
    setSubmitting(true);
    setError(null);
    // Read-only while saving, so nothing typed meanwhile is lost to the clear
    // below. No update event: that would wipe the error we are about to show.
    const hadFocus = editor.isFocused;
    editor.setEditable(false, false);
    let result: string | null | void;
    try {
      result = await onSubmit(trimEmptyEdgeParagraphs(parsed.doc));
    } catch {
      result = NETWORK_ERROR;
    }
    submittingRef.current = false;
    setSubmitting(false);
    if (editor.isDestroyed) return;
    editor.setEditable(true, false);
    if (hadFocus) editor.commands.focus();
    if (result) {
      setError(result);
    } else if (!initialContent) {
      editor.commands.clearContent(false);
      setLinkOpen(false);
    }
  }

  function openLink() {
    if (editor) setLinkOpen(true);
  }

  function closeLink() {
    setLinkOpen(false);
    editor?.commands.focus();
  }

  function onApplyLink(raw: string): string | null {
    if (!editor) return null;
    const checked = checkLinkInput(raw);
    if (!checked.ok) return checked.message;
    applyLink(editor, checked, raw);
    setLinkOpen(false);
    return null;
  }

  /** Shared by the editable area (via Tiptap) and the rest of the box (via React). */
  function handleShortcut(event: ShortcutEvent): boolean {
    const mod = event.ctrlKey || event.metaKey;
    if (mod && !event.altKey && event.key === "Enter") {
      void submit();
      return true;
    }
    if (mod && !event.altKey && !event.shiftKey && event.key.toLowerCase() === "k") {
      openLink();
      return true;
    }
    if (event.key === "Escape" && linkOpen) {
      closeLink(); // the nearest thing open closes first
      return true;
    }
    if (event.key === "Escape" && onCancel && !isSubmitting) {
      onCancel();
      return true;
    }
    return false;
  }

  useEffect(() => {
    shortcutRef.current = handleShortcut;
  });

  function onRootKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    // Already handled by the editable area (or the link field's Enter).
    if (event.defaultPrevented) return;
    if (handleShortcut(event)) event.preventDefault();
  }

  return (
    <div className="comment-editor" onKeyDown={onRootKeyDown} aria-busy={isSubmitting || undefined}>
      <EditorToolbar editor={editor} state={state} label={`Formatting: ${label}`} controls={inputId} onLink={openLink} />
      {linkOpen && editor ? (
        <LinkField
          initialHref={String(editor.getAttributes("link").href ?? "")}
          onApply={onApplyLink}
          onCancel={closeLink}
        />
      ) : null}
      <div className={`comment-editor-field${count.isOver || error ? " is-invalid" : ""}`}>
        <EditorContent editor={editor} />
        {placeholder && (state?.isEmpty ?? !initialContent) ? (
          <p className="comment-editor-placeholder" aria-hidden="true">
            {placeholder}
          </p>
        ) : null}
      </div>
      <div className="comment-editor-meta">
        <p id={`${id}-keys`} className="comment-editor-keys">
          Ctrl+Enter to {submitLabel.toLowerCase()}
          {onCancel ? ", Esc to cancel" : ""}
        </p>
        <p id={`${id}-count`} className={`comment-editor-count${count.isOver ? " is-over" : ""}`}>
          {count.text}
        </p>
        <span className="visually-hidden" role="status">
          {spokenCount}
        </span>
      </div>
      {extraFields}
      <p id={`${id}-error`} className="comment-editor-error" role="alert">
        {error}
      </p>
      <div className="comment-editor-actions">
        {/* aria-disabled, not disabled: a disabled button drops keyboard focus to <body>. */}
        <button
          type="button"
          className="button"
          onClick={() => void submit()}
          aria-disabled={isSubmitting || !editor}
        >
          {isSubmitting ? "Sending…" : submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="button button-quiet" onClick={() => !submittingRef.current && onCancel()} aria-disabled={isSubmitting}>
            Cancel
          </button>
        ) : null}
      </div>
    </div>
  );
}
