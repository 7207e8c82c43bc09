/**
 * A class's highlight codes (claim, evidence, bias, question…): the colours,
 * the non-colour cues and the default set, in one place. Pure: the reader,
 * the class page, the heatmap, the CSV and the server all read them here.
 *
 * Colour alone never tells codes apart (about one reader in twelve sees red
 * and green alike, and print is often greyscale), so every code also has a
 * cue: a shape drawn before each coded passage, in the legend and in the
 * toolbar, and spoken with the code's name by screen readers.
 */

/**
 * The Okabe–Ito palette (Okabe & Ito, "Color Universal Design", 2008): eight
 * colours that stay distinct for the common colour-vision deficiencies.
 * `ink` is the text colour on a swatch of it (black or white, whichever has
 * the higher WCAG contrast; tests hold it to 4.5:1).
 */
export const CODE_COLOURS = [
  { key: "orange", name: "Orange", hex: "#E69F00", ink: "#000000" },
  { key: "sky", name: "Sky blue", hex: "#56B4E9", ink: "#000000" },
  { key: "green", name: "Bluish green", hex: "#009E73", ink: "#000000" },
  { key: "yellow", name: "Yellow", hex: "#F0E442", ink: "#000000" },
  { key: "blue", name: "Blue", hex: "#0072B2", ink: "#FFFFFF" },
  { key: "vermillion", name: "Vermillion", hex: "#D55E00", ink: "#000000" },
  { key: "purple", name: "Reddish purple", hex: "#CC79A7", ink: "#000000" },
  { key: "black", name: "Black", hex: "#000000", ink: "#FFFFFF" },
] as const;

/**
 * The shapes that mark a code without colour. Geometric shapes from Unicode's
 * Geometric Shapes and Dingbats blocks, which every system font has; each is
 * followed by U+FE0E where a platform might draw it as an emoji otherwise.
 */
export const CODE_CUES = [
  { key: "circle", name: "circle", glyph: "●" },
  { key: "square", name: "square", glyph: "■" },
  { key: "triangle", name: "triangle", glyph: "▲" },
  { key: "diamond", name: "diamond", glyph: "◆" },
  { key: "star", name: "star", glyph: "★\uFE0E" },
  { key: "cross", name: "cross", glyph: "✚\uFE0E" },
  { key: "ring", name: "ring", glyph: "○" },
  { key: "down", name: "down triangle", glyph: "▼" },
  { key: "asterisk", name: "asterisk", glyph: "✱\uFE0E" },
] as const;

export type CodeColourKey = (typeof CODE_COLOURS)[number]["key"];
export type CodeCueKey = (typeof CODE_CUES)[number]["key"];

/** At most this many codes a class: one per digit key 1–9. */
export const MAX_CODES = 9;
/** A code's label is a word or two, shown on toolbar buttons and in the legend. */
export const MAX_CODE_LABEL = 24;

/** One code as the reader and the class page receive it. `position` is 0-based: its key is position + 1. */
export interface HighlightCodeDTO {
  id: string;
  label: string;
  colour: CodeColourKey;
  cue: CodeCueKey;
  position: number;
}

/** The one-click default set: the four moves of reading a source critically. */
export const DEFAULT_CODES: readonly { label: string; colour: CodeColourKey; cue: CodeCueKey }[] = [
  { label: "Claim", colour: "orange", cue: "circle" },
  { label: "Evidence", colour: "sky", cue: "square" },
  { label: "Bias", colour: "vermillion", cue: "triangle" },
  { label: "Question", colour: "blue", cue: "diamond" },
];

export function isCodeColour(value: unknown): value is CodeColourKey {
  return CODE_COLOURS.some((c) => c.key === value);
}

export function isCodeCue(value: unknown): value is CodeCueKey {
  return CODE_CUES.some((c) => c.key === value);
}

/** The colour of a code (an unknown key, from an older palette, reads as the first colour). */
export function colourOf(key: string): (typeof CODE_COLOURS)[number] {
  return CODE_COLOURS.find((c) => c.key === key) ?? CODE_COLOURS[0];
}

/** The cue of a code (an unknown key reads as the first cue). */
export function cueOf(key: string): (typeof CODE_CUES)[number] {
  return CODE_CUES.find((c) => c.key === key) ?? CODE_CUES[0];
}

/** The digit that applies a code: "1" for the first. */
export function codeKey(code: Pick<HighlightCodeDTO, "position">): string {
  return String(code.position + 1);
}

/** The code a digit key names, if the class has one there. */
export function codeForKey(codes: readonly HighlightCodeDTO[], key: string): HighlightCodeDTO | null {
  if (!/^[1-9]$/.test(key)) return null;
  return codes.find((c) => c.position === Number(key) - 1) ?? null;
}

/** How a code is named to people: "Claim (circle, orange)", for screen readers and tooltips. */
export function describeCode(code: Pick<HighlightCodeDTO, "label" | "colour" | "cue">): string {
  return `${code.label} (${cueOf(code.cue).name}, ${colourOf(code.colour).name.toLowerCase()})`;
}

/**
 * A colour and a cue for a new code: the first colour and the first cue no
 * code uses yet. Cues never repeat within a class (they are what tells codes
 * apart without colour); with nine codes a colour has to repeat.
 */
export function nextCodeLook(taken: readonly { colour: string; cue: string }[]): { colour: CodeColourKey; cue: CodeCueKey } {
  const colour = CODE_COLOURS.find((c) => !taken.some((t) => t.colour === c.key))?.key ?? CODE_COLOURS[taken.length % CODE_COLOURS.length].key;
  const cue = CODE_CUES.find((c) => !taken.some((t) => t.cue === c.key))?.key ?? CODE_CUES[0].key;
  return { colour, cue };
}

/**
 * The code a passage shows when several coded marks overlap: the one most of
 * them carry, the earlier code on a tie (so the colour does not flicker as
 * marks arrive). Null when none of them is coded.
 */
export function dominantCode(codeIds: readonly (string | null | undefined)[], codes: ReadonlyMap<string, HighlightCodeDTO>): HighlightCodeDTO | null {
  const counts = new Map<string, number>();
  for (const id of codeIds) if (id && codes.has(id)) counts.set(id, (counts.get(id) ?? 0) + 1);
  let best: HighlightCodeDTO | null = null;
  let bestCount = 0;
  for (const [id, count] of counts) {
    const code = codes.get(id)!;
    if (count > bestCount || (count === bestCount && best && code.position < best.position)) {
      best = code;
      bestCount = count;
    }
  }
  return best;
}
