import type { z } from "zod";
import { KNOWN_NODE_TYPES } from "./schema";

/**
 * Turns zod issues about rich text into sentences a student can act on. The
 * raw zod wording ("Invalid discriminator value") never reaches a person.
 */

/** A path into the submitted JSON, e.g. ["content", 0, "content", 2]. */
export type RichTextPath = (string | number)[];

/** Formats 5230 as "5,230" without depending on the host locale. */
export function formatCount(n: number): string {
  return n.toLocaleString("en-US");
}

/** Quotes a user-supplied name for a message: short and free of controls. */
function quoteName(value: unknown): string {
  const text = String(value)
    .replace(/[\p{Cc}\p{Cf}]/gu, "")
    .slice(0, 40);
  return `"${text}"`;
}

function valueAt(root: unknown, path: RichTextPath): unknown {
  let current: unknown = root;
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

/** Describes a non-object input: what was sent instead of a document. */
export function describeWrongInput(input: unknown, noun: string): string {
  if (typeof input === "string") {
    return `Your ${noun} must be sent as rich-text data from the editor, not as text or HTML.`;
  }
  if (input === null || input === undefined) return `Your ${noun} is missing.`;
  return `Your ${noun} could not be read: it is not rich-text data from the editor.`;
}

/** Keeps only string and number path segments (zod allows symbols). */
export function toPath(path: readonly PropertyKey[]): RichTextPath {
  return path.filter((k): k is string | number => typeof k !== "symbol");
}

/** One friendly sentence for one zod issue. */
export function describeIssue(issue: z.core.$ZodIssue, input: unknown, noun: string): string {
  const path = toPath(issue.path);
  if (path.length === 0 && issue.code === "invalid_type") return describeWrongInput(input, noun);

  switch (issue.code) {
    case "custom":
      return issue.message;
    case "invalid_union": {
      // A discriminated union points at the "type" key of the offending node.
      const nodePath = path.at(-1) === "type" ? path.slice(0, -1) : path;
      const type = (valueAt(input, nodePath) as { type?: unknown } | undefined)?.type;
      if (nodePath.at(-2) === "marks") {
        return typeof type === "string"
          ? `The formatting ${quoteName(type)} isn't allowed; you can use bold, italic and links.`
          : `Some formatting in your ${noun} has no type, so it can't be read.`;
      }
      if (typeof type !== "string") return `Part of your ${noun} has no type, so it can't be read.`;
      if (KNOWN_NODE_TYPES.has(type)) {
        return `Your ${noun} has a ${quoteName(type)} in a place where it isn't allowed.`;
      }
      return `Your ${noun} contains content of a kind that isn't allowed (${quoteName(type)}). You can use paragraphs, bullet lists, quotes, line breaks, bold, italic and links.`;
    }
    case "unrecognized_keys": {
      const names = issue.keys.map(quoteName).join(", ");
      return `Your ${noun} contains ${issue.keys.length === 1 ? "a setting" : "settings"} that ${issue.keys.length === 1 ? "isn't" : "aren't"} allowed (${names}).`;
    }
    case "invalid_value":
      if (path.length === 1 && path[0] === "type") {
        return `Your ${noun} could not be read: it is not a rich-text document.`;
      }
      return `Part of your ${noun} is damaged and can't be read.`;
    case "too_small":
      if (issue.origin === "array") return `A list or quote in your ${noun} is empty.`;
      return `Your ${noun} contains an empty piece of text.`;
    case "too_big":
      if (path.at(-1) === "marks") return `A piece of text in your ${noun} has too much formatting.`;
      return `A piece of your ${noun} is too long.`;
    default:
      return `Part of your ${noun} is damaged and can't be read.`;
  }
}
