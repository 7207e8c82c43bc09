import type { Extensions } from "@tiptap/core";
import StarterKit from "@tiptap/starter-kit";
import { USER_LINK_REL } from "@/components/ui/rich-text-view";
import { isSafeHref } from "@/lib/rich-text";
import { createMentionExtension, MentionItems } from "./mention-extension";

/**
 * The comment editor's schema: exactly what lib/rich-text accepts (paragraph,
 * text, hardBreak, mention, bold, italic, link, bulletList/listItem, blockquote) and
 * nothing else, so the editor cannot produce a document the server refuses.
 * Pasted headings, code, tables or images fall back to plain paragraphs
 * because their node types do not exist here.
 *
 * Returns a fresh list per editor: the link extension resets linkify's global
 * state when an editor is destroyed, and sharing instances between the reply
 * box and an edit box open at the same time buys nothing.
 */
export function createCommentExtensions(mentions: MentionItems = new MentionItems()): Extensions {
  return [
    // Always there, so an edit keeps the mentions a text has; suggestions only where `mentions` has a lookup.
    createMentionExtension(mentions),
    StarterKit.configure({
      // Not in the whitelist.
      heading: false,
      codeBlock: false,
      code: false,
      strike: false,
      underline: false,
      horizontalRule: false,
      orderedList: false,
      // Only useful next to atom nodes, which this schema has none of.
      gapcursor: false,
      // Behaviour only (no new node types): kept, limited to bullet lists so
      // Backspace joins list items instead of lifting them out.
      listKeymap: { listTypes: [{ itemName: "listItem", wrapperNames: ["bulletList"] }] },
      link: {
        // linkify already recognises http, https and mailto; registering no
        // extra schemes keeps ftp:, git: etc. from being detected at all.
        protocols: [],
        defaultProtocol: "https",
        autolink: true,
        openOnClick: false,
        linkOnPaste: true,
        // Our policy, not Tiptap's: it decides typed, pasted and parsed links.
        isAllowedUri: (url) => isSafeHref(url),
        shouldAutoLink: (url) => isSafeHref(url),
        HTMLAttributes: { rel: USER_LINK_REL, target: null, class: null },
      },
      // undoRedo, dropcursor and trailingNode stay on: they add no node types.
      // The empty paragraph trailingNode adds after a final quote or list is
      // trimmed before submitting (lib/format/rich-text-doc).
    }),
  ];
}
