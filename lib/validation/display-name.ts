import { z } from "zod";

// Text-direction controls: embeddings and overrides (U+202A–U+202E), isolates (U+2066–U+2069),
// the LRM/RLM marks (U+200E/F) and the Arabic letter mark (U+061C). Any of them can make a name
// render as different letters in a different order, e.g. "Ms. Okafor" plus a reversed tail.
const BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/u;

// Everything else that draws nothing: format characters (Cf: zero-width space, joiners, word
// joiner, BOM, soft hyphen…) and Unicode's default-ignorable code points (Hangul fillers…).
// Emoji variation selectors (U+FE0E/F) draw nothing of their own either, but only pick a glyph
// style for the character before them, so "Sam ❤️" stays allowed.
const INVISIBLE = /(?![\uFE0E\uFE0F])[\p{Cf}\p{Default_Ignorable_Code_Point}]/u;

const codePoint = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;

/**
 * The first reason `name` cannot be shown as a person's name, as a sentence,
 * or null. Two names that look the same on screen must be the same text, so
 * one user cannot pose as another: no control characters, no direction
 * controls, nothing invisible. Expects NFC text (displayNameSchema
 * normalises first).
 */
export function displayNameProblem(name: string): string | null {
  if (CONTROL.test(name)) return "A name cannot contain control characters.";
  const bidi = BIDI_CONTROL.exec(name);
  if (bidi) return `A name cannot contain text-direction controls (${codePoint(bidi[0])}): they can make it look like someone else's.`;
  const invisible = INVISIBLE.exec(name);
  if (invisible) return `A name cannot contain invisible characters (${codePoint(invisible[0])}): they can make it look like someone else's.`;
  return null;
}

/**
 * `name` with every character displayNameProblem refuses taken out (control
 * characters become spaces, the rest go), NFC-normalised and with its spaces
 * collapsed. For names nobody here typed, such as the creator named in an
 * imported file: refusing a whole file for one creator's invisible character
 * helps nobody, and what is left can no longer pose as someone else.
 */
export function cleanDisplayName(name: string): string {
  const everywhere = (pattern: RegExp) => new RegExp(pattern.source, "gu");
  return name
    .normalize("NFC")
    .replace(everywhere(CONTROL), " ")
    .replace(everywhere(BIDI_CONTROL), "")
    .replace(everywhere(INVISIBLE), "")
    .replace(/\s+/gu, " ")
    .trim();
}

/**
 * A person's display name, wherever one is typed (sign-up, a teacher's
 * roster): NFC-normalised, so the same letters typed as one code
 * point or as a letter plus an accent are stored alike, then trimmed,
 * 1–80 characters, and refused with a sentence by displayNameProblem.
 */
export const displayNameSchema = z
  .string()
  .transform((name) => name.normalize("NFC").trim())
  .pipe(
    z
      .string()
      .min(1, "Enter your name.")
      .max(80, "A name can be at most 80 characters.")
      .superRefine((name, ctx) => {
        const problem = displayNameProblem(name);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      }),
  );
