import { z } from "zod";
import { glossaryFieldsSchema } from "./glossary-form";

const line = (label: string) => z.string().trim().min(1, `Fill in the ${label}.`).max(500, `The ${label} can be at most 500 characters.`);

export const readingSchema = z.object({
  title: line("title"),
  author: line("author"),
  source: line("source"),
  sourceUrl: z
    .union([z.literal(""), z.url({ protocol: /^https?$/, error: "The source link must start with http:// or https://." })])
    .optional(),
  retrieved: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Give the retrieval date as YYYY-MM-DD."),
  notes: line("provenance notes"),
  /** Markdown (headings, bullets, quotes) or plain text. */
  text: z.string().min(1, "Paste the text or upload a file.").max(1_000_000, "A reading can be at most 1 MB of text."),
  format: z.enum(["md", "txt"]).default("md"),
  isShared: z.boolean().default(false),
  /**
   * The teacher's glossary, from the form's boxes: null when they are empty (it is never required);
   * left out, the reading keeps the glossary it has.
   */
  glossary: glossaryFieldsSchema.optional(),
});

export type ReadingInput = z.infer<typeof readingSchema>;
