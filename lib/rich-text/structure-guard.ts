import { MAX_DEPTH, MAX_NODES } from "./limits";
import { describeWrongInput, formatCount, type RichTextPath } from "./messages";

/** A problem found before schema parsing, with where it was found. */
export interface GuardIssue {
  path: RichTextPath;
  message: string;
}

const MAX_MARKS = 3;

interface Pending {
  node: unknown;
  depth: number;
  path: RichTextPath;
}

/**
 * Checks nesting depth and node count of untrusted JSON without recursion, so a
 * document nested 100,000 levels deep costs a few steps, not a stack overflow.
 * Only `content` arrays are followed: that is the only way the whitelist nests.
 * Returns null when the zod schema may safely take over.
 */
export function guardStructure(input: unknown, noun: string): GuardIssue | null {
  if (input === null || typeof input !== "object" || Array.isArray(input)) {
    return { path: [], message: describeWrongInput(input, noun) };
  }

  const stack: Pending[] = [{ node: input, depth: 1, path: [] }];
  let seen = 1;
  while (stack.length > 0) {
    const { node, depth, path } = stack.pop() as Pending;
    if (depth > MAX_DEPTH) {
      return {
        path,
        message: `Your ${noun} has too many lists or quotes inside one another (at most ${MAX_DEPTH} levels). Please simplify it.`,
      };
    }
    if (node === null || typeof node !== "object") continue;
    // zod would walk every element before applying its own max, so refuse a
    // huge marks array here (the whitelist allows at most 3 distinct marks).
    const marks = (node as { marks?: unknown }).marks;
    if (Array.isArray(marks) && marks.length > MAX_MARKS) {
      return { path, message: `A piece of text in your ${noun} has too much formatting.` };
    }
    const content = (node as { content?: unknown }).content;
    if (!Array.isArray(content)) continue;

    // Counting before pushing means a million-element array is refused
    // without ever being walked.
    seen += content.length;
    if (seen > MAX_NODES) {
      return {
        path,
        message: `Your ${noun} has too many parts (more than ${formatCount(MAX_NODES)} paragraphs, list items and pieces of text). Please shorten it.`,
      };
    }
    for (let i = content.length - 1; i >= 0; i--) {
      stack.push({ node: content[i], depth: depth + 1, path: [...path, "content", i] });
    }
  }
  return null;
}
