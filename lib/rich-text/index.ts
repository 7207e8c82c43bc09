export { MAX_BODY_CHARS, MAX_DEPTH, MAX_HREF_LENGTH, MAX_NODES } from "./limits";
export type { RichTextPath } from "./messages";
export {
  countCharacters,
  parseRichText,
  type ParseRichTextOptions,
  type RichTextIssue,
  type RichTextParseResult,
} from "./parse-rich-text";
export { plainTextOf, plainTextOfUnknown, richTextFromPlain } from "./plain-text";
export { mapMentions, mentionedIds } from "./mentions";
export { LINK_NOT_ALLOWED, richTextDocSchema } from "./schema";
export { escapeMarkdownInline, escapeMarkdownLineStart, richTextToMarkdown } from "./to-markdown";
export type * from "./types";
export { isSafeHref, normalizeHref } from "./url-policy";
