import { z } from "zod";

/**
 * A teacher's glossary for one reading: the period it covers, its key terms,
 * and its people with their years. Optional everywhere: a reading without one
 * gets the hints it always got. The same schema checks a content file's
 * front matter, the reading form and what is stored with each revision.
 */

/** Years are whole CE years; history readings before year 1 are rare enough to leave out. */
const year = z
  .number({ error: "A year must be a number, such as 1953." })
  .int("A year must be a whole number.")
  .min(1, "A year must be 1 or later.")
  .max(2999, "A year must be 2999 or earlier.");

/** "1924–1953", "1924-1953" or "1924 to 1953": one separator between two years, read without backtracking. */
const RANGE = /^(\d{1,4})\s*(?:[-–—]|to)\s*(\d{1,4})$/u;

/** Accepts a range written as one string in front matter ("1917–1964") as well as { start, end }. */
function rangeFromString(value: unknown): unknown {
  if (typeof value === "number") return { start: value, end: value };
  if (typeof value !== "string") return value;
  const m = RANGE.exec(value.trim());
  return m ? { start: Number(m[1]), end: Number(m[2]) } : value;
}

const span = z
  .object({ start: year, end: year })
  .refine((r) => r.start <= r.end, { error: "A period must start before it ends." });

/** A span of years: { start, end }, or "1924–1953" in front matter. */
export const yearSpanSchema = z.preprocess(rangeFromString, span);

const name = (label: string) =>
  z.string().trim().min(1, `A ${label} cannot be empty.`).max(100, `A ${label} can be at most 100 characters.`);

/** One person: born, died and the spans in office are each optional. */
export const glossaryPersonSchema = z
  .object({
    name: name("name"),
    born: year.optional(),
    died: year.optional(),
    office: z.preprocess((v) => (v === undefined || Array.isArray(v) ? v : [v]), z.array(yearSpanSchema).max(10)).optional(),
  })
  .refine((p) => p.born === undefined || p.died === undefined || p.born <= p.died, {
    error: "A person cannot die before being born.",
  });

export const glossarySchema = z.object({
  /** The years the reading covers. */
  period: yearSpanSchema.optional(),
  /** Key terms as the teacher spells them ("Presidium", "Party Congress"). */
  terms: z.array(name("term")).max(200, "A glossary can list at most 200 terms.").default([]),
  people: z.array(glossaryPersonSchema).max(200, "A glossary can list at most 200 people.").default([]),
});

/** A checked glossary. */
export type Glossary = z.infer<typeof glossarySchema>;
export type GlossaryPerson = z.infer<typeof glossaryPersonSchema>;

/** The glossary of a reading that has none. */
export const EMPTY_GLOSSARY: Glossary = Object.freeze({ terms: [], people: [] }) as Glossary;

/** True when the glossary says nothing (no period, no terms, no people): stored as null. */
export function isEmptyGlossary(glossary: Glossary | null | undefined): boolean {
  return !glossary || (!glossary.period && glossary.terms.length === 0 && glossary.people.length === 0);
}

/**
 * A stored glossary (JSON from the database) as a Glossary, or null when it
 * is absent or no longer valid: a bad stored value must cost the hints their
 * glossary, never the page.
 */
export function readStoredGlossary(value: unknown): Glossary | null {
  if (value === null || value === undefined) return null;
  const parsed = glossarySchema.safeParse(value);
  return parsed.success && !isEmptyGlossary(parsed.data) ? parsed.data : null;
}
