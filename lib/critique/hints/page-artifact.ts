import { makeHint, quoted } from "../text-tools";
import type { Hint, HintContext, HintEvidence, Segment } from "../types";
import { isBreadcrumb, isByline, isChromePassage, isChromeVocabulary, isLabelledChrome } from "./chrome-words";

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
/** Chrome standing alone as a block is unambiguous; at the edge of a paragraph, a little less. */
const BLOCK_CONFIDENCE = 0.95;
const EDGE_CONFIDENCE = 0.85;

const SENTENCE_ENDS = new Set([".", "!", "?", "…"]);
const CLOSERS = new Set(['"', "'", "”", "’", ")", "]"]);
/** Separators of share bars and citation widgets ("Facebook | Twitter"). */
const SEPARATORS = new Set(["|", "•", "·"]);

/** The artifacts of each context already judged, for the length of one findHints call (contexts are made per call). */
const JUDGED = new WeakMap<HintContext, Hint[]>();

/** A passage of a block: a sentence, or a run between chrome separators ("|", "•"). */
interface Piece {
  from: number;
  to: number;
  /** True when an opening quotation mark before it is still open: quoted text is never chrome. */
  isQuoted: boolean;
}


/**
 * Hints at page artifacts: the chrome of the website a text was copied from
 * ("Share this: Facebook | Twitter", "Page 2 of 3", "Cite this essay: APA |
 * MLA", "Report this essay", "Authors Avatar", "Read more…") and a block cut
 * off by a trailing "..." or "…". Chrome is recognised by its words (see
 * chrome-words.ts) and only where it stands as chrome: alone as a block, or
 * at a block's start or end, together with any chrome next to it. Text in
 * quotation marks and quote blocks are never chrome, so a quoted slogan
 * ("Join now!" on a recruiting poster) is left alone. Suggestion "" means
 * delete it.
 */
export function findPageArtifacts(context: HintContext): Hint[] {
  // The year rule asks too (a byline's year is not the essay's): one context is judged once.
  const known = JUDGED.get(context);
  if (known) return known;
  const hints: Hint[] = [];
  JUDGED.set(context, hints);
  const add = (start: number, end: number, message: string, confidence: number, evidence: HintEvidence) =>
    hints.push(makeHint(context.text, { start, end, kind: "page-artifact", category: "page_artifact", message, suggestion: "", confidence, evidence: [evidence] }));
  for (const segment of context.segments) {
    if (segment.type === "quote") continue;
    const chrome = chromeAtEdges(segment);
    for (const run of chrome) {
      const words = context.text.slice(run.start, run.end);
      add(
        run.start,
        run.end,
        `${quoted(words)} is ${run.isWholeBlock ? "a button or caption" : "text"} of the website the essay was copied from, not part of the essay.`,
        run.isWholeBlock ? BLOCK_CONFIDENCE : EDGE_CONFIDENCE,
        {
          source: "rule",
          note: run.isWholeBlock
            ? "It stands alone as a block, and it is made of the words of a site's buttons and captions, not of the essay's."
            : `It ${run.start === segment.start + leadingSpaces(segment.text) ? "opens" : "closes"} its paragraph, and it is made of the words of a site's buttons and captions, not of the essay's.`,
          span: { start: run.start, end: run.end },
        },
      );
    }
    const cut = truncation(segment);
    // An ellipsis inside chrome already hinted ("Read more…") is part of that hint.
    if (cut && !chrome.some((r) => r.start <= cut.start && cut.end <= r.end)) {
      add(cut.start, cut.end, "The text breaks off here: the source is a truncated preview, and what follows is missing.", cut.confidence, {
        source: "rule",
        note: `The block ends in an ellipsis right after ${quoted(cut.before, 40)}, where no sentence ends.`,
        span: { start: cut.start, end: cut.end },
      });
    }
  }
  return hints;
}

/** The chrome runs of a block: the whole block, or the runs of chrome pieces at its start and its end. */
function chromeAtEdges(segment: Segment): Array<{ start: number; end: number; isWholeBlock: boolean }> {
  const pieces = splitPieces(segment.text);
  if (pieces.length === 0) return [];
  // A byline or a labelled link ("Read more: …", "Tags: …", "Cite this essay: … https://…") standing as a block.
  // A pager's "« Previous" opens with a guillemet, not a quotation: its label decides.
  const isOpenQuote = pieces[0].isQuoted && !/^[«‹]\s*\p{L}+:/u.test(segment.text.slice(pieces[0].from));
  if (!isOpenQuote && segment.type !== "heading" && isLabelledBlock(segment.text, pieces)) {
    return [{ start: segment.start + pieces[0].from, end: segment.start + pieces[pieces.length - 1].to, isWholeBlock: true }];
  }
  if (pieces.length <= 3 && !pieces[0].isQuoted) {
    const whole = segment.text.slice(pieces[0].from, pieces[pieces.length - 1].to);
    if (isChromePassage(whole, { isWholeBlock: true })) {
      return [{ start: segment.start + pieces[0].from, end: segment.start + pieces[pieces.length - 1].to, isWholeBlock: true }];
    }
  }
  // "strong": chrome by itself; "weak": chrome words only ("Harvard"), chrome only in a run with a strong piece.
  // Judged lazily, from each end inwards: a long block's middle sentences are never looked at.
  const judged: Array<"strong" | "weak" | "prose" | undefined> = [];
  const kinds = {
    at(i: number): "strong" | "weak" | "prose" {
      let kind = judged[i];
      if (kind === undefined) {
        const p = pieces[i];
        const words = p.isQuoted ? "" : segment.text.slice(p.from, p.to);
        kind = p.isQuoted ? "prose" : isChromePassage(words) || isLabelledChrome(words) ? "strong" : isChromeVocabulary(words) ? "weak" : "prose";
        judged[i] = kind;
      }
      return kind;
    },
  };
  let head = 0;
  while (head < pieces.length && kinds.at(head) !== "prose") head++;
  const hasStrong = (from: number, to: number) => {
    for (let i = from; i < to; i++) if (kinds.at(i) === "strong") return true;
    return false;
  };
  if (head === pieces.length && hasStrong(0, head)) {
    return [{ start: segment.start + pieces[0].from, end: segment.start + pieces[pieces.length - 1].to, isWholeBlock: true }];
  }
  const runs: Array<{ start: number; end: number; isWholeBlock: boolean }> = [];
  if (head > 0 && hasStrong(0, head)) runs.push({ start: segment.start + pieces[0].from, end: segment.start + pieces[head - 1].to, isWholeBlock: false });
  let tail = pieces.length;
  while (tail > head && kinds.at(tail - 1) !== "prose") tail--;
  if (tail < pieces.length && hasStrong(tail, pieces.length)) {
    runs.push({ start: segment.start + pieces[tail].from, end: segment.start + pieces[pieces.length - 1].to, isWholeBlock: false });
  }
  return runs;
}

/**
 * True when the block is a byline, a labelled link with a web address, or
 * made of labelled links between separators ("« Previous: X | Next: Y »"):
 * each of its separated parts a label and a title, or chrome words.
 */
function isLabelledBlock(text: string, pieces: readonly Piece[]): boolean {
  const whole = text.trim();
  if (whole.length > 400) return false;
  if (isByline(whole) || isBreadcrumb(whole)) return true;
  const parts = whole.split(/[|•·]/u).map((part) => part.trim()).filter((part) => part !== "");
  if (parts.length === 1) return pieces.length <= 4 && isLabelledChrome(whole);
  return parts.some((part) => isLabelledChrome(part)) && parts.every((part) => isLabelledChrome(part) || isChromeVocabulary(part));
}

/**
 * Cuts a block into pieces at sentence ends and separators, trimmed, each
 * marked when it starts inside an open quotation. One sweep: the quotation
 * state is carried from piece to piece. The pieces between the first two and
 * the last two are never chrome candidates, but are still cut so that the
 * edges are found the same way in any block.
 */
function splitPieces(text: string): Piece[] {
  const pieces: Piece[] = [];
  let from = 0;
  let quote = { straight: 0, curly: 0 };
  const push = (to: number) => {
    let start = from;
    while (start < to && /\s/u.test(text[start])) start++;
    let end = to;
    while (end > start && /\s/u.test(text[end - 1])) end--;
    // Quoted when a quotation is open before it, or when it opens with one ("“Join now!”").
    const opensQuote = /^["“«]/u.test(text[start] ?? "");
    if (end > start) pieces.push({ from: start, to: end, isQuoted: opensQuote || quote.straight % 2 === 1 || quote.curly > 0 });
    quote = quoteStateAfter(text, start, to, quote);
  };
  // By hand rather than with a pattern: /[.!?…]+…\s+/ restarts at every dot of a long run of dots.
  let i = 0;
  while (i < text.length) {
    if (SEPARATORS.has(text[i])) {
      push(i);
      from = i + 1;
      i++;
      continue;
    }
    if (!SENTENCE_ENDS.has(text[i])) {
      i++;
      continue;
    }
    let j = i;
    while (j < text.length && SENTENCE_ENDS.has(text[j])) j++;
    while (j < text.length && CLOSERS.has(text[j])) j++;
    // A sentence ends where the next one starts: "read more... can join" goes on in lower case.
    let next = j;
    while (next < text.length && /\s/u.test(text[next])) next++;
    if (next > j && !/\p{Ll}/u.test(text[next] ?? "")) {
      // A sentence end keeps its punctuation.
      push(j);
      from = j;
    }
    i = j;
  }
  push(text.length);
  return pieces;
}

/** The quotation state after text[from, to): straight quotes by parity, curly ones by depth. */
function quoteStateAfter(text: string, from: number, to: number, state: { straight: number; curly: number }) {
  let { straight, curly } = state;
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (c === '"') straight++;
    else if (c === "“" || c === "«") curly++;
    else if ((c === "”" || c === "»") && curly > 0) curly--;
  }
  return { straight, curly };
}

function leadingSpaces(text: string): number {
  let i = 0;
  while (i < text.length && /\s/u.test(text[i])) i++;
  return i;
}

/**
 * A block's final "..." or "…" with the spaces before it, found from the end
 * in linear time (a pattern anchored at the end restarts at every space of a
 * long run that is not at the end).
 */
function trailingEllipsis(text: string): { index: number; spaced: boolean; ellipsis: string } | null {
  const trimmed = text.trimEnd();
  const dots = trimmed.endsWith("…") ? 1 : trimmed.endsWith("...") ? 3 : 0;
  if (dots === 0) return null;
  const at = trimmed.length - dots;
  let index = at;
  while (index > 0 && /\s/u.test(text[index - 1])) index--;
  return { index, spaced: index < at, ellipsis: trimmed.slice(at) };
}

/** The trailing ellipsis of a cut-off block, if the block is one. */
function truncation(segment: Segment): { start: number; end: number; confidence: number; before: string } | null {
  if (segment.type === "heading") return null;
  const m = trailingEllipsis(segment.text);
  if (!m) return null;
  const before = segment.text.slice(0, m.index);
  // "…" after a full stop, a question or a closing quotation mark ends something whole.
  if (before.trim() === "" || /[.!?"'”’)\]]$/u.test(before)) return null;
  const afterFunctionWord = FUNCTION_WORD.test(before);
  if (!afterFunctionWord && !m.spaced) return null;
  const start = segment.start + segment.text.lastIndexOf(m.ellipsis);
  return {
    start,
    end: start + m.ellipsis.length,
    confidence: afterFunctionWord ? CUT_AFTER_FUNCTION_WORD_CONFIDENCE : CUT_AFTER_OTHER_WORD_CONFIDENCE,
    before: before.slice(-30),
  };
}
