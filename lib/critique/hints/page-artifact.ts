import { makeHint } from "../text-tools";
import type { Hint, HintContext, Segment } from "../types";

/**
 * Site chrome of essay-sharing and preview pages. These phrases never belong
 * to an essay's own prose, so they are hinted wherever they occur. They are
 * matched with the capitals of a button or caption ("Read more…", not "read
 * more..." inside a sentence); later words may be in either case.
 */
const INLINE_ARTIFACTS: readonly RegExp[] = [
  /\bThis is a preview of the (?:whole|full) (?:essay|document)\b\.?/gu,
  /\bSign up to (?:view|read|see|access) the (?:whole|full|rest of the) (?:essay|document|text)\b\.?/gu,
  /\bDownload this (?:essay|document)(?: to read the (?:whole|full) (?:essay|text|document))?\b\.?/gu,
  /\bAuthor(?:s|['’]s|s['’])? [Aa]vatar\b/gu,
  /\bJoin [Nn]ow!/gu,
  /\bRead [Mm]ore\s*(?:\.{3}|…)/gu,
  /(?:\.{3}|…)\s*show more content\s*(?:\.{3}|…)/giu,
  /\.{3} middle of paper \.{3}/giu,
  /\b(?:Want|Continue) to read (?:the|this) (?:whole|full|rest of the) (?:essay|document)\b\??/gu,
  /\bUnlock (?:this|the) (?:whole |full )?(?:essay|document)\b\.?/gu,
  /\bLog in to (?:view|read|see) (?:the|this) (?:whole|full) (?:essay|document)\b\.?/gu,
];

/**
 * Buttons and captions that are artifacts only when they make up a whole
 * block: "Read more" inside a sentence is prose, alone on a line it is a link.
 */
const WHOLE_BLOCK_ARTIFACTS =
  /^(?:Join now!?|Read more\s*(?:\.{3}|…)?|Continue reading\s*(?:\.{3}|…)?|Show more|See more|Preview|Advertisement|Sign up|Sign in|Log in|Page \d+ of \d+|(?:Word count|Words|Pages|Total Sources):?\s*\d[\d,]*|Total Length:.*\bwords\b.*|Save to my list|Click here\b.*)$/iu;

/** Words after which no sentence ends: an ellipsis after one is a cut, not a trailing thought. */
const FUNCTION_WORD =
  /\b(?:the|a|an|of|to|in|on|at|by|for|with|and|or|but|that|which|who|his|her|their|its|this|these|those|from|as|into|was|were|is|are)$/iu;
/** A cut after a function word is almost certainly a truncation. */
const CUT_AFTER_FUNCTION_WORD_CONFIDENCE = 0.9;
/**
 * After another word, only a spaced " ..." (how preview generators cut) is
 * hinted, and less surely: "well..." written by the author is style.
 */
const CUT_AFTER_OTHER_WORD_CONFIDENCE = 0.6;
/** Site chrome is unambiguous once matched. */
const CHROME_CONFIDENCE = 0.95;

/**
 * Hints at page artifacts: boilerplate of scraped essay sites ("Join now!",
 * "This is a preview of the whole essay", "Authors Avatar", "Read more…",
 * "Sign up to view the whole essay", "Download this essay") and a block cut
 * off by a trailing "..." or "…". Suggestion "" means delete it.
 */
export function findPageArtifacts(context: HintContext): Hint[] {
  const hints = new Map<number, Hint>();
  const add = (start: number, end: number, message: string, confidence: number) => {
    if (hints.has(start)) return;
    hints.set(
      start,
      makeHint(context.text, { start, end, kind: "page-artifact", category: "page_artifact", message, suggestion: "", confidence }),
    );
  };
  for (const segment of context.segments) {
    const trimmed = segment.text.trim();
    if (WHOLE_BLOCK_ARTIFACTS.test(trimmed)) {
      const at = segment.start + segment.text.indexOf(trimmed);
      add(at, at + trimmed.length, `“${trimmed}” is a button or caption of the website, not part of the essay.`, CHROME_CONFIDENCE);
    }
    for (const pattern of INLINE_ARTIFACTS) {
      for (const m of segment.text.matchAll(pattern)) {
        const at = segment.start + (m.index ?? 0);
        add(at, at + m[0].length, `“${m[0]}” is text of the website the essay was copied from, not part of the essay.`, CHROME_CONFIDENCE);
      }
    }
    const cut = truncation(segment);
    // An ellipsis inside chrome already hinted ("Read more…") is part of that hint.
    const covered = cut && [...hints.values()].some((h) => h.start <= cut.start && cut.end <= h.end);
    if (cut && !covered) add(cut.start, cut.end, "The text breaks off here: the source is a truncated preview, and what follows is missing.", cut.confidence);
  }
  return [...hints.values()];
}

/**
 * A block's final "..." or "…" with the spaces before it, as
 * /(\s*)(?:\.{3}|…)\s*$/u would match it, found from the end in linear time
 * (the pattern restarts at every space of a long run that is not at the end).
 */
function trailingEllipsis(text: string): { index: number; 0: string; 1: string } | null {
  const trimmed = text.trimEnd();
  const dots = trimmed.endsWith("…") ? 1 : trimmed.endsWith("...") ? 3 : 0;
  if (dots === 0) return null;
  const at = trimmed.length - dots;
  let index = at;
  while (index > 0 && /\s/u.test(text[index - 1])) index--;
  return { index, 0: text.slice(index), 1: text.slice(index, at) };
}

/** The trailing ellipsis of a cut-off block, if the block is one. */
function truncation(segment: Segment): { start: number; end: number; confidence: number } | null {
  if (segment.type === "quote" || segment.type === "heading") return null;
  const m = trailingEllipsis(segment.text);
  if (!m) return null;
  const before = segment.text.slice(0, m.index);
  // "…" after a full stop, a question or a closing quotation mark ends something whole.
  if (before.trim() === "" || /[.!?"'”’)\]]$/u.test(before)) return null;
  const afterFunctionWord = FUNCTION_WORD.test(before);
  if (!afterFunctionWord && m[1] === "") return null;
  const ellipsis = m[0].trim();
  const start = segment.start + segment.text.lastIndexOf(ellipsis);
  return {
    start,
    end: start + ellipsis.length,
    confidence: afterFunctionWord ? CUT_AFTER_FUNCTION_WORD_CONFIDENCE : CUT_AFTER_OTHER_WORD_CONFIDENCE,
  };
}
