import { readFileSync } from "node:fs";
import path from "node:path";
import search from "approx-string-match";
import { afterAll, describe, expect, it } from "vitest";
import {
  anchor,
  createTextIndex,
  describe as describeSpan,
  findAllExact,
  indexToCodePoint,
  matchQuote,
} from "@/lib/anchoring";
import type { Span, TextQuoteSelector, TextSelector } from "@/lib/anchoring";
import { findConformanceDir, suiteTitle } from "../../helpers/conformance";

/*
 * Runs every case of the shared anchoring conformance file (see its FORMAT.md).
 * App policy: strict first, fuzzy fallback. So `strict` cases test the strict
 * matcher (findAllExact) or the position path, `fuzzy` cases test anchor(), and
 * `any` cases must hold for both.
 */

interface CaseSpan extends Span {
  exact?: string;
  start_cp?: number;
  end_cp?: number;
}
interface ApproxMatch {
  start: number;
  end: number;
  errors: number;
}
interface Case {
  id: string;
  kind: string;
  semantics: string;
  doc?: string;
  text?: string;
  selector?: TextSelector;
  selectors?: Array<TextSelector | { type: "RangeSelector" }>;
  selectors_in_descending_score?: TextQuoteSelector[];
  expected?: CaseSpan | null | string;
  expected_all?: CaseSpan[];
  hint?: number;
  range?: CaseSpan;
  divergence?: string;
  pattern?: string;
  max_errors?: number;
  expected_min_error_matches?: ApproxMatch[];
  expected_all_matches?: ApproxMatch[];
  expected_match_count?: number;
}
interface CaseFile {
  documents: Record<string, { text: string }>;
  cases: Case[];
}

const EXPECTED_CASE_COUNT = 143;
const dir = findConformanceDir();
const file: CaseFile | null = dir
  ? JSON.parse(readFileSync(path.join(dir, "anchoring", "cases.json"), "utf8"))
  : null;

function textOf(c: Case): string {
  if (c.text !== undefined) return c.text;
  const doc = c.doc && file?.documents[c.doc];
  if (!doc) throw new Error(`${c.id}: no text and unknown doc ${c.doc}`);
  return doc.text;
}

/** Anchoring selectors only: Hypothesis baselines also carry RangeSelectors (DOM). */
function textSelectors(c: Case): TextSelector[] {
  const all = c.selectors ?? (c.selector ? [c.selector] : []);
  return all.filter((s): s is TextSelector => s.type === "TextQuoteSelector" || s.type === "TextPositionSelector");
}

function expectSpan(text: string, got: Span, want: CaseSpan) {
  expect({ start: got.start, end: got.end }).toEqual({ start: want.start, end: want.end });
  if (want.exact !== undefined) expect(text.slice(got.start, got.end)).toBe(want.exact);
  if (want.start_cp !== undefined) {
    const index = createTextIndex(text);
    const gotCp = [indexToCodePoint(index, got.start), indexToCodePoint(index, got.end)];
    expect(gotCp).toEqual([want.start_cp, want.end_cp]);
  }
}

function expectStrict(c: Case, text: string) {
  const sel = c.selector as TextSelector;
  if (sel.type === "TextPositionSelector") {
    // The position path of anchor(): code points in, UTF-16 and code points out.
    const got = anchor(text, [sel]);
    expect(got?.method).toBe("position");
    expect([got?.startCp, got?.endCp]).toEqual([sel.start, sel.end]);
    expect([got!]).toHaveLength(c.expected_all!.length);
    expectSpan(text, got!, c.expected_all![0]);
    return;
  }
  const got = findAllExact(text, sel);
  expect(got.map((s) => [s.start, s.end])).toEqual(c.expected_all!.map((s) => [s.start, s.end]));
  got.forEach((s, i) => expectSpan(text, s, c.expected_all![i]));
}

function expectAnchored(c: Case, text: string, options: { hint?: number } = {}) {
  const got = anchor(text, textSelectors(c), options);
  const want = c.expected as CaseSpan | null;
  if (want === null) return expect(got).toBeNull();
  expect(got).not.toBeNull();
  expectSpan(text, got!, want);
}

const runners: Record<string, (c: Case, text: string) => void> = {
  "quote-exact": (c, text) => (c.semantics === "strict" ? expectStrict(c, text) : expectAnchored(c, text)),
  "quote-all-matches": expectStrict,
  "quote-disambiguation": (c, text) => expectAnchored(c, text),
  position: expectStrict,
  fallback: (c, text) => expectAnchored(c, text),
  "not-found": (c, text) => {
    if (c.semantics === "strict") return expectStrict(c, text);
    if (c.divergence) return divergentNotFound(c, text);
    expectAnchored(c, text);
  },
  "quote-fuzzy": (c, text) => {
    const got = anchor(text, textSelectors(c));
    const want = c.expected as CaseSpan;
    expect(got?.method).toBe("fuzzy");
    expect(got!.score).toBeGreaterThan(0);
    expect(got!.score).toBeLessThan(1);
    // datq-fuzzy (divergence: the end is implementation-defined upstream). We
    // pin ours: among equally good ends we prefer whole words and the quote's
    // length, so "commodo cites" covers "commodo vitae" (371–384), like
    // dom-anchor-text-quote, not Hypothesis' "commodo vit" (371–382).
    expectSpan(text, got!, want);
  },
  "quote-fuzzy-hint": (c, text) => {
    const got = anchor(text, textSelectors(c), { hint: c.hint });
    expect(got?.start).toBe((c.expected as CaseSpan).start);
  },
  "score-ordering": (c, text) => {
    // Scores come from the scorer itself, searched with Hypothesis' radius
    // (half the quote) so that even the worst selector gets a score to compare.
    const scores = c.selectors_in_descending_score!.map((s) => {
      const m = matchQuote(text, s.exact, { prefix: s.prefix, suffix: s.suffix }, { maxErrors: s.exact.length / 2 });
      expect(m).not.toBeNull();
      return m!.score;
    });
    for (let i = 1; i < scores.length; i++) expect(scores[i]).toBeLessThan(scores[i - 1]);
  },
  "range-roundtrip": roundTrip,
  baseline: roundTrip,
  describe: (c, text) => {
    // We keep 32 characters of context instead of Apache's minimal context, so
    // its expected selector is not our oracle; ours must still match strictly
    // once, exactly at the range.
    const { quote } = describeSpan(text, c.range!.start, c.range!.end);
    expect(quote.exact).toBe(c.range!.exact);
    expect(findAllExact(text, quote)).toEqual([{ start: c.range!.start, end: c.range!.end }]);
  },
  "approx-search": (c) => {
    const got = search(c.text!, c.pattern!, c.max_errors!);
    const simple = (ms: ApproxMatch[]) => ms.map((m) => [m.start, m.end, m.errors]);
    if (c.expected_all_matches) expect(simple(got)).toEqual(simple(c.expected_all_matches));
    if (c.expected_match_count !== undefined) expect(got).toHaveLength(c.expected_match_count);
    if (c.expected_min_error_matches) {
      const min = Math.min(...got.map((m) => m.errors));
      const best = got.filter((m) => m.errors === min);
      // Upstream lists every acceptable best match; returning any of them is right.
      const allowed = simple(c.expected_min_error_matches);
      expect(allowed).toEqual(expect.arrayContaining(simple(best)));
      expect(best.length > 0).toBe(allowed.length > 0);
    }
  },
};

/** Every selector alone and all together anchor to the span; describe() gives them back. */
function roundTrip(c: Case, text: string) {
  const want = c.expected as CaseSpan;
  const selectors = textSelectors(c);
  for (const s of [...selectors.map((s) => [s]), selectors]) expectSpan(text, anchor(text, s)!, want);
  const { quote, position } = describeSpan(text, want.start, want.end);
  expect(selectors).toEqual(expect.arrayContaining([quote, position]));
}

/**
 * datq-not-found-long (policy divergence). Upstream, dom-anchor-text-quote
 * rejects it because diff-match-patch only searches 32-character windows;
 * Hypothesis accepts it. Our threshold is about the place, not the mechanism:
 * the only candidate is the annotated sentence itself with its last two words
 * rewritten (81% of the quote intact, above MIN_QUOTE_SIMILARITY), which is
 * the same situation as "some years later" → "Many years later" that the
 * suite requires us to accept. So we anchor it, as "fuzzy" (the UI says
 * "possibly moved"), on whole words.
 */
function divergentNotFound(c: Case, text: string) {
  expect(c.id).toBe("datq-not-found-long");
  const got = anchor(text, textSelectors(c));
  expect(got?.method).toBe("fuzzy");
  expect(got!.start).toBe(279);
  expect(got!.exact).toBe("Quisque sit amet est et sapien ullamcorper");
  expect(got!.score).toBeLessThan(1);
}

describe.skipIf(!dir)(suiteTitle("anchoring conformance"), () => {
  const cases = file?.cases ?? [];
  const ran = new Set<string>();

  it("has the number of cases FORMAT.md promises, each with a known kind", () => {
    expect(cases).toHaveLength(EXPECTED_CASE_COUNT);
    expect(cases.filter((c) => !runners[c.kind]).map((c) => c.id)).toEqual([]);
  });

  it.each(cases.map((c) => [`${c.kind} · ${c.id}`, c] as const))("%s", (_name, c) => {
    ran.add(c.id);
    expect.hasAssertions();
    runners[c.kind](c, c.kind === "approx-search" ? "" : textOf(c));
  });

  afterAll(() => {
    // Nothing may pass by not running: every case id was executed once.
    expect(ran.size).toBe(EXPECTED_CASE_COUNT);
  });
});
