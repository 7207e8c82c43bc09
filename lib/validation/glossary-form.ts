import { z } from "zod";
import { glossarySchema, isEmptyGlossary } from "./glossary";
import type { Glossary, GlossaryPerson } from "./glossary";

/**
 * The glossary as the reading form edits it: two year boxes and two
 * textareas with one entry per line, because a teacher types a list faster
 * than they fill a table. People are written "Joseph Stalin, 1878–1953, in
 * office 1924–1953"; every part after the name is optional.
 */
export interface GlossaryFields {
  periodStart: string;
  periodEnd: string;
  /** One term per line. */
  terms: string;
  /** One person per line. */
  people: string;
}

export const EMPTY_GLOSSARY_FIELDS: GlossaryFields = { periodStart: "", periodEnd: "", terms: "", people: "" };

// "1878–1953", "1878-", "–1953": born and died, either may be missing. Digits and one dash, no backtracking.
const LIFE = /^(\d{1,4})?\s*[-–—]\s*(\d{1,4})?$/u;
const OFFICE = /^in office\s(.+)$/iu;
const SPAN = /^(\d{1,4})\s*[-–—]\s*(\d{1,4})$/u;
const BORN = /^born\s+(\d{1,4})$/iu;
const DIED = /^died\s+(\d{1,4})$/iu;

/** Max lines read from a textarea, so a pasted dump cannot become a huge glossary. */
const MAX_LINES = 200;

/** One line of the people box as a person, or a sentence saying what is wrong with it. */
export function parsePersonLine(line: string): GlossaryPerson | string {
  const [name, ...parts] = line.split(",").map((p) => p.trim());
  if (!name) return "starts with a comma: write the name first";
  const person: { name: string; born?: number; died?: number; office?: Array<{ start: number; end: number }> } = { name };
  for (const part of parts) {
    const office = OFFICE.exec(part);
    const life = LIFE.exec(part);
    const born = BORN.exec(part);
    const died = DIED.exec(part);
    if (office) {
      const span = SPAN.exec(office[1].trim());
      if (!span) return `“${part}” should be written “in office 1924–1953”`;
      person.office = [...(person.office ?? []), { start: Number(span[1]), end: Number(span[2]) }];
    } else if (life && (life[1] || life[2])) {
      if (life[1]) person.born = Number(life[1]);
      if (life[2]) person.died = Number(life[2]);
    } else if (born) person.born = Number(born[1]);
    else if (died) person.died = Number(died[1]);
    else return `“${part}” is not understood: write “1878–1953” for the years of life and “in office 1924–1953”`;
  }
  return person;
}

/** Lines of a textarea, trimmed, blank ones dropped. */
function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(0, MAX_LINES + 1);
}

/**
 * The form's glossary fields, checked and turned into a Glossary; null when
 * they are all empty (a reading needs no glossary). Errors name the box and
 * the line.
 */
export const glossaryFieldsSchema = z
  .object({
    periodStart: z.string().trim().max(10).default(""),
    periodEnd: z.string().trim().max(10).default(""),
    terms: z.string().max(20_000, "The terms box can hold at most 20,000 characters.").default(""),
    people: z.string().max(20_000, "The people box can hold at most 20,000 characters.").default(""),
  })
  .transform((fields, ctx): Glossary | null => {
    const people: GlossaryPerson[] = [];
    lines(fields.people).forEach((line, i) => {
      const person = parsePersonLine(line);
      if (typeof person === "string") ctx.addIssue({ code: "custom", path: ["people"], message: `People, line ${i + 1}: ${person}.` });
      else people.push(person);
    });
    const [start, end] = [fields.periodStart, fields.periodEnd];
    if ((start === "") !== (end === "")) ctx.addIssue({ code: "custom", path: ["periodStart"], message: "Give both years of the period, or neither." });
    const raw = {
      ...(start && end ? { period: { start: Number(start), end: Number(end) } } : {}),
      terms: lines(fields.terms),
      people,
    };
    const parsed = glossarySchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", path: [String(issue.path[0] ?? "terms")], message: `Glossary: ${issue.message}` });
      return z.NEVER;
    }
    return isEmptyGlossary(parsed.data) ? null : parsed.data;
  });

/** A stored glossary as the form shows it, so editing starts from what is saved. */
export function glossaryToFields(glossary: Glossary | null): GlossaryFields {
  if (!glossary) return EMPTY_GLOSSARY_FIELDS;
  const person = (p: GlossaryPerson) =>
    [
      p.name,
      ...(p.born !== undefined || p.died !== undefined ? [`${p.born ?? ""}–${p.died ?? ""}`] : []),
      ...(p.office ?? []).map((o) => `in office ${o.start}–${o.end}`),
    ].join(", ");
  return {
    periodStart: glossary.period ? String(glossary.period.start) : "",
    periodEnd: glossary.period ? String(glossary.period.end) : "",
    terms: glossary.terms.join("\n"),
    people: glossary.people.map(person).join("\n"),
  };
}
