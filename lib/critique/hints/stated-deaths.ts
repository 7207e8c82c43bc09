import type { GlossaryPerson } from "../../validation/glossary";
import type { Segment } from "../types";

/** A person whose death the essay itself states, with where it says so. */
export interface StatedPerson extends GlossaryPerson {
  died: number;
  /** The words that state it, "Jackson died in May 1863", in canonical offsets. */
  statedAt: { start: number; end: number; quote: string };
}

// A verb of dying and the year within the next 40 characters of the same sentence: "died in May 1863", "was killed at
// Lützen in 1632". Then the name just before the verb: one to three capitalized words ("Stonewall Jackson", "Gustavus
// Adolphus"), read back on at most 100 characters. The verb is found first, so the dear look for a name is made only
// where someone dies; each part is bounded.
const DEATH = /\b(?:died|was\s+(?:killed|assassinated|executed|murdered|beheaded|hanged|guillotined|shot\s+dead))\b[^.!?\d]{1,40}(1\d{3}|20\d{2})\b/gu;
const NAME_BEFORE = /(\p{Lu}[\p{L}'’-]{1,30}(?:\s+\p{Lu}[\p{L}'’-]{1,30}){0,2})\s+$/u;
/** Capitalized words that are not a person's name: titles, pronouns and sentence openers. */
const NOT_NAMES = new Set([
  "The", "He", "She", "They", "It", "His", "Her", "Their", "When", "After", "Before", "Then", "But", "And", "So", "In",
  "King", "Queen", "Emperor", "Empress", "President", "General", "Pope", "Sultan", "Tsar", "Czar", "Prince", "Princess",
  "Lord", "Lady", "Sir", "Saint", "St", "Mr", "Mrs", "Dr", "Jr", "Sr", "Shah", "Caliph", "Admiral", "Marshal", "Colonel",
  "Captain", "Chairman", "Premier", "Chancellor", "Minister", "Governor", "Duke", "Count", "Baron", "Father", "Mother",
  "Later", "Finally", "Soon", "Eventually", "Meanwhile", "However", "Also", "Yet", "Although", "While", "By", "On", "At",
  "Of", "For", "Within", "During", "Until", "When", "Where", "This", "That", "There", "A", "An", "One", "Both", "Only",
  "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
]);

/**
 * The people whose death year the essay states ("Jackson died in May 1863",
 * "Gustavus Adolphus was killed at Lützen in 1632"): a person acting in a
 * later year is then as suspect as with the teacher's glossary. Titles and
 * sentence openers are dropped from the name; a name stated to die twice,
 * in different years, is left out (two people of one name). One bounded
 * match per position, so linear in the text.
 */
export function findStatedDeaths(segments: readonly Segment[]): StatedPerson[] {
  const byName = new Map<string, StatedPerson | null>();
  for (const segment of segments) {
    for (const m of segment.text.matchAll(DEATH)) {
      const verbAt = m.index ?? 0;
      const before = segment.text.slice(Math.max(0, verbAt - 100), verbAt);
      const named = NAME_BEFORE.exec(before);
      if (!named) continue;
      const parts = named[1].split(/\s+/).filter((part) => !NOT_NAMES.has(part.replace(/['’]s$/, "")));
      if (parts.length === 0) continue;
      const name = parts.join(" ");
      const died = Number(m[1]);
      const at = segment.start + verbAt - (before.length - named.index);
      const held = byName.get(name);
      if (held === null) continue;
      if (held && held.died !== died) byName.set(name, null);
      else if (!held) byName.set(name, { name, died, statedAt: { start: at, end: segment.start + verbAt + m[0].length, quote: segment.text.slice(at - segment.start, verbAt + m[0].length) } });
    }
  }
  return [...byName.values()].filter((p): p is StatedPerson => p !== null);
}
