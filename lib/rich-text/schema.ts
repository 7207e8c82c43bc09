import { z } from "zod";
import type {
  BlockNode,
  InlineNode,
  ListItemNode,
  TextMark,
  TiptapDoc,
} from "./types";
import { normalizeHref } from "./url-policy";

/**
 * The zod whitelist for stored rich text: doc, paragraph, text, bulletList,
 * listItem, blockquote, hardBreak, mention; marks bold, italic, link. Every object is
 * strict, so unknown keys (`attrs` on text, `onclick`, `html`…) are rejected.
 *
 * This schema is recursive. Parse untrusted input with `parseRichText`, which
 * checks depth and size iteratively first, never with this schema directly.
 */

/** Shown when a link fails the URL policy. */
export const LINK_NOT_ALLOWED =
  "A link in your text isn't allowed: only web addresses (http:// or https://) and email addresses (mailto:) can be linked.";

// Tiptap stores these link attributes (often as null). We accept them so the
// editor's own JSON validates, then drop them: the renderer always sets its
// own target and rel, and a stored class or title buys nothing but risk.
const droppedLinkAttr = z.string().max(200).nullable().optional();

// Unknown rather than string so a missing or null href (Tiptap's default) gets
// the same plain sentence as a hostile one.
const hrefSchema = z.unknown().transform((raw, ctx) => {
  const href = normalizeHref(raw);
  if (href === null) {
    ctx.issues.push({ code: "custom", message: LINK_NOT_ALLOWED, input: raw });
    return z.NEVER;
  }
  return href;
});

const linkMarkSchema = z.strictObject({
  type: z.literal("link"),
  attrs: z
    .strictObject({
      href: hrefSchema,
      target: droppedLinkAttr,
      rel: droppedLinkAttr,
      class: droppedLinkAttr,
      title: droppedLinkAttr,
    })
    .transform(({ href }) => ({ href })),
});

const markSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("bold") }),
  z.strictObject({ type: z.literal("italic") }),
  linkMarkSchema,
]);

// Tab and newline are tolerated; other C0 controls (NUL above all, which
// Postgres refuses in text) and lone surrogates (invalid in jsonb) are not.
const FORBIDDEN_TEXT = /[\u0000-\u0008\u000B-\u001F\u007F\p{Cs}]/u;

const textSchema = z.strictObject({
  type: z.literal("text"),
  text: z
    .string()
    .min(1)
    .refine((text) => !FORBIDDEN_TEXT.test(text), {
      message:
        "Your text contains invisible control characters. Please retype it rather than pasting it.",
    }),
  marks: z
    .array(markSchema)
    .max(3)
    .refine(
      (marks: TextMark[]) => new Set(marks.map((m) => m.type)).size === marks.length,
      { message: "The same formatting is applied twice to one piece of text." },
    )
    .optional(),
});

// Tiptap's mention extension writes { id, label, mentionSuggestionChar }; only id and label are kept.
const mentionSchema = z.strictObject({
  type: z.literal("mention"),
  attrs: z
    .strictObject({
      id: z.string().min(1).max(200).refine((id) => !FORBIDDEN_TEXT.test(id), { message: "A mention names nobody in the class." }),
      label: z.string().max(120).refine((label) => !FORBIDDEN_TEXT.test(label)).nullable().optional(),
      mentionSuggestionChar: z.literal("@").nullable().optional(),
    })
    .transform(({ id, label }) => ({ id, label: label ?? "" })),
});

const inlineSchema: z.ZodType<InlineNode> = z.discriminatedUnion("type", [
  textSchema,
  z.strictObject({ type: z.literal("hardBreak") }),
  mentionSchema,
]);

const paragraphSchema = z.strictObject({
  type: z.literal("paragraph"),
  content: z.array(inlineSchema).optional(),
});

// Lazy because blocks contain lists and quotes which contain blocks.
const blockSchema: z.ZodType<BlockNode> = z.lazy(() =>
  z.discriminatedUnion("type", [paragraphSchema, bulletListSchema, blockquoteSchema]),
);

const listItemSchema: z.ZodType<ListItemNode> = z.strictObject({
  type: z.literal("listItem"),
  content: z.array(blockSchema).min(1),
});

const bulletListSchema = z.strictObject({
  type: z.literal("bulletList"),
  content: z.array(listItemSchema).min(1),
});

const blockquoteSchema = z.strictObject({
  type: z.literal("blockquote"),
  content: z.array(blockSchema).min(1),
});

/** The whole-document whitelist; its output is a normalised `TiptapDoc`. */
export const richTextDocSchema: z.ZodType<TiptapDoc> = z.strictObject({
  type: z.literal("doc"),
  content: z.array(blockSchema),
});

/** Node type names the whitelist knows, for error messages. */
export const KNOWN_NODE_TYPES: ReadonlySet<string> = new Set([
  "doc",
  "paragraph",
  "text",
  "bulletList",
  "listItem",
  "blockquote",
  "hardBreak",
  "mention",
]);
