import { z } from "zod";
import { CODE_COLOURS, CODE_CUES, MAX_CODE_LABEL, MAX_CODES } from "@/lib/annotations/highlight-codes";

const colourKeys = CODE_COLOURS.map((c) => c.key) as [string, ...string[]];
const cueKeys = CODE_CUES.map((c) => c.key) as [string, ...string[]];

/** One code as the teacher's editor sends it; an id keeps an existing code (and the highlights marked with it). */
export const highlightCodeInputSchema = z.object({
  id: z.string().min(1).max(200).optional(),
  label: z
    .string({ error: "Give each code a name." })
    .trim()
    .min(1, "Give each code a name.")
    .max(MAX_CODE_LABEL, `A code's name can be at most ${MAX_CODE_LABEL} characters.`)
    .regex(/^[\p{L}\p{N}][\p{L}\p{N} '’-]*$/u, "A code's name may use letters, numbers, spaces, hyphens and apostrophes."),
  colour: z.enum(colourKeys, { error: `Choose a colour of the palette: ${colourKeys.join(", ")}.` }),
  cue: z.enum(cueKeys, { error: `Choose a shape: ${cueKeys.join(", ")}.` }),
});

/**
 * The class's whole set of codes, in key order (the first is key 1): adding,
 * renaming, reordering and removing are all one save. Names and shapes must
 * differ, since each code is told apart by its name and its shape.
 */
export const saveHighlightCodesSchema = z
  .object({
    codes: z.array(highlightCodeInputSchema, { error: "Send the list of codes." }).max(MAX_CODES, `A class can have at most ${MAX_CODES} codes (keys 1 to 9).`),
  })
  .superRefine(({ codes }, ctx) => {
    const labels = codes.map((c) => c.label.toLocaleLowerCase());
    const label = labels.find((l, i) => labels.indexOf(l) !== i);
    if (label) ctx.addIssue({ code: "custom", path: ["codes"], message: `Two codes are called “${codes[labels.indexOf(label)].label}”: give each its own name.` });
    const cues = codes.map((c) => c.cue);
    const cue = cues.find((c, i) => cues.indexOf(c) !== i);
    if (cue) ctx.addIssue({ code: "custom", path: ["codes"], message: `Two codes have the ${cue} shape: give each its own, so codes differ without colour.` });
    const ids = codes.flatMap((c) => (c.id ? [c.id] : []));
    if (new Set(ids).size !== ids.length) ctx.addIssue({ code: "custom", path: ["codes"], message: "The same code is listed twice." });
  });

export type SaveHighlightCodesInput = z.infer<typeof saveHighlightCodesSchema>;
