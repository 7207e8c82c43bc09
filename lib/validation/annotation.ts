import { z } from "zod";

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

/** A highlight code's id (checked against the class on the server), or null for none. */
export const codeIdSchema = z.string({ error: "A highlight code is named by its id, or null for none." }).min(1).max(200).nullable();

export const createAnnotationSchema = z.object({
  /** Client-generated, so a retried request never makes a duplicate. */
  id: z.uuid("The annotation id must be a UUID."),
  kind: z.enum(["highlight", "comment"]),
  scope: scopeSchema.default("class"),
  quote: quoteSchema,
  position: positionSchema,
  /** Tiptap JSON, checked by lib/rich-text. Required for comments. */
  body: z.unknown().optional(),
  tags: tagsSchema.default([]),
  /** One of the class's highlight codes (lib/annotations/highlight-codes.ts), or none. */
  codeId: codeIdSchema.optional(),
});

export const updateAnnotationSchema = z.object({
  version: z.number().int().positive(),
  body: z.unknown().optional(),
  tags: tagsSchema.optional(),
  scope: scopeSchema.optional(),
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
export type UpdateAnnotationInput = z.infer<typeof updateAnnotationSchema>;

/** A teacher hides an annotation from the class (true) or shows it again (false). */
export const hideAnnotationSchema = z.object({
  hidden: z.boolean({ error: "Say whether to hide the annotation (true) or show it again (false)." }),
});

export type HideAnnotationInput = z.infer<typeof hideAnnotationSchema>;
