import { z } from "zod";
import { FLAG_CATEGORIES } from "@/lib/critique/categories";
import { MAX_PASSAGE_CHARS } from "@/lib/review/find-passage";
import { positionSchema, quoteSchema } from "./annotation";

/** The teacher's own words on an entry; shared by both "by hand" forms. */
const teacherFields = {
  category: z.enum(FLAG_CATEGORIES, { error: "Choose what kind of error this is." }),
  /** What the text should say; "" means the passage should be deleted. */
  correction: z.string().trim().max(2000, "A correction can be at most 2,000 characters."),
  note: z.string().trim().max(2000, "A note can be at most 2,000 characters.").default(""),
};

/** One click on a hint: the server copies kind, category and suggestion from its own hint list. */
export const keyEntryFromHintSchema = z.object({
  source: z.literal("hint"),
  hintId: z.string().min(1).max(200),
  /** The revision the teacher saw the hint on: a newer text means the hint may be gone. */
  revisionId: z.string().min(1).max(100),
});

/** By hand from selectors the client built (checked against the current text). */
export const keyEntryFromSelectorsSchema = z.object({
  source: z.literal("selectors"),
  quote: quoteSchema,
  position: positionSchema,
  ...teacherFields,
});

/** By hand from typed or pasted words: the server finds the span and describes it. */
export const keyEntryFromPassageSchema = z.object({
  source: z.literal("passage"),
  words: z
    .string()
    .trim()
    .min(1, "Type or paste the words of the passage.")
    .max(MAX_PASSAGE_CHARS, `A passage can be at most ${MAX_PASSAGE_CHARS.toLocaleString("en-GB")} characters.`),
  /** Which place, counting from 1, when the words stand in the essay more than once. */
  occurrence: z.coerce.number().int("Give the occurrence as a whole number.").min(1, "Occurrences count from 1.").default(1),
  ...teacherFields,
});

/** POST /api/assignments/[id]/answer-key. */
export const createAnswerKeyEntrySchema = z.discriminatedUnion(
  "source",
  [keyEntryFromHintSchema, keyEntryFromSelectorsSchema, keyEntryFromPassageSchema],
  { error: "Say where the entry comes from: a hint, selectors or a passage." },
);

export type CreateAnswerKeyEntryInput = z.infer<typeof createAnswerKeyEntrySchema>;
export type KeyEntryFromPassageInput = z.infer<typeof keyEntryFromPassageSchema>;
