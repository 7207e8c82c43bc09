import { z } from "zod";
import { MAX_POLYGON_POINTS } from "@/lib/sources/regions";

/** Tags: short words, at most 10 per annotation. */
export const tagSchema = z
  .string()
  .trim()
  .min(1, "A tag cannot be empty.")
  .max(32, "A tag can be at most 32 characters.")
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} _'-]*$/u, "Tags may use letters, numbers, spaces, hyphens and apostrophes.");

export const tagsSchema = z
  .array(tagSchema)
  .max(10, "An annotation can have at most 10 tags.")
  .transform((tags) => [...new Set(tags.map((t) => t.toLowerCase()))]);

export const scopeSchema = z.enum(["private", "class", "teachers"], {
  error: "Choose who sees this: only me, the class, or me and my teachers.",
});

export const quoteSchema = z.object({
  exact: z.string().min(1, "Select some text first.").max(2000, "Select at most 2,000 characters."),
  prefix: z.string().max(64).default(""),
  suffix: z.string().max(64).default(""),
});

export const positionSchema = z
  .object({
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
  })
  .refine((p) => p.end > p.start, "The selection is empty.");

/** A teacher's guiding question or instruction pinned to a passage (teachers only; the server refuses it from a student). */
export const guideSchema = z.enum(["question", "instruction"], { error: "A guide is a question or an instruction." });
/** A highlight code's id (checked against the class on the server), or null for none. */
export const codeIdSchema = z.string({ error: "A highlight code is named by its id, or null for none." }).min(1).max(200).nullable();
const coordinate = z.number({ error: "A region's corners must be numbers." });

/**
 * A region marked on a picture reading, in the picture's pixels. Its shape is
 * checked here; whether it lies inside the picture is checked against the
 * picture's size when it is created (lib/sources/regions.ts checkRegion).
 */
export const regionSchema = z.discriminatedUnion(
  "type",
  [
    z.object({ type: z.literal("rect"), x: coordinate, y: coordinate, w: coordinate, h: coordinate }).strict(),
    z
      .object({
        type: z.literal("polygon"),
        points: z
          .array(z.tuple([coordinate, coordinate], { error: "Each corner of a polygon is a pair of numbers [x, y]." }))
          .min(3, "A polygon needs at least 3 corners.")
          .max(MAX_POLYGON_POINTS, `A polygon can have at most ${MAX_POLYGON_POINTS} corners.`),
      })
      .strict(),
  ],
  { error: "A region is a rectangle (x, y, w, h) or a polygon (points)." },
);

/**
 * What an annotation marks: a passage (quote and position) or, on a picture
 * reading, a region. The create function requires exactly one of the two.
 */
export const targetFields = {
  quote: quoteSchema.optional(),
  position: positionSchema.optional(),
  region: regionSchema.optional(),
};

export const createAnnotationSchema = z.object({
  /** Client-generated, so a retried request never makes a duplicate. */
  id: z.uuid("The annotation id must be a UUID."),
  kind: z.enum(["highlight", "comment"]),
  scope: scopeSchema.default("class"),
  ...targetFields,
  /** Tiptap JSON, checked by lib/rich-text. Required for comments. */
  body: z.unknown().optional(),
  tags: tagsSchema.default([]),
  guide: guideSchema.optional(),
  /** One of the class's highlight codes (lib/annotations/highlight-codes.ts), or none. */
  codeId: codeIdSchema.optional(),
});

export const updateAnnotationSchema = z.object({
  version: z.number().int().positive(),
  body: z.unknown().optional(),
  tags: tagsSchema.optional(),
  scope: scopeSchema.optional(),
  guide: guideSchema.optional(),
  /** A highlight code of the class, or null to clear it. */
  codeId: codeIdSchema.optional(),
});

export const createReplySchema = z.object({
  id: z.uuid("The reply id must be a UUID."),
  body: z.unknown(),
});

export const updateReplySchema = z.object({
  version: z.number().int().positive(),
  body: z.unknown(),
});

export type CreateAnnotationInput = z.infer<typeof createAnnotationSchema>;
export type RegionInput = z.infer<typeof regionSchema>;
export type UpdateAnnotationInput = z.infer<typeof updateAnnotationSchema>;

/** A teacher hides an annotation from the class (true) or shows it again (false). */
export const hideAnnotationSchema = z.object({
  hidden: z.boolean({ error: "Say whether to hide the annotation (true) or show it again (false)." }),
});

export type HideAnnotationInput = z.infer<typeof hideAnnotationSchema>;
