import type { Editor } from "@tiptap/core";
import type { LinkInputResult } from "@/lib/format/link-input";
import { countCharacters } from "@/lib/rich-text";
import type { ToolbarState } from "./editor-toolbar";

/** What the comment editor re-renders on: toolbar state, length, emptiness. */
export interface CommentEditorState extends ToolbarState {
  chars: number;
  isEmpty: boolean;
}

/** Characters as parseRichText counts them: code points of text, nothing for structure. */
export function countDocCharacters(editor: Editor): number {
  let chars = 0;
  editor.state.doc.descendants((node) => {
    if (node.isText && node.text) chars += countCharacters(node.text);
  });
  return chars;
}

/** Selector for useEditorState; cheap enough to run on every transaction at 5,000 chars. */
export function selectEditorState(editor: Editor | null): CommentEditorState | null {
  if (!editor) return null;
  return {
    bold: editor.isActive("bold"),
    italic: editor.isActive("italic"),
    link: editor.isActive("link"),
    bulletList: editor.isActive("bulletList"),
    blockquote: editor.isActive("blockquote"),
    chars: countDocCharacters(editor),
    isEmpty: editor.isEmpty,
  };
}

/**
 * Applies an already checked link-field value: removes the link (null href),
 * links the selection or the link under the cursor, or, with nothing
 * selected, inserts the address itself as linked text.
 */
export function applyLink(editor: Editor, checked: Extract<LinkInputResult, { ok: true }>, typed: string): void {
  const chain = editor.chain().focus();
  if (checked.href === null) {
    chain.extendMarkRange("link").unsetLink().run();
  } else if (editor.state.selection.empty && !editor.isActive("link")) {
    // Drop the stored link mark afterwards so the next words typed are plain.
    chain
      .insertContent({ type: "text", text: typed.trim(), marks: [{ type: "link", attrs: { href: checked.href } }] })
      .unsetMark("link")
      .run();
  } else {
    chain.extendMarkRange("link").setLink({ href: checked.href }).run();
  }
}
