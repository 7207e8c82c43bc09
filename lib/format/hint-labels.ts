import type { EvidenceSource, HintKind } from "@/lib/critique";

/**
 * Words for automatic hints on the review page. Confidence is a ranking aid,
 * not a probability, so it is shown as a word rather than a percentage that
 * would look more precise than it is.
 */

const KIND_LABELS: Readonly<Record<HintKind, string>> = {
  "anachronistic-year": "Out-of-place year",
  "term-drift": "Misspelt key term",
  "confusable-word": "Confused word",
  "broken-phrase": "Broken set phrase",
  "page-artifact": "Page artifact",
};

/** "Out-of-place year", "Confused word", …; the raw kind for anything unknown. */
export function hintKindLabel(kind: string): string {
  return (KIND_LABELS as Record<string, string>)[kind] ?? kind;
}

/** Thresholds chosen so the detectors' usual scores (0.75–0.95) split into "likely" and "very likely". */
const CONFIDENCE_WORDS: readonly { min: number; word: string }[] = [
  { min: 0.9, word: "very likely" },
  { min: 0.75, word: "likely" },
  { min: 0.5, word: "possible" },
  { min: 0, word: "unsure" },
];

/** "very likely", "likely", "possible" or "unsure" for a 0..1 confidence. */
export function confidenceWord(confidence: number): string {
  return CONFIDENCE_WORDS.find((c) => confidence >= c.min)?.word ?? "unsure";
}

/** What a correction means in words: "" deletes the passage. */
export function correctionText(correction: string): string {
  return correction === "" ? "delete the passage" : `“${correction}”`;
}

const EVIDENCE_LABELS: Readonly<Record<EvidenceSource, string>> = {
  text: "In the text",
  title: "Title",
  glossary: "Glossary",
  "word-list": "Word list",
  rule: "Rule",
};

/** Where a hint's support comes from, in words: "In the text", "Glossary", … */
export function evidenceSourceLabel(source: string): string {
  return (EVIDENCE_LABELS as Record<string, string>)[source] ?? source;
}
