import { MAX_BODY_CHARS } from "./limits";
import { describeIssue, formatCount, toPath, type RichTextPath } from "./messages";
import { richTextDocSchema } from "./schema";
import { guardStructure } from "./structure-guard";
import type { TiptapDoc } from "./types";

/** One problem with submitted rich text: where, and a sentence for the student. */
export interface RichTextIssue {
  path: RichTextPath;
  message: string;
}

/** Result of `parseRichText`: the normalised doc, or the first message plus all issues. */
export type RichTextParseResult =
  | { ok: true; doc: TiptapDoc }
  | { ok: false; message: string; issues: RichTextIssue[] };

/** Options for `parseRichText`. */
export interface ParseRichTextOptions {
  /** Accept a document with no visible text (e.g. an optional flag rationale). */
  allowEmpty?: boolean;
  /** What the text is called in messages: "comment" (default), "reply"… */
  noun?: string;
}

// Enough to show a student everything that is wrong without flooding the UI.
const MAX_REPORTED_ISSUES = 10;

/** Counts Unicode code points, so an emoji is one character, as a student sees it. */
export function countCharacters(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // A high surrogate followed by a low one is a single code point.
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

function measureText(doc: TiptapDoc): { chars: number; hasVisibleText: boolean } {
  let chars = 0;
  let hasVisibleText = false;
  // Depth is already bounded by the guard; a stack keeps this flat anyway.
  const stack: unknown[] = [...doc.content];
  while (stack.length > 0) {
    const node = stack.pop() as { type: string; text?: string; content?: unknown[]; attrs?: { label?: string } };
    if (node.type === "mention") {
      chars += countCharacters(node.attrs?.label ?? "") + 1;
      hasVisibleText = true;
    }
    if (node.type === "text" && node.text !== undefined) {
      chars += countCharacters(node.text);
      if (!hasVisibleText && /\S/u.test(node.text)) hasVisibleText = true;
    }
    if (node.content) stack.push(...node.content);
  }
  return { chars, hasVisibleText };
}

function fail(issues: RichTextIssue[]): RichTextParseResult {
  return { ok: false, message: issues[0].message, issues };
}

/**
 * Validates untrusted Tiptap JSON against the whitelist and limits. On success
 * the returned doc is normalised: link hrefs in WHATWG form, Tiptap's link
 * target/rel/class/title dropped. Never throws, whatever `input` is.
 *
 * Order of checks: shape, depth and node count (iterative), then the zod
 * whitelist, then total length (MAX_BODY_CHARS) and emptiness.
 */
export function parseRichText(
  input: unknown,
  options: ParseRichTextOptions = {},
): RichTextParseResult {
  const noun = options.noun ?? "comment";

  const guardIssue = guardStructure(input, noun);
  if (guardIssue) return fail([guardIssue]);

  const parsed = richTextDocSchema.safeParse(input);
  if (!parsed.success) {
    return fail(
      parsed.error.issues.slice(0, MAX_REPORTED_ISSUES).map((issue) => ({
        path: toPath(issue.path),
        message: describeIssue(issue, input, noun),
      })),
    );
  }

  const { chars, hasVisibleText } = measureText(parsed.data);
  if (chars > MAX_BODY_CHARS) {
    return fail([
      {
        path: [],
        message: `Your ${noun} is ${formatCount(chars)} characters long; the limit is ${formatCount(MAX_BODY_CHARS)}.`,
      },
    ]);
  }
  if (!hasVisibleText && !options.allowEmpty) {
    return fail([{ path: [], message: `Your ${noun} is empty. Write something before posting.` }]);
  }
  return { ok: true, doc: parsed.data };
}
