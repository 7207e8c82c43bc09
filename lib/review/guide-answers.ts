import type { AnnotationDTO } from "@/lib/annotations/types";
import { plainTextOfUnknown } from "@/lib/rich-text";

/** A student who could answer: the roster's id and name. */
export interface RosterStudent {
  id: string;
  name: string;
}

/** Who answered one guiding question or instruction, as the teacher's review shows it. */
export interface GuideAnswers {
  id: string;
  guide: "question" | "instruction";
  /** The guide's words, as plain text. */
  text: string;
  quote: string;
  /** The roster's students with at least one answer that stands (not deleted), by name. */
  answered: RosterStudent[];
  /** The roster's students with none yet, by name. */
  notYet: RosterStudent[];
  /** All answers that stand, teachers' included. */
  answerCount: number;
}

const byName = (a: RosterStudent, b: RosterStudent) => a.name.localeCompare(b.name, undefined, { numeric: true }) || a.id.localeCompare(b.id);

/**
 * Per guide of the assignment (in text order), which of `roster`'s students
 * answered in its thread and which have not yet. Only the roster counts (a
 * teacher's reply or a removed student's is no student's answer here), so
 * "18 of 30" reads against the class, or the group the teacher filtered by.
 */
export function summarizeGuideAnswers(annotations: readonly AnnotationDTO[], roster: readonly RosterStudent[]): GuideAnswers[] {
  const students = [...roster].sort(byName);
  return annotations
    .filter((a): a is AnnotationDTO & { guide: "question" | "instruction" } => Boolean(a.guide) && !a.isDeleted)
    .sort((a, b) => a.position.start - b.position.start || a.createdAt.localeCompare(b.createdAt))
    .map((a) => {
      const live = a.replies.filter((r) => !r.isDeleted);
      const authors = new Set(live.map((r) => r.author.id));
      return {
        id: a.id,
        guide: a.guide,
        text: plainTextOfUnknown(a.body),
        quote: a.quote.exact,
        answered: students.filter((s) => authors.has(s.id)),
        notYet: students.filter((s) => !authors.has(s.id)),
        answerCount: live.length,
      };
    });
}
