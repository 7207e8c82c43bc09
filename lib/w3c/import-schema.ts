import { z } from "zod";
import { ANNO_CONTEXT } from "./vocabulary";

/**
 * Lenient zod schemas for Web Annotations made elsewhere (our own exports,
 * Hypothesis, other W3C clients). Objects are loose: unknown properties are
 * other vocabularies' business and are ignored, but every property we read is
 * checked, with a message a teacher uploading a file can understand.
 */

// RFC 3986 scheme followed by something; enough to tell "123" from an IRI.
const ABSOLUTE_IRI = /^[a-z][a-z0-9+.-]*:\S+$/i;

/** An absolute IRI such as "https://…" or "acct:user@host". */
export const iriSchema = z
  .string({ error: "expected an IRI (a web address)" })
  .regex(ABSOLUTE_IRI, { error: "expected an absolute IRI such as https://…" });

const oneOrMany = <T extends z.ZodType>(item: T, error?: string) =>
  z.union([item, z.array(item)], error ? { error } : undefined);

function includes(value: string | unknown[], wanted: string): boolean {
  return Array.isArray(value) ? value.includes(wanted) : value === wanted;
}

/** xsd:dateTime with a timezone, as the model requires, parsed to a Date. */
export const dateTimeSchema = z
  .iso.datetime({ offset: true, error: "expected a date-time with a timezone, e.g. 2024-03-01T12:00:00Z" })
  .transform((s) => new Date(s))
  // Year 0 (and "0000-01-01T00:00:00+01:00", still in year 0 in UTC) passes the pattern, but PostgreSQL refuses it.
  .refine((d) => d.getUTCFullYear() >= 1, { error: "expected a date-time in the year 1 or later" });

const agentSchema = z.looseObject({
  id: iriSchema.optional(),
  name: oneOrMany(z.string()).optional(),
  nickname: z.string().optional(),
});

/** The envelope of one annotation; target and body are read separately. */
export const annotationEnvelopeSchema = z
  .looseObject({
    "@context": z
      .union([z.string(), z.array(z.unknown())])
      .refine((c) => includes(c, ANNO_CONTEXT), {
        error: `its @context does not include ${ANNO_CONTEXT}`,
      })
      .optional(),
    id: iriSchema.optional(),
    type: oneOrMany(z.string(), 'it has no type "Annotation"').refine((t) => includes(t, "Annotation"), {
      error: 'its type is not "Annotation"',
    }),
    motivation: oneOrMany(z.string(), "motivation must be text").optional(),
    creator: oneOrMany(
      z.union([iriSchema, agentSchema]),
      "creator must be an IRI or an agent object",
    ).optional(),
    created: dateTimeSchema.optional(),
    modified: dateTimeSchema.optional(),
    body: z.unknown().optional(),
    bodyValue: z.string({ error: "bodyValue must be text" }).optional(),
    target: z.unknown().refine((t) => t !== undefined && t !== null, {
      error: "it has no target (what it annotates)",
    }),
  })
  .refine((a) => !(a.body !== undefined && a.bodyValue !== undefined), {
    error: "it has both body and bodyValue, which the model forbids",
  });

/** A TextQuoteSelector as we read it. */
export const textQuoteSelectorSchema = z.looseObject({
  type: z.literal("TextQuoteSelector"),
  exact: z.string({ error: 'a TextQuoteSelector needs the quoted text in "exact"' }).min(1, {
    error: 'a TextQuoteSelector has an empty "exact"',
  }),
  prefix: z.string({ error: "a TextQuoteSelector prefix must be text" }).optional(),
  suffix: z.string({ error: "a TextQuoteSelector suffix must be text" }).optional(),
});

const offset = z
  .number({ error: "a TextPositionSelector needs whole-number start and end" })
  .int({ error: "a TextPositionSelector needs whole-number start and end" })
  .nonnegative({ error: "a TextPositionSelector cannot start or end before 0" });

/** A TextPositionSelector as we read it (code points, end exclusive). */
export const textPositionSelectorSchema = z
  .looseObject({ type: z.literal("TextPositionSelector"), start: offset, end: offset })
  .refine((s) => s.start <= s.end, { error: "a TextPositionSelector ends before it starts" });

/** An embedded textual body (explicit TextualBody, or an untyped {value}). */
export const textualBodySchema = z.looseObject({
  type: z.literal("TextualBody").optional(),
  value: z.string({ error: 'a TextualBody needs its text in "value"' }),
  purpose: oneOrMany(z.string()).optional(),
  format: z.string().optional(),
});
