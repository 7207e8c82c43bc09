import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { glossarySchema, isEmptyGlossary } from "../validation/glossary";
import type { EssayMeta } from "./types";

const isoDate = z
  .union([z.string(), z.date()])
  .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v.trim()))
  .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v), "must be a date written YYYY-MM-DD");

const line = (name: string) =>
  z
    .string({ error: `needs a "${name}" line` })
    .trim()
    .min(1, `"${name}" is empty`)
    .max(500, `"${name}" is longer than 500 characters`);

const metaSchema = z.object({
  title: line("title"),
  author: line("author"),
  source: line("source"),
  sourceUrl: z
    .url({ protocol: /^https?$/, error: '"sourceUrl" must be an http(s) address' })
    .optional(),
  retrieved: isoDate,
  notes: line("notes"),
  /** The teacher's glossary (period, terms, people): optional, used by the hints. */
  glossary: glossarySchema.optional(),
});

/** Splits `---` front matter from the body and checks the fields; returns a reason on failure. */
export function splitFrontMatter(
  source: string,
): { meta: EssayMeta; body: string } | { reason: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(source);
  if (!match) return { reason: "has no front matter (it must start with a --- block)" };
  let raw: unknown;
  try {
    raw = parseYaml(match[1]);
  } catch (error) {
    const first = String((error as Error).message).split("\n")[0];
    return { reason: `front matter is not valid YAML (${first})` };
  }
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) {
    return { reason: "front matter must be a list of key: value lines" };
  }
  const parsed = metaSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue.path.join(".");
    const message = issue.code === "invalid_type" && field ? `needs a "${field}" line` : issue.message;
    return { reason: `front matter ${message}` };
  }
  const { glossary, ...meta } = parsed.data;
  // An empty glossary is no glossary: the meta stays as it was for files without one.
  return { meta: glossary && !isEmptyGlossary(glossary) ? { ...meta, glossary } : meta, body: source.slice(match[0].length) };
}
