/**
 * The only shapes of Tiptap JSON the app stores. They mirror what Tiptap's
 * `editor.getJSON()` produces for the allowed extensions, after validation has
 * dropped the link attributes we never honour (target, rel, class, title).
 */

/** Bold text. */
export interface BoldMark {
  type: "bold";
}

/** Italic text. */
export interface ItalicMark {
  type: "italic";
}

/** A link; `href` has passed the URL policy and is in normalised form. */
export interface LinkMark {
  type: "link";
  attrs: { href: string };
}

/** Any mark allowed on text. */
export type TextMark = BoldMark | ItalicMark | LinkMark;

/** A run of text with the same formatting. Never empty. */
export interface TextNode {
  type: "text";
  text: string;
  marks?: TextMark[];
}

/** A line break inside a paragraph (Shift+Enter). */
export interface HardBreakNode {
  type: "hardBreak";
}

/**
 * An @mention of a member of the class: their user id and the name shown.
 * The server sets the label to the member's name when the text is stored
 * and masks both for students of an anonymous assignment ("Classmate N").
 */
export interface MentionNode {
  type: "mention";
  attrs: { id: string; label: string };
}

/** Nodes allowed inside a paragraph. */
export type InlineNode = TextNode | HardBreakNode | MentionNode;

/** A paragraph; Tiptap omits `content` when it is empty. */
export interface ParagraphNode {
  type: "paragraph";
  content?: InlineNode[];
}

/** One item of a bullet list. */
export interface ListItemNode {
  type: "listItem";
  content: BlockNode[];
}

/** A bullet list. */
export interface BulletListNode {
  type: "bulletList";
  content: ListItemNode[];
}

/** A block quotation. */
export interface BlockquoteNode {
  type: "blockquote";
  content: BlockNode[];
}

/** Nodes allowed at block level (in the doc, a list item or a quote). */
export type BlockNode = ParagraphNode | BulletListNode | BlockquoteNode;

/** A whole validated rich-text document. */
export interface TiptapDoc {
  type: "doc";
  content: BlockNode[];
}

/** Every node type name the whitelist knows. */
export type RichTextNodeType =
  | TiptapDoc["type"]
  | BlockNode["type"]
  | ListItemNode["type"]
  | InlineNode["type"];
